// The part of each document below the head: title and facts, the lines or entries with their
// totals, notes and payment details for invoices and statements; subject, body, table, payment
// details, closing and signatures for letters.
import type { DocumentModel, InvoiceDocument, LetterDocument, StatementDocument } from '../model.js';
import { CONTENT_WIDTH, MARGIN, mm, PAGE } from './geometry.js';
import { MUTED, RULE, type Sheet } from './sheet.js';
import { flowTable, type Column } from './tables.js';

const TEXT = { size: 9.5 };

function title(sheet: Sheet, model: DocumentModel): void {
  sheet.line(sheet.clean(model.title, 'title'), MARGIN.left, sheet.y, CONTENT_WIDTH, { size: 15, bold: true }, { field: 'title' });
  sheet.y += 24;
}

function facts(sheet: Sheet, model: DocumentModel, rows: Array<[string, string]>): void {
  const all: Array<[string, string, string]> = [[sheet.label('date'), sheet.clean(model.dateText, 'dateText'), 'dateText']];
  rows.forEach(([label, value], i) => all.push([sheet.clean(label, `facts.${i}.0`), sheet.clean(value, `facts.${i}.1`), `facts.${i}`]));
  const labelWidth = mm(38);
  for (const [label, value, field] of all) {
    sheet.ensure(13);
    sheet.line(label, MARGIN.left, sheet.y, labelWidth - mm(2), { size: 9, color: MUTED }, { field });
    sheet.line(value, MARGIN.left + labelWidth, sheet.y, CONTENT_WIDTH - labelWidth, { size: 9 }, { field });
    sheet.y += 13;
  }
  sheet.y += mm(4);
}

function totals(sheet: Sheet, rows: Array<[string, string]>): void {
  if (rows.length === 0) return;
  const width = mm(85);
  const x = PAGE.width - MARGIN.right - width;
  sheet.ensure(rows.length * 15 + 12);
  rows.forEach(([label, value], i) => {
    const last = i === rows.length - 1;
    if (last) {
      sheet.y += 3;
      sheet.rule(x, x + width, sheet.y - 1, '#1a1a1a', 0.8);
      sheet.y += 3;
    }
    const style = { size: last ? 10.5 : 9, bold: last };
    const valueText = sheet.clean(value, `totals.${i}.1`);
    const valueWidth = Math.min(sheet.width(valueText, style), width / 2);
    sheet.line(sheet.clean(label, `totals.${i}.0`), x, sheet.y, width - valueWidth - mm(4), style, { field: `totals.${i}` });
    sheet.line(valueText, x, sheet.y, width, style, { align: 'right', field: `totals.${i}` });
    sheet.y += last ? 17 : 14;
  });
  sheet.y += mm(3);
}

function notes(sheet: Sheet, lines: string[]): void {
  lines.forEach((note, i) => {
    sheet.paragraph(sheet.clean(note, `notes.${i}`), { size: 9 });
    sheet.y += 4;
  });
}

/** How to pay, or a visible line saying no payment details are set. */
function paymentDetails(sheet: Sheet, model: DocumentModel): void {
  const lines = model.company.paymentLines.filter((line) => line.trim() !== '');
  sheet.y += mm(2);
  sheet.ensure(14 + Math.max(1, lines.length) * 12);
  sheet.line(sheet.label('paymentDetails'), MARGIN.left, sheet.y, CONTENT_WIDTH, { size: 9.5, bold: true });
  sheet.y += 14;
  if (lines.length === 0) {
    sheet.warnings.add({ code: 'payment_details_missing', field: 'company.paymentLines' });
    sheet.paragraph(sheet.label('noPaymentDetails'), { size: 9, bold: true, color: '#a12622' });
  } else {
    lines.forEach((line, i) => sheet.paragraph(sheet.clean(line, `company.paymentLines.${i}`), { size: 9 }));
  }
  sheet.y += mm(3);
}

function invoice(sheet: Sheet, model: InvoiceDocument): void {
  title(sheet, model);
  facts(sheet, model, model.facts);
  const amountWidth = mm(30);
  const columns: Column[] = [
    { header: sheet.label('description'), width: CONTENT_WIDTH - mm(18) - mm(28) - mm(18) - amountWidth },
    { header: sheet.label('quantity'), width: mm(18), align: 'right' },
    { header: sheet.label('unitPrice'), width: mm(28), align: 'right' },
    { header: sheet.label('taxRate'), width: mm(18), align: 'right' },
    { header: sheet.label('amount'), width: amountWidth, align: 'right' },
  ];
  const rows = model.lines.map((line, i) => [
    sheet.clean(line.description, `lines.${i}.description`),
    sheet.clean(line.quantity, `lines.${i}.quantity`),
    sheet.clean(line.unitPrice, `lines.${i}.unitPrice`),
    sheet.clean(line.taxRate, `lines.${i}.taxRate`),
    sheet.clean(line.amount, `lines.${i}.amount`),
  ]);
  flowTable(sheet, columns, rows);
  totals(sheet, model.totals);
  notes(sheet, model.notes);
  // A credit note asks for no payment.
  if (model.kind !== 'credit_note') paymentDetails(sheet, model);
}

