// An invoice draft as its editor holds it — lines of typed text — and the API input it becomes:
// quantities in thousandths, unit prices in minor units of the client's currency, each line with
// its tax rate or the client's. Also the totals the draft comes to, per tax rate, with the same
// rounding rule the backend uses (shared/billing/lineAmounts.ts). Pure, unit-tested.
import type { Input, Output } from '../../../shared/api/methods.js';
import { lineAmounts, type LineAmounts, type TaxMode } from '../../../shared/billing/lineAmounts.js';
import type { Client } from '../../../shared/domain/client.js';
import type { InvoiceDetail } from '../../../shared/domain/invoice.js';
import { amountText, readAmount } from '../ui/amountText.js';
import { quantityText, readQuantity } from '../ui/numberText.js';

export type TaxRate = Output<'taxRates.list'>['items'][number];
type LineInput = NonNullable<Input<'invoices.createDraft'>['lines']>[number];

export interface LineValues {
  description: string;
  quantity: string;
  unitPrice: string;
  /** A tax rate's id, or '' for the client's rate. */
  taxRateId: string;
  /** What a saved line has that this editor does not change (a renewal's contract and period). */
  carried: Pick<LineInput, 'kind' | 'contractId' | 'periodStart' | 'periodEnd'>;
}

export interface DraftValues {
  kind: 'invoice' | 'proforma';
  /** Used when the draft is issued; a draft itself has no issue date. */
  issueDate: string;
  /** Empty: the payment terms after the issue date. */
  dueDate: string;
  notes: string;
  lines: LineValues[];
}

export const LINE_FIELDS = ['description', 'quantity', 'unitPrice', 'taxRateId'] as const;
type LineField = (typeof LINE_FIELDS)[number];
export type DraftField = 'kind' | 'issueDate' | 'dueDate' | 'notes' | 'lines' | `lines.${number}.${LineField}`;

export interface DraftError {
  field: DraftField;
  code: 'invalid_amount' | 'invalid_quantity' | 'required';
}

export const emptyLine = (): LineValues => ({ description: '', quantity: '1', unitPrice: '', taxRateId: '', carried: {} });

export const newDraftValues = (today: string): DraftValues => ({ kind: 'invoice', issueDate: today, dueDate: '', notes: '', lines: [emptyLine()] });

/**
 * The tax rate that applies to a client when a line names none, as the backend picks it: none
 * when exempt; else the client's own rate; else the rate for their country; else the book's default.
 */
export function clientTaxRate(client: Pick<Client, 'taxExemptReason' | 'taxRateId' | 'country'>, rates: readonly TaxRate[], defaultTaxRateId: string | null): TaxRate | null {
  if (client.taxExemptReason) return null;
  const own = rates.find((rate) => rate.id === client.taxRateId);
  if (own) return own;
  const national = client.country ? rates.find((rate) => rate.country === client.country && !rate.archived) : undefined;
  return national ?? rates.find((rate) => rate.id === defaultTaxRateId) ?? null;
}

/**
 * A saved draft back in the editor. Lines keep their rate as a percentage, not which rate it came
 * from, so a line at the client's percentage shows "the client's rate" and any other line the
 * (current) rate of that percentage.
 */
export function draftValues(draft: InvoiceDetail, rates: readonly TaxRate[], clientRate: TaxRate | null, today: string): DraftValues {
  const rateIdOf = (rateBp: number) => {
    if (rateBp === (clientRate?.rateBp ?? 0)) return '';
    const same = rates.filter((rate) => rate.rateBp === rateBp);
    return (same.find((rate) => !rate.archived) ?? same[0])?.id ?? '';
  };
  return {
    kind: draft.kind === 'proforma' ? 'proforma' : 'invoice',
    issueDate: today,
    dueDate: draft.dueDate ?? '',
    notes: draft.notes ?? '',
    lines: draft.lines.map((line) => ({
      description: line.description,
      quantity: quantityText(line.quantityMilli),
      unitPrice: amountText(line.unitPriceMinor, draft.currency),
      taxRateId: rateIdOf(line.taxRateBp),
      carried: {
        kind: line.kind,
        ...(line.contractId ? { contractId: line.contractId } : {}),
        ...(line.periodStart ? { periodStart: line.periodStart } : {}),
        ...(line.periodEnd ? { periodEnd: line.periodEnd } : {}),
      },
    })),
  };
}

type LinesConversion = { ok: true; lines: LineInput[] } | { ok: false; errors: DraftError[] };

