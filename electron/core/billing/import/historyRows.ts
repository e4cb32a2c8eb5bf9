// What one row of a history CSV must be, checked cell by cell. Pure: whatever needs the book
// (which client a customer_id names, what was imported before) comes in through RowContext.
import type { RowError } from '../../../../shared/api/imports.js';
import { PAYMENT_METHODS, type PaymentMethod } from '../../../../shared/domain/invoice.js';
import { parseAmount } from '../../../../shared/money.js';
import type { FieldErrorCode } from '../../../../shared/validation/fieldErrors.js';

/** The invoice format of shared/data/README.md: every one of these columns must be there. */
export const HISTORY_COLUMNS = ['customer_id', 'invoice_id', 'invoice_date', 'due_date', 'amount', 'settled_date', 'disputed'] as const;
/** Optional: amount_paid defaults to the whole amount when settled_date is set; the method to "other". */
export const OPTIONAL_HISTORY_COLUMNS = ['amount_paid', 'payment_method', 'payment_reference'] as const;
type Column = (typeof HISTORY_COLUMNS)[number] | (typeof OPTIONAL_HISTORY_COLUMNS)[number];

const LIMITS = { customer_id: 200, invoice_id: 100, payment_reference: 200 } as const;
/** The most an amount may be, as everywhere in the API (minor units). */
const MAX_MINOR = 1e13;

export type Header = { columns: Partial<Record<Column, number>>; width: number };

export type ResolvedClient =
  | { kind: 'existing'; id: string; currency: string }
  | { kind: 'missing' }
  | { kind: 'ambiguous'; count: number };

export interface RowContext {
  today: string;
  lockDate: string | null;
  createMissingClients: boolean;
  /** The currency clients created by the import are billed in. */
  newClientCurrency: string;
  client(customerId: string): ResolvedClient;
  /** isIsoDate, remembered: a history repeats the same few hundred dates. */
  isDate(text: string): boolean;
  /** Whether the client already has an invoice with this external number (an earlier import). */
  hasExternalNumber(clientId: string, externalNumber: string): boolean;
}

export interface HistoryRow {
  row: number;
  customerId: string;
  /** Null: the client is created by the import. */
  clientId: string | null;
  currency: string;
  invoiceId: string;
  invoiceDate: string;
  dueDate: string;
  amountMinor: number;
  /** Null when never paid. */
  settledDate: string | null;
  paidMinor: number;
  method: PaymentMethod;
  reference: string | null;
  disputed: boolean;
}

const error = (row: number, column: string | null, code: FieldErrorCode, message: string): RowError => ({ row, column, code, message });

/** Column names are matched without regard to case or surrounding spaces; their order is free. */
export function readHeader(fields: readonly string[]): { header: Header; errors: RowError[] } {
  const known: readonly string[] = [...HISTORY_COLUMNS, ...OPTIONAL_HISTORY_COLUMNS];
  const columns: Partial<Record<Column, number>> = {};
  const errors: RowError[] = [];
  fields.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (!known.includes(name)) {
      errors.push(error(1, raw, 'unknown_field', `Unknown column "${raw}". The columns are ${known.join(', ')}.`));
    } else if (columns[name as Column] !== undefined) {
      errors.push(error(1, name, 'duplicate', `The column ${name} appears twice.`));
    } else {
      columns[name as Column] = index;
    }
  });
  for (const name of HISTORY_COLUMNS) {
    if (columns[name] === undefined) errors.push(error(1, name, 'required', `The column ${name} is missing.`));
  }
  return { header: { columns, width: fields.length }, errors };
}

const METHOD_BY_TEXT = new Map<string, PaymentMethod>(PAYMENT_METHODS.map((m) => [m, m]));

/** "Bank transfer", "bank-transfer" and "BANK_TRANSFER" all name bank_transfer. */
const paymentMethod = (text: string): PaymentMethod | undefined => METHOD_BY_TEXT.get(text.toLowerCase().replace(/[\s-]+/g, '_'));

/**
 * Checks one record. `firstRowOf` remembers each invoice_id's row, so a repeat names the first.
 * Returns the row when every cell is right, and the errors found (all of them, not just the first).
 */
