// The fonts every document is set in: Noto Sans SC (regular and bold), a glyf-outline TTF that
// covers Latin and Simplified Chinese. Each file is 10 MB; parsing it per document would cost more
// than the document itself, so it is read and parsed once per process (per worker thread) and the
// parsed fontkit object handed to pdfkit, which accepts one in place of bytes and still embeds only
// the glyphs a document uses (a subset per document).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The part of a fontkit font this layer uses (fontkit ships no types; pdfkit depends on it). */
export interface ParsedFont {
  postscriptName: string;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, features?: unknown): GlyphRun;
  getGlyph(id: number, codePoints?: number[]): Glyph | null;
}

/** fontkit's glyph; `_decode` reads its outline from the glyf table (fontkit 2, pinned by pdfkit). */
interface Glyph {
  _decode(): unknown;
}

interface GlyphRun {
  glyphs: unknown[];
  positions: Array<Record<string, number>>;
  readonly advanceWidth: number;
}

/** A copy of a laid-out run, with fontkit's `advanceWidth` (pdfkit reads it). */
class CopiedRun implements GlyphRun {
  readonly positions: Array<Record<string, number>>;
  constructor(
    readonly glyphs: unknown[],
    positions: ReadonlyArray<Record<string, number>>,
  ) {
    this.positions = positions.map((position) => ({ ...position }));
  }

  get advanceWidth(): number {
    let width = 0;
    for (const position of this.positions) width += position.xAdvance;
    return width;
  }
}

interface Fontkit {
  create(bytes: Uint8Array): ParsedFont;
}

export interface Fonts {
  regular: ParsedFont;
  bold: ParsedFont;
}

const require = createRequire(import.meta.url);

/** Where the Noto Sans SC TTFs are installed (the package has no entry point for the files). */
export function notoSansScPaths(): { regular: string; bold: string } {
  const root = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  return {
    regular: join(root, '400Regular', 'NotoSansSC_400Regular.ttf'),
    bold: join(root, '700Bold', 'NotoSansSC_700Bold.ttf'),
  };
}

/** Distinct words kept laid out; a book's documents repeat far fewer (names, amounts, labels). */
const LAYOUT_CACHE_LIMIT = 50_000;

/**
 * The parsed font with what pdfkit would redo for every document remembered across documents:
 * - text layout (shaping through GSUB/GPOS): pdfkit caches it per document only. pdfkit scales
 *   the positions it gets in place, so each caller receives its own copy of them;
 * - each glyph's decoded outline, which the per-document subset reads to find composite glyphs.
 */
function shareAcrossDocuments(font: ParsedFont): ParsedFont {
  const runs = new Map<string, GlyphRun>();
  const remembered = new WeakSet<Glyph>();
  const shared = Object.create(font) as ParsedFont;
  shared.getGlyph = (id, codePoints) => {
    const glyph = font.getGlyph(id, codePoints);
    if (glyph && !remembered.has(glyph)) {
      remembered.add(glyph);
      const decode = glyph._decode.bind(glyph);
      let decoded: unknown;
      glyph._decode = () => (decoded ??= decode());
    }
    return glyph;
  };
  shared.layout = (text: string, features?: unknown): GlyphRun => {
    if (features !== undefined) return font.layout(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= LAYOUT_CACHE_LIMIT) runs.clear();
      const fresh = font.layout(text);
      run = new CopiedRun(fresh.glyphs, fresh.positions);
      runs.set(text, run);
    }
    return new CopiedRun(run.glyphs, run.positions);
  };
  return shared;
}

/** The font files' bytes, in memory that worker threads can share instead of copying. */
export interface FontBytes {
  regular: SharedArrayBuffer;
  bold: SharedArrayBuffer;
}

let bytes: FontBytes | null = null;
let cached: Fonts | null = null;

function readShared(path: string): SharedArrayBuffer {
  const file = readFileSync(path);
  const shared = new SharedArrayBuffer(file.byteLength);
  new Uint8Array(shared).set(file);
  return shared;
}

/**
 * The font files, read once per process. Hand them to a worker (workerData) and call
 * `useFontBytes` there: 20 MB that every thread would otherwise read and hold again.
 */
export function fontBytes(): FontBytes {
  if (!bytes) {
    const paths = notoSansScPaths();
    bytes = { regular: readShared(paths.regular), bold: readShared(paths.bold) };
  }
  return bytes;
}

/** In a worker: use the bytes its parent read (before the first `loadFonts`). */
export function useFontBytes(shared: FontBytes): void {
  bytes ??= shared;
}

/** The document fonts, parsed on first use and kept for the life of the process or thread. */
export function loadFonts(): Fonts {
  if (cached) return cached;
  const fontkit = require('fontkit') as Fontkit;
  const files = fontBytes();
  cached = { regular: shareAcrossDocuments(fontkit.create(new Uint8Array(files.regular))), bold: shareAcrossDocuments(fontkit.create(new Uint8Array(files.bold))) };
  return cached;
}
