// An invoice, proforma or credit note as printed, from the invoice store, in the client's language.
import type { InvoiceDetail } from '../../../../shared/domain/invoice.js';
import type { Client } from '../../../../shared/domain/client.js';
import { documentTitle, formatAmount, formatDate, formatQuantity, formatRate, word } from '../../../../shared/documents/wording.js';
import type { Context } from '../../context.js';
import type { InvoiceDocument } from '../model.js';
import { base, type Letterhead } from './common.js';

export function buildInvoice(ctx: Context, invoice: InvoiceDetail, client: Client, head: Letterhead): InvoiceDocument {
  const language = client.language;
  const money = (minor: number) => formatAmount(language, minor, invoice.currency);
  const date = (value: string) => formatDate(language, value);
  const number = invoice.number ?? '—';
  const inclusive = invoice.taxMode === 'inclusive';

  // The number is in the title and the issue date in the date line: the facts add what they do not say.
  const facts: Array<[string, string]> = [];
  if (invoice.kind !== 'credit_note' && invoice.dueDate) facts.push([word(language, 'dueDate'), date(invoice.dueDate)]);
  const credited = invoice.creditedInvoiceId ? ctx.invoices.get(invoice.creditedInvoiceId) : null;
  if (credited) facts.push([word(language, 'originalInvoice'), credited.number ?? '—']);
  if (invoice.kind === 'credit_note' && invoice.reason) facts.push([word(language, 'reason'), invoice.reason]);
  const periods = invoice.lines.filter((line) => line.periodStart && line.periodEnd);
  if (periods.length > 0) {
    const from = periods.map((line) => line.periodStart!).sort()[0]!;
    const to = periods.map((line) => line.periodEnd!).sort().at(-1)!;
    facts.push([word(language, 'period'), `${date(from)} – ${date(to)}`]);
  }
  if (client.taxId) facts.push([word(language, 'clientTaxId'), client.taxId]);

  const lines = invoice.lines.map((line) => ({
    description: line.description,
    quantity: formatQuantity(line.quantityMilli),
    unitPrice: money(line.unitPriceMinor),
    taxRate: formatRate(line.taxRateBp),
    amount: money(inclusive ? line.totalMinor : line.netMinor),
  }));

  const totals: Array<[string, string]> = [];
  if (!inclusive) totals.push([word(language, 'subtotal'), money(invoice.netMinor)]);
  for (const group of invoice.taxByRate) {
    if (group.taxMinor !== 0 || invoice.taxByRate.length > 1) totals.push([word(language, 'taxAt', { rate: formatRate(group.rateBp) }), money(group.taxMinor)]);
  }
  if (invoice.kind === 'credit_note') {
    totals.push([word(language, 'creditTotal'), money(invoice.totalMinor)]);
  } else {
    totals.push([word(language, 'total'), money(invoice.totalMinor)]);
    const paid = invoice.allocations.filter((a) => a.reversedDate === null).reduce((sum, a) => sum + a.amountMinor, 0);
    const creditedMinor = invoice.creditNotes.filter((note) => note.status === 'issued').reduce((sum, note) => sum + note.totalMinor, 0);
    if (paid > 0) totals.push([word(language, 'paid'), money(-paid)]);
    if (creditedMinor > 0) totals.push([word(language, 'credited'), money(-creditedMinor)]);
    totals.push([word(language, 'balanceDue'), money(invoice.status === 'void' ? 0 : invoice.openMinor)]);
  }

  const notes: string[] = [];
  if (invoice.status === 'void') notes.push(word(language, 'note.void', { reason: invoice.voidReason ?? '' }));
  if (invoice.kind === 'proforma') notes.push(word(language, 'note.proforma'));
  if (invoice.kind === 'credit_note' && credited) notes.push(word(language, 'note.creditNote', { number: credited.number ?? '—' }));
  if (invoice.kind !== 'credit_note' && invoice.status === 'issued') {
    if (invoice.openMinor === 0) notes.push(word(language, 'note.paidInFull'));
    else if (invoice.dueDate) notes.push(word(language, 'note.payBy', { date: date(invoice.dueDate), number }));
  }
  if (client.taxExemptReason) notes.push(word(language, 'note.taxExempt', { reason: client.taxExemptReason }));
  if (invoice.notes) notes.push(invoice.notes);

  return {
    ...base(ctx, client, head, `${documentTitle(language, invoice.kind)} ${number}`),
    ...(invoice.issueDate ? { dateText: date(invoice.issueDate), issuedOn: invoice.issueDate } : {}),
    kind: invoice.kind,
    number,
    facts,
    lines,
    totals,
    notes,
  };
}
