// A pdfkit document with the house rules for text applied: every string is checked against the
// font's glyphs (a missing one is drawn as "□" and reported), one-line texts are fitted to their
// width with an ellipsis, labels come from the model, and content stops above the footer.
import PDFDocument from 'pdfkit';
import type { Language } from '../../../../shared/domain/language.js';
import type { Labels } from '../model.js';
import type { Fonts, ParsedFont } from './fonts.js';
import { CONTENT_BOTTOM, MARGIN, PAGE } from './geometry.js';
import type { LabelKey } from './labels.js';
import type { RenderWarningCode, WarningList } from './warnings.js';

export const INK = '#1a1a1a';
export const MUTED = '#5f6368';
export const RULE = '#c4c7cc';
export const SHADE = '#eef0f3';

const FALLBACK = '□';
const REGULAR = 'NotoSansSC-Regular';
const BOLD = 'NotoSansSC-Bold';
const ELLIPSIS = '…';

// Glyph coverage per font, per code point: asked once per process, not per character drawn.
const coverage = new WeakMap<ParsedFont, Map<number, boolean>>();
function covers(font: ParsedFont, codePoint: number): boolean {
  let known = coverage.get(font);
  if (!known) coverage.set(font, (known = new Map()));
  let has = known.get(codePoint);
  if (has === undefined) known.set(codePoint, (has = font.hasGlyphForCodePoint(codePoint)));
  return has;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
}

export function newPdf(meta: { title: string; author: string; language: string; date: Date }): PDFKit.PDFDocument {
  return new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN.top, bottom: MARGIN.bottom, left: MARGIN.left, right: MARGIN.right },
    bufferPages: true,
    autoFirstPage: false,
    // No built-in font: every text is set in the embedded Noto Sans SC.
    font: null as unknown as string,
    lang: meta.language,
    displayTitle: true,
    info: { Title: meta.title, Author: meta.author, Creator: 'HostLedger', Producer: 'HostLedger', CreationDate: meta.date, ModDate: meta.date },
  });
}

export class Sheet {
  /** Where the next block starts on the current page. */
  y = MARGIN.top;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    private readonly fonts: Fonts,
    readonly warnings: WarningList,
    private readonly labels: Labels,
    private readonly language: Language,
  ) {
    // By name: pdfkit then reuses one embedded font (and one subset) per face for the whole PDF,
    // instead of comparing the parsed font's name tables on every switch.
    doc.registerFont(REGULAR, fonts.regular as unknown as string);
    doc.registerFont(BOLD, fonts.bold as unknown as string);
  }

  /** The text as the font can draw it: characters without a glyph become "□", each reported. */
  clean(text: string, field: string): string {
    let out = '';
    for (const char of text) {
      const codePoint = char.codePointAt(0)!;
      if (char === '\n') out += char;
      else if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) out += ' ';
      else if (covers(this.fonts.regular, codePoint) && covers(this.fonts.bold, codePoint)) out += char;
      else {
        this.warnings.add({ code: 'glyph_missing', field, character: char, codePoint: `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}` });
        out += FALLBACK;
      }
    }
    return out;
  }

  label(key: LabelKey): string {
    const text = this.labels[key];
    if (text === undefined || text.trim() === '') {
      this.warnings.add({ code: 'label_missing', field: `labels.${key}` });
      return key;
    }
    return this.clean(text, `labels.${key}`);
  }

  /** "Label: value" with the colon of the document's language (full-width in Chinese). */
  labelled(key: LabelKey, value = ''): string {
    return `${this.label(key)}${this.language === 'zh-CN' ? '：' : ': '}${value}`.trimEnd();
  }

  style(style: TextStyle): this {
    this.doc.font(style.bold ? BOLD : REGULAR).fontSize(style.size).fillColor(style.color ?? INK);
    return this;
  }

  width(text: string, style: TextStyle): number {
    this.style(style);
    return this.doc.widthOfString(text);
  }

  /** Cuts a cleaned text to `width` with an ellipsis; null when it already fits. */
  fit(text: string, width: number, style: TextStyle): string | null {
    if (this.width(text, style) <= width) return null;
    const chars = [...text];
    let low = 0;
    let high = chars.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.doc.widthOfString(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS) <= width) low = mid;
      else high = mid - 1;
    }
    return chars.slice(0, low).join('').trimEnd() + ELLIPSIS;
  }

  /**
   * One line of text at (x, y), never wrapped: cut to `width` with an ellipsis (reported as
   * `truncated` for `field`). `align` places it inside [x, x + width].
   */
  line(text: string, x: number, y: number, width: number, style: TextStyle, options: { align?: 'left' | 'right' | 'center'; field?: string; truncated?: RenderWarningCode } = {}): void {
    const fitted = this.fit(text, width, style);
    if (fitted !== null && options.field) this.warnings.add({ code: options.truncated ?? 'text_truncated', field: options.field });
    const shown = fitted ?? text;
    const textWidth = this.doc.widthOfString(shown);
    const left = options.align === 'right' ? x + width - textWidth : options.align === 'center' ? x + (width - textWidth) / 2 : x;
    this.doc.text(shown, left, y, { lineBreak: false });
  }

  /** Height of a wrapped text block in the given style. */
  height(text: string, width: number, style: TextStyle, lineGap = 1.5): number {
    this.style(style);
    return this.doc.heightOfString(text, { width, lineGap });
  }

  /** A wrapped text block at (x, y); the caller has made room for it. Returns its height. */
  block(text: string, x: number, y: number, width: number, style: TextStyle, options: { align?: 'left' | 'right'; lineGap?: number } = {}): number {
    const lineGap = options.lineGap ?? 1.5;
    const height = this.height(text, width, style, lineGap);
    this.doc.text(text, x, y, { width, lineGap, align: options.align ?? 'left' });
    return height;
  }

  /** A paragraph in the flow: starts a new page first when not even two lines would fit. */
  paragraph(text: string, style: TextStyle, options: { x?: number; width?: number; lineGap?: number } = {}): void {
    const x = options.x ?? MARGIN.left;
    const width = options.width ?? PAGE.width - MARGIN.left - MARGIN.right;
    this.style(style);
    const lineHeight = this.doc.currentLineHeight(true) + (options.lineGap ?? 1.5);
    this.ensure(Math.min(this.height(text, width, style, options.lineGap), lineHeight * 2));
    this.style(style);
    // pdfkit flows a long paragraph onto further pages by itself, within the page margins.
    this.doc.text(text, x, this.y, { width, lineGap: options.lineGap ?? 1.5 });
    this.y = this.doc.y;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  ensure(height: number): boolean {
    if (this.y + height <= CONTENT_BOTTOM) return false;
    this.newPage();
    return true;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  rule(x1: number, x2: number, y: number, color = RULE, width = 0.6): void {
    this.doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
  }
}
