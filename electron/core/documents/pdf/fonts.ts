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
 * The parsed font with its text layout (shaping through GSUB/GPOS, the costliest step after
 * parsing) remembered across documents: pdfkit caches layouts per document only. pdfkit scales
 * the positions it gets in place, so each caller receives its own copy of them.
 */
function withSharedLayout(font: ParsedFont): ParsedFont {
  const runs = new Map<string, GlyphRun>();
  const shared = Object.create(font) as ParsedFont;
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

let cached: Fonts | null = null;

/** The document fonts, parsed on first use and kept for the life of the process or thread. */
export function loadFonts(): Fonts {
  if (cached) return cached;
  const fontkit = require('fontkit') as Fontkit;
  const paths = notoSansScPaths();
  cached = { regular: withSharedLayout(fontkit.create(readFileSync(paths.regular))), bold: withSharedLayout(fontkit.create(readFileSync(paths.bold))) };
  return cached;
}
