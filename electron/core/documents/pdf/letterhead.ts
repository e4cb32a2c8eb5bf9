// What every document carries: the letterhead (logo, company, contact), the address in the
// envelope window with the sender's return line above it, fold marks, and the footer with the
// company's tax id and contact and "page x of y".
import { createHash } from 'node:crypto';
import type { CompanyBlock, PageFrame } from '../model.js';
import { ADDRESS_FIELD, addressField, foldMarks, letterheadColumn, MARGIN, mm, PAGE } from './geometry.js';
import { checkLogo } from './logo.js';
import { MUTED, RULE, type Sheet, type TextStyle } from './sheet.js';

/** An image pdfkit has opened (its types miss `openImage`, which lets one image serve many pages). */
interface PdfImage {
  width: number;
  height: number;
}
const openImage = (doc: PDFKit.PDFDocument, bytes: Buffer): PdfImage => (doc as unknown as { openImage(src: Buffer): PdfImage }).openImage(bytes);

// One embedded image per logo per PDF: a batch of 500 letters carries the logo once, even when
// each model holds its own copy of the bytes (as after crossing to a worker thread).
const logosByDoc = new WeakMap<PDFKit.PDFDocument, Map<string, PdfImage | null>>();

function logoImage(sheet: Sheet, logo: Uint8Array): PdfImage | null {
  let logos = logosByDoc.get(sheet.doc);
  if (!logos) logosByDoc.set(sheet.doc, (logos = new Map()));
  const key = createHash('sha256').update(logo).digest('hex');
  if (logos.has(key)) return logos.get(key)!;
  const check = checkLogo(logo);
  let image: PdfImage | null = null;
  if (check.ok) {
    try {
      image = openImage(sheet.doc, Buffer.from(logo.buffer, logo.byteOffset, logo.byteLength));
    } catch {
      image = null;
    }
  }
  logos.set(key, image);
  return image;
}

/** Draws the letterhead on the side away from the window; returns where it ends. */
function letterhead(sheet: Sheet, model: PageFrame): number {
  const column = letterheadColumn(model.envelope);
  const align = model.envelope.window === 'left' ? 'right' : 'left';
  const company = model.company;
  let y = mm(12);
  if (company.logo) {
    const image = logoImage(sheet, company.logo);
    if (image) {
      const box = { width: column.width, height: mm(16) };
      sheet.doc.image(image as unknown as Buffer, column.x, y, { fit: [box.width, box.height], ...(align === 'right' ? { align } : {}) });
      y += box.height + mm(3);
    } else {
      sheet.warnings.add({ code: company.logo.length === 0 ? 'logo_missing' : 'logo_unreadable', field: 'company.logo' });
    }
  }
  sheet.line(sheet.clean(company.name, 'company.name'), column.x, y, column.width, { size: 11, bold: true }, { align, field: 'company.name' });
  y += 15;
  const small = { size: 8, color: MUTED };
  const lines: Array<[string, string]> = company.addressLines.map((line, i) => [line, `company.addressLines.${i}`]);
  for (const [value, field] of [
    [company.phone, 'company.phone'],
    [company.email, 'company.email'],
    [company.website, 'company.website'],
  ] as const) {
    if (value) lines.push([value, field]);
  }
  if (company.taxId) lines.push([sheet.labelled('taxId', company.taxId), 'company.taxId']);
  for (const [value, field] of lines) {
    sheet.line(sheet.clean(value, field), column.x, y, column.width, small, { align, field });
    y += 10.5;
  }
  return y;
}

/** Splits a too-wide line into pieces that fit, breaking after a space where one is near. */
function wrapLine(sheet: Sheet, text: string, width: number, style: TextStyle): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest !== '') {
    const fitted = sheet.fit(rest, width, style);
    if (fitted === null) {
      pieces.push(rest);
      break;
    }
    let take = [...fitted].length - 1;
    const chars = [...rest];
    const space = chars.slice(0, take).lastIndexOf(' ');
    if (space > take / 2) take = space + 1;
    if (take < 1) take = 1;
    pieces.push(chars.slice(0, take).join('').trimEnd());
    rest = chars.slice(take).join('').trimStart();
  }
  return pieces;
}

interface AddressLine {
  text: string;
  field: string;
  bold: boolean;
}

/**
 * The recipient inside the window. A line too wide for it wraps onto the next when the six lines
 * leave room; otherwise each line is cut with an ellipsis, and when there are more than six lines
 * the sixth ends with one. Returns the field's bottom.
 */
