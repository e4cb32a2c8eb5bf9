// A report as files to keep or hand on: CSV for a spreadsheet (UTF-8 with a byte-order mark, so
// Excel opens Chinese names correctly; amounts as plain decimals with a dot, the currency in a
// column of its own) and PDF for reading and printing (A4 landscape, set in the documents' Noto
// Sans SC, so Chinese renders; a long report runs over as many pages as it needs).
import { stringify } from 'csv-stringify/sync';
import PDFDocument from 'pdfkit';
import type { Output } from '../../../shared/api/methods.js';
import { usesPeriod, type ReportId } from '../../../shared/api/reports.js';
import { formatDate as documentDate, formatShortDate } from '../../../shared/documents/wording.js';
import type { Language } from '../../../shared/domain/language.js';
import { translate, type MessageKey } from '../../../shared/i18n/index.js';
import { formatMoney, toDecimalString } from '../../../shared/money.js';

const formatDate = (date: string, language: Language) => documentDate(language, date);
import { loadFonts } from '../documents/pdf/index.js';

type Report = Output<'reports.run'>;
type Column = Report['columns'][number];
type Cell = Report['rows'][number]['cells'][string];

export const columnLabel = (language: Language, key: string) => translate(language, `reports.column.${key}` as MessageKey);
export const reportTitle = (language: Language, report: ReportId) => translate(language, `reports.name.${report}`);

/** "Receivables aging 2026-11-26 (as of)" style file names, without characters file systems refuse. */
export function reportFileName(language: Language, report: Report, extension: 'pdf' | 'csv'): string {
  const when = usesPeriod(report.report) ? `${report.from} – ${report.to}` : report.asOf;
  return `${reportTitle(language, report.report)} ${when}.${extension}`.replace(/[\\/:*?"<>|]/g, '-');
}


function plainCell(column: Column, value: Cell | undefined, currency: string | null): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'money' && typeof value === 'number') return toDecimalString(value, currency ?? 'USD');
  return String(value);
}

export function reportCsv(report: Report, language: Language): Buffer {
  const [first, ...rest] = report.columns;
  // The currency follows the first column (the row's name), so every amount reads with its currency.
  const header = [columnLabel(language, first!.key), columnLabel(language, 'currency'), ...rest.map((c) => columnLabel(language, c.key))];
  const line = (cells: Report['rows'][number]['cells'], currency: string | null, name?: string) => [
    name ?? plainCell(first!, cells[first!.key], currency),
    currency ?? '',
    ...rest.map((c) => plainCell(c, cells[c.key], currency)),
  ];
  const records = [
    header,
    ...report.rows.map((row) => line(row.cells, row.currency)),
    ...report.totals.map((total) => line(total.cells, total.currency, translate(language, 'reports.total'))),
  ];
  return Buffer.from(stringify(records, { bom: true, record_delimiter: '\r\n' }), 'utf8');
}

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 36;
const ROW = 15;
const INK = '#1a1a1a';
const MUTED = '#5f6368';
const RULE = '#c4c7cc';

/** The printed value of a cell: money with its currency, dates and counts as the reseller reads them. */
function printedCell(column: Column, value: Cell | undefined, currency: string | null, language: Language): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'money' && typeof value === 'number') return currency ? formatMoney(value, currency, language) : String(value);
  if (column.kind === 'date' && typeof value === 'string') return formatShortDate(language, value);
  if ((column.kind === 'count' || column.kind === 'days') && typeof value === 'number') return value.toLocaleString(language);
  return String(value);
}

/** Column widths: text columns share what the fixed-width number columns leave. */
function widths(columns: Column[], available: number): number[] {
  const fixed = (c: Column) => (c.kind === 'money' ? 92 : c.kind === 'date' ? 70 : c.kind === 'count' || c.kind === 'days' ? 72 : 0);
  const texts = columns.filter((c) => fixed(c) === 0).length;
  const left = available - columns.reduce((sum, c) => sum + fixed(c), 0);
  return columns.map((c) => fixed(c) || Math.max(60, left / Math.max(1, texts)));
}