export function checkRow(fields: readonly string[], row: number, header: Header, ctx: RowContext, firstRowOf: Map<string, number>): { value: HistoryRow | null; errors: RowError[] } {
  if (fields.length !== header.width) {
    return { value: null, errors: [error(row, null, 'invalid', `Row ${row} has ${fields.length} fields; the header has ${header.width}.`)] };
  }
  const errors: RowError[] = [];
  const cell = (column: Column) => {
    const index = header.columns[column];
    return index === undefined ? '' : fields[index]!.trim();
  };
  const fail = (column: Column, code: FieldErrorCode, message: string) => {
    errors.push(error(row, column, code, message));
    return null;
  };
  const text = (column: 'customer_id' | 'invoice_id' | 'payment_reference', required: boolean) => {
    const value = cell(column);
    if (!value) return required ? fail(column, 'required', `${column} is empty.`) : null;
    if (value.length > LIMITS[column]) return fail(column, 'too_long', `${column} may have at most ${LIMITS[column]} characters.`);
    return value;
  };
  const date = (column: 'invoice_date' | 'due_date' | 'settled_date', required: boolean) => {
    const value = cell(column);
    if (!value) return required ? fail(column, 'required', `${column} is empty.`) : null;
    if (!ctx.isDate(value)) return fail(column, 'invalid_date', `${column} "${value}" is not a date in the form YYYY-MM-DD.`);
    if (value > ctx.today) return fail(column, 'not_allowed', `${column} ${value} is in the future; only history can be imported.`);
    return value;
  };
  const money = (column: 'amount' | 'amount_paid', currency: string | null) => {
    const value = cell(column);
    if (!value) return null;
    if (currency === null) return null; // the client is in error already
    const minor = parseAmount(value, currency);
    if (minor === null) return fail(column, 'invalid', `${column} "${value}" is not an amount in ${currency} (a decimal with "." and at most the currency's decimals).`);
    if (minor <= 0) return fail(column, 'too_small', `${column} must be more than zero.`);
    if (minor > MAX_MINOR) return fail(column, 'too_large', `${column} is too large.`);
    return minor;
  };

  const customerId = text('customer_id', true);
  const invoiceId = text('invoice_id', true);
  let clientId: string | null = null;
  let currency: string | null = null;
  if (customerId) {
    const client = ctx.client(customerId);
    if (client.kind === 'existing') {
      clientId = client.id;
      currency = client.currency;
    } else if (client.kind === 'ambiguous') {
      fail('customer_id', 'invalid', `${client.count} clients are named "${customerId}"; use the client's id instead.`);
    } else if (ctx.createMissingClients) {
      currency = ctx.newClientCurrency;
    } else {
      fail('customer_id', 'unknown_reference', `There is no client "${customerId}" (by id or name). Create the client first, or let the import create missing clients.`);
    }
  }
  if (invoiceId) {
    const first = firstRowOf.get(invoiceId);
    if (first !== undefined) fail('invoice_id', 'duplicate', `invoice_id ${invoiceId} is also on row ${first}.`);
    else firstRowOf.set(invoiceId, row);
    if (first === undefined && clientId && ctx.hasExternalNumber(clientId, invoiceId)) {
      fail('invoice_id', 'duplicate', `${customerId} already has invoice ${invoiceId} in the book (an earlier import).`);
    }
  }

  const invoiceDate = date('invoice_date', true);
  const dueDate = date('due_date', true);
  const settledDate = date('settled_date', false);
  if (invoiceDate && dueDate && dueDate < invoiceDate) fail('due_date', 'date_order', `due_date ${dueDate} is before invoice_date ${invoiceDate}.`);
  if (invoiceDate && settledDate && settledDate < invoiceDate) fail('settled_date', 'date_order', `settled_date ${settledDate} is before invoice_date ${invoiceDate}.`);
  for (const [column, value] of [['invoice_date', invoiceDate], ['settled_date', settledDate]] as const) {
    if (value && ctx.lockDate && value <= ctx.lockDate) fail(column, 'not_allowed', `${column} ${value} is inside the period locked up to ${ctx.lockDate}.`);
  }

  if (!cell('amount')) fail('amount', 'required', 'amount is empty.');
  const amountMinor = money('amount', currency);
  const paid = money('amount_paid', currency);
  if (paid !== null && amountMinor !== null && paid > amountMinor) fail('amount_paid', 'too_large', `amount_paid is more than the amount of the invoice (${cell('amount')}).`);

  const methodText = cell('payment_method');
  const method = methodText ? paymentMethod(methodText) : 'other';
  if (!method) fail('payment_method', 'invalid_choice', `payment_method "${methodText}" is not one of ${PAYMENT_METHODS.join(', ')}.`);
  const reference = text('payment_reference', false);
  if (!cell('settled_date')) {
    for (const column of ['amount_paid', 'payment_method', 'payment_reference'] as const) {
      if (cell(column)) fail(column, 'not_allowed', `${column} is set but settled_date is empty: a payment needs the date it was made.`);
    }
  }

  const disputedText = cell('disputed');
  if (disputedText !== '' && disputedText !== '0' && disputedText !== '1') fail('disputed', 'invalid_choice', `disputed must be 0 or 1, not "${disputedText}".`);

  if (errors.length > 0) return { value: null, errors };
  return {
    value: {
      row,
      customerId: customerId!,
      clientId,
      currency: currency!,
      invoiceId: invoiceId!,
      invoiceDate: invoiceDate!,
      dueDate: dueDate!,
      amountMinor: amountMinor!,
      settledDate,
      paidMinor: settledDate ? (paid ?? amountMinor!) : 0,
      method: method!,
      reference,
      disputed: disputedText === '1',
    },
    errors,
  };
}