/** The lines as the API takes them; text that is not a quantity or an amount is refused here, beside its box. */
export function linesInputOf(values: DraftValues, currency: string): LinesConversion {
  const errors: DraftError[] = [];
  const lines = values.lines.map((line, index): LineInput => {
    const quantity = readQuantity(line.quantity);
    const price = readAmount(line.unitPrice, currency);
    if (quantity.state !== 'value') errors.push({ field: `lines.${index}.quantity`, code: quantity.state === 'empty' ? 'required' : 'invalid_quantity' });
    if (price.state !== 'amount') errors.push({ field: `lines.${index}.unitPrice`, code: price.state === 'empty' ? 'required' : 'invalid_amount' });
    return {
      ...line.carried,
      description: line.description.trim(),
      quantityMilli: quantity.state === 'value' ? quantity.value : 0,
      unitPriceMinor: price.state === 'amount' ? price.minor : 0,
      ...(line.taxRateId ? { taxRateId: line.taxRateId } : {}),
    };
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, lines };
}

type Conversion<T> = { ok: true; input: T } | { ok: false; errors: DraftError[] };

export function createInputOf(clientId: string, values: DraftValues, currency: string): Conversion<Input<'invoices.createDraft'>> {
  const lines = linesInputOf(values, currency);
  if (!lines.ok) return lines;
  const input: Input<'invoices.createDraft'> = { clientId, kind: values.kind, lines: lines.lines };
  if (values.dueDate.trim()) input.dueDate = values.dueDate.trim();
  if (values.notes.trim()) input.notes = values.notes.trim();
  return { ok: true, input };
}

/** The whole draft as it is in the editor, guarded against a change made elsewhere meanwhile. */
export function updateInputOf(draft: InvoiceDetail, values: DraftValues): Conversion<Input<'invoices.updateDraft'>> {
  const lines = linesInputOf(values, draft.currency);
  if (!lines.ok) return lines;
  return {
    ok: true,
    input: { id: draft.id, expectedVersion: draft.version, lines: lines.lines, dueDate: values.dueDate.trim() || null, notes: values.notes.trim() || null },
  };
}

const API_LINE_FIELDS: Record<string, LineField> = { description: 'description', quantityMilli: 'quantity', unitPriceMinor: 'unitPrice', taxRateId: 'taxRateId' };

/**
 * Which box shows an error the backend reported for a field path: `lines.0.unitPriceMinor` is
 * the first line's unit price. Undefined for paths no box holds (shown in the summary only).
 */
export function inputOfPath(path: string): DraftField | undefined {
  const line = /^lines\.(\d+)\.(\w+)$/.exec(path);
  if (line) {
    const field = API_LINE_FIELDS[line[2]!];
    return field ? `lines.${Number(line[1])}.${field}` : `lines.${Number(line[1])}.description`;
  }
  return (['kind', 'issueDate', 'dueDate', 'notes', 'lines'] as const).find((field) => field === path);
}

export interface RateTotal {
  rateBp: number;
  netMinor: number;
  taxMinor: number;
}

export interface DraftTotals {
  /** Each line's amounts; null for a line whose quantity or price cannot be read yet. */
  lines: (LineAmounts | null)[];
  byRate: RateTotal[];
  netMinor: number;
  totalMinor: number;
}

/** What the lines come to as typed so far; `rateOf` gives a line's rate in basis points. */
export function draftTotals(lines: readonly LineValues[], currency: string, rateOf: (line: LineValues) => number, taxMode: TaxMode): DraftTotals {
  const amounts = lines.map((line) => {
    const quantity = readQuantity(line.quantity);
    const price = readAmount(line.unitPrice, currency);
    if (quantity.state !== 'value' || price.state !== 'amount') return null;
    try {
      return lineAmounts(quantity.value, price.minor, rateOf(line), taxMode);
    } catch {
      return null; // an amount too large to be one: the backend will refuse it beside its box
    }
  });
  const byRate = new Map<number, RateTotal>();
  lines.forEach((line, index) => {
    const amount = amounts[index];
    if (!amount) return;
    const rateBp = rateOf(line);
    const group = byRate.get(rateBp) ?? { rateBp, netMinor: 0, taxMinor: 0 };
    group.netMinor += amount.net;
    group.taxMinor += amount.tax;
    byRate.set(rateBp, group);
  });
  const shown = amounts.filter((amount) => amount !== null);
  return {
    lines: amounts,
    byRate: [...byRate.values()].sort((a, b) => a.rateBp - b.rateBp),
    netMinor: shown.reduce((sum, amount) => sum + amount.net, 0),
    totalMinor: shown.reduce((sum, amount) => sum + amount.total, 0),
  };
}