function address(sheet: Sheet, model: PageFrame): number {
  const field = addressField(model.envelope);
  const inner = field.width - mm(2);
  const company = model.company;
  // The sender's return line: as many of name and address parts as fit, never half a part.
  const returnStyle = { size: 6.5, color: MUTED };
  const parts = [company.name, ...company.addressLines].filter((part) => part.trim() !== '').map((part, i) => sheet.clean(part, i === 0 ? 'company.name' : `company.addressLines.${i - 1}`));
  let returnLine = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    if (sheet.width(`${returnLine} · ${part}`, returnStyle) > inner) break;
    returnLine = `${returnLine} · ${part}`;
  }
  sheet.line(returnLine, field.x, field.y + mm(4), inner, returnStyle);
  sheet.rule(field.x, field.x + inner, field.y + mm(4) + 9, RULE, 0.4);

  const recipient = model.recipient;
  const wanted: AddressLine[] = [
    { text: sheet.clean(recipient.name, 'recipient.name'), field: 'recipient.name', bold: true },
    ...recipient.addressLines.map((text, i) => ({ text: sheet.clean(text.trim(), `recipient.addressLines.${i}`), field: `recipient.addressLines.${i}`, bold: false })).filter((line) => line.text !== ''),
  ];
  const styleOf = (line: AddressLine): TextStyle => ({ size: 10, bold: line.bold });
  const wrapped = wanted.flatMap((line) => wrapLine(sheet, line.text, inner, styleOf(line)).map((text) => ({ ...line, text })));
  const lines = wrapped.length <= ADDRESS_FIELD.maxLines ? wrapped : wanted;
  const shown = lines.slice(0, ADDRESS_FIELD.maxLines);
  let y = field.y + ADDRESS_FIELD.returnZone;
  shown.forEach((line, i) => {
    let text = line.text;
    if (i === shown.length - 1 && lines.length > shown.length) {
      sheet.warnings.add({ code: 'address_too_many_lines', field: 'recipient.addressLines' });
      // The ellipsis says the address goes on; fit() keeps it inside the window.
      text = `${text} …`;
    }
    sheet.line(text, field.x, y, inner, styleOf(line), { field: line.field, truncated: 'address_line_truncated' });
    y += ADDRESS_FIELD.lineHeight;
  });
  return field.y + field.height;
}

function marks(sheet: Sheet, model: PageFrame): void {
  for (const y of [...foldMarks(model.envelope), PAGE.height / 2]) sheet.rule(mm(4), y === PAGE.height / 2 ? mm(9) : mm(8), y, RULE, 0.5);
}

/** The first page's head: returns where the content below it may start. */
export function firstPageHead(sheet: Sheet, model: PageFrame): number {
  marks(sheet, model);
  const headBottom = letterhead(sheet, model);
  const fieldBottom = address(sheet, model);
  return Math.max(headBottom, fieldBottom) + mm(6);
}

/** The footer's two lines: who (name, tax id) and how to reach them (email, phone, website). */
function footerLines(sheet: Sheet, company: CompanyBlock): [string, string] {
  const join = (parts: Array<string | null>) => parts.filter((part): part is string => part !== null && part.trim() !== '').join(' · ');
  return [
    sheet.clean(join([company.name, company.taxId ? sheet.labelled('taxId', company.taxId) : null]), 'company.name'),
    sheet.clean(join([company.email, company.phone, company.website]), 'company.email'),
  ];
}

/**
 * Footer on pages [first, first + count) of the PDF, numbered 1…count; from the second page on,
 * the title small in the top margin, so a loose page says what it belongs to.
 */
export function footers(sheet: Sheet, model: PageFrame, first: number, count: number): void {
  const [who, contact] = footerLines(sheet, model.company);
  const pageLabel = sheet.label('page');
  const width = PAGE.width - MARGIN.left - MARGIN.right;
  const y = PAGE.height - mm(16);
  const style = { size: 7.5, color: MUTED };
  const runningHead = sheet.clean(model.title, 'title');
  for (let i = 0; i < count; i += 1) {
    sheet.doc.switchToPage(first + i);
    if (i > 0) sheet.line(runningHead, MARGIN.left, mm(8), width, style);
    sheet.rule(MARGIN.left, PAGE.width - MARGIN.right, y - mm(2.5));
    const numbering = pageLabel.replace('{page}', String(i + 1)).replace('{pages}', String(count));
    const numberWidth = sheet.width(numbering, style);
    sheet.line(numbering, MARGIN.left, y, width, style, { align: 'right' });
    sheet.line(who, MARGIN.left, y, width - numberWidth - mm(6), style, { field: 'company.name' });
    sheet.line(contact, MARGIN.left, y + 10, width - numberWidth - mm(6), style, { field: 'company.email' });
  }
}
