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
  layout(text: string): unknown;
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

let cached: Fonts | null = null;

/** The document fonts, parsed on first use and kept for the life of the process or thread. */
export function loadFonts(): Fonts {
  if (cached) return cached;
  const fontkit = require('fontkit') as Fontkit;
  const paths = notoSansScPaths();
  cached = { regular: fontkit.create(readFileSync(paths.regular)), bold: fontkit.create(readFileSync(paths.bold)) };
  return cached;
}