export async function reportPdf(report: Report, language: Language, meta: { filters: string; generatedOn: string }): Promise<{ bytes: Buffer; pages: number }> {
  const fonts = loadFonts();
  const title = reportTitle(language, report.report);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    font: null as unknown as string,
    lang: language,
    displayTitle: true,
    info: { Title: title, Creator: 'HostLedger', Producer: 'HostLedger' },
  });
  doc.registerFont('regular', fonts.regular as unknown as string);
  doc.registerFont('bold', fonts.bold as unknown as string);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const columns = report.columns;
  const colWidths = widths(columns, PAGE.width - 2 * MARGIN);
  const right = (c: Column) => c.kind !== 'text';
  let y = 0;

  const fitted = (text: string, width: number) => {
    if (doc.widthOfString(text) <= width) return text;
    const chars = [...text];
    while (chars.length > 0 && doc.widthOfString(`${chars.join('')}…`) > width) chars.pop();
    return `${chars.join('')}…`;
  };
  const drawRow = (values: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'regular').fontSize(8.5).fillColor(INK);
    let x = MARGIN;
    values.forEach((value, i) => {
      const width = colWidths[i]! - 6;
      const text = fitted(value, width);
      const textWidth = doc.widthOfString(text);
      doc.text(text, right(columns[i]!) ? x + width - textWidth : x, y, { lineBreak: false });
      x += colWidths[i]!;
    });
    y += ROW;
  };
  const header = () => {
    doc.addPage();
    y = MARGIN;
    doc.font('bold').fontSize(15).fillColor(INK).text(title, MARGIN, y, { lineBreak: false });
    y += 22;
    const when = usesPeriod(report.report)
      ? translate(language, 'reports.period', { from: formatDate(report.from, language), to: formatDate(report.to, language) })
      : translate(language, 'reports.asOfDay', { date: formatDate(report.asOf, language) });
    doc.font('regular').fontSize(9).fillColor(MUTED).text([when, meta.filters, translate(language, 'reports.generatedOn', { date: formatDate(meta.generatedOn, language) })].filter(Boolean).join(' · '), MARGIN, y, { lineBreak: false });
    y += 20;
    drawRow(columns.map((c) => columnLabel(language, c.key)), true);
    doc.save().moveTo(MARGIN, y - 3).lineTo(PAGE.width - MARGIN, y - 3).lineWidth(0.6).strokeColor(RULE).stroke().restore();
    y += 2;
  };
  const bottom = PAGE.height - MARGIN - 20;

  header();
  if (report.rows.length === 0) {
    doc.font('regular').fontSize(10).fillColor(MUTED).text(translate(language, 'reports.empty'), MARGIN, y, { lineBreak: false });
  }
  for (const row of report.rows) {
    if (y + ROW > bottom) header();
    drawRow(columns.map((c) => printedCell(c, row.cells[c.key], row.currency, language)), false);
  }
  if (report.rowLimit !== null) {
    if (y + ROW > bottom) header();
    doc.font('regular').fontSize(8.5).fillColor(MUTED).text(translate(language, 'reports.rowLimit', { count: report.rowLimit }), MARGIN, y, { lineBreak: false });
    y += ROW;
  }
  if (report.totals.length > 0) {
    if (y + ROW * (report.totals.length + 1) > bottom) header();
    doc.save().moveTo(MARGIN, y + 1).lineTo(PAGE.width - MARGIN, y + 1).lineWidth(0.6).strokeColor(INK).stroke().restore();
    y += 5;
    for (const total of report.totals) {
      const label = `${translate(language, 'reports.total')}${total.currency ? ` ${total.currency}` : ''}`;
      drawRow(columns.map((c, i) => (i === 0 ? label : c.kind === 'money' || c.kind === 'count' ? printedCell(c, total.cells[c.key], total.currency, language) : '')), true);
    }
  }
  // Page numbers, once the number of pages is known.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i += 1) {
    doc.switchToPage(range.start + i);
    const text = translate(language, 'reports.page', { page: i + 1, pages: range.count });
    doc.font('regular').fontSize(8).fillColor(MUTED);
    doc.text(text, PAGE.width - MARGIN - doc.widthOfString(text), PAGE.height - MARGIN - 8, { lineBreak: false });
  }
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), pages: range.count };
}