function statement(sheet: Sheet, model: StatementDocument): void {
  title(sheet, model);
  facts(sheet, model, model.facts);
  const money = mm(27);
  const columns: Column[] = [
    { header: sheet.label('entryDate'), width: mm(24) },
    { header: sheet.label('description'), width: CONTENT_WIDTH - mm(24) - 3 * money },
    { header: sheet.label('debit'), width: money, align: 'right' },
    { header: sheet.label('credit'), width: money, align: 'right' },
    { header: sheet.label('balance'), width: money, align: 'right' },
  ];
  const rows = model.entries.map((entry, i) => [
    sheet.clean(entry.date, `entries.${i}.date`),
    sheet.clean(entry.description, `entries.${i}.description`),
    sheet.clean(entry.debit, `entries.${i}.debit`),
    sheet.clean(entry.credit, `entries.${i}.credit`),
    sheet.clean(entry.balance, `entries.${i}.balance`),
  ]);
  flowTable(sheet, columns, rows);
  totals(sheet, model.totals);
  notes(sheet, model.notes);
  paymentDetails(sheet, model);
}

/** A letter table's columns: the first wider, the last (an amount, usually) right-aligned. */
function letterColumns(headers: string[]): Column[] {
  const count = Math.max(1, headers.length);
  const first = count === 1 ? CONTENT_WIDTH : CONTENT_WIDTH * (count > 3 ? 0.3 : 0.4);
  const rest = count === 1 ? 0 : (CONTENT_WIDTH - first) / (count - 1);
  return headers.map((header, i) => ({ header, width: i === 0 ? first : rest, align: i > 0 && i === count - 1 ? 'right' : 'left' }));
}

function signatures(sheet: Sheet, model: LetterDocument): void {
  if (model.signatures.length === 0) return;
  const perRow = 2;
  const gap = mm(12);
  const width = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
  const small = { size: 8.5, color: MUTED };
  for (let start = 0; start < model.signatures.length; start += perRow) {
    sheet.ensure(mm(16) + 3 * 14);
    sheet.y += mm(14);
    const top = sheet.y;
    model.signatures.slice(start, start + perRow).forEach((signer, j) => {
      const i = start + j;
      const x = MARGIN.left + j * (width + gap);
      sheet.rule(x, x + width, top, '#1a1a1a', 0.6);
      sheet.line(sheet.clean(signer, `signatures.${i}`), x, top + 4, width, { size: 9, bold: true }, { field: `signatures.${i}` });
      sheet.line(sheet.labelled('signatureName'), x, top + 20, width, small);
      sheet.rule(x + mm(18), x + width, top + 29, RULE, 0.5);
      sheet.line(sheet.labelled('signatureDate'), x, top + 36, width, small);
      sheet.rule(x + mm(18), x + width, top + 45, RULE, 0.5);
    });
    sheet.y = top + 52;
  }
}

function letter(sheet: Sheet, model: LetterDocument): void {
  sheet.line(sheet.clean(model.dateText, 'dateText'), MARGIN.left, sheet.y, CONTENT_WIDTH, { size: 9.5 }, { align: 'right', field: 'dateText' });
  sheet.y += 20;
  sheet.paragraph(sheet.clean(model.subject, 'subject'), { size: 12, bold: true });
  sheet.y += mm(3);
  const paragraphs = model.body.split(/\n\s*\n/).map((part) => part.trim()).filter((part) => part !== '');
  paragraphs.forEach((part) => {
    sheet.paragraph(sheet.clean(part, 'body'), TEXT, { lineGap: 2.5 });
    sheet.y += 7;
  });
  if (model.table && model.table.columns.length > 0) {
    sheet.y += mm(1);
    const columns = letterColumns(model.table.columns.map((header, i) => sheet.clean(header, `table.columns.${i}`)));
    const rows = model.table.rows.map((row, r) => columns.map((_, c) => sheet.clean(row[c] ?? '', `table.rows.${r}.${c}`)));
    flowTable(sheet, columns, rows);
  }
  // A receipt confirms the arrears are cleared: nothing more to pay.
  if (model.kind !== 'receipt') paymentDetails(sheet, model);
  if (model.closing.trim() !== '') sheet.paragraph(sheet.clean(model.closing, 'closing'), TEXT, { lineGap: 2.5 });
  signatures(sheet, model);
}

export function drawBody(sheet: Sheet, model: DocumentModel): void {
  if ('lines' in model) invoice(sheet, model);
  else if ('entries' in model) statement(sheet, model);
  else letter(sheet, model);
}
