// Reads a history CSV against the book: every row checked (historyRows.ts), the clients its
// customer ids name looked up once each, the totals a preview shows. Writes nothing.
import { MAX_LISTED_ROW_ERRORS, type RowError } from '../../../../shared/api/imports.js';
import { isIsoDate } from '../../../../shared/dates.js';
import type { Db } from '../../db/database.js';
import { sortKey } from '../../search/searchTerms.js';
import { createSettings } from '../../settings.js';
import { CsvSyntaxError, parseCsv } from './csv.js';
import { defaultCurrency } from './defaultCurrency.js';
import { checkRow, readHeader, type HistoryRow, type ResolvedClient, type RowContext } from './historyRows.js';

/** Errors kept beyond the listed ones would only cost memory: the count goes on. */
const KEPT_ERRORS = MAX_LISTED_ROW_ERRORS;

export interface ImportPlan {
  rowCount: number;
  rows: HistoryRow[];
  errorCount: number;
  /** The first errors, in row order. */
  errors: RowError[];
  /** Customer ids that become clients, in the order they first appear. */
  newClients: string[];
  newClientCurrency: string;
}

function clientLookup(db: Db): (customerId: string) => ResolvedClient {
  const byId = db.prepare<[string], { id: string; currency: string }>('SELECT id, currency FROM clients WHERE id = ?');
  // sort_name narrows through its index; the exact name decides.
  const byName = db.prepare<[string, string], { id: string; currency: string }>('SELECT id, currency FROM clients WHERE sort_name = ? AND name = ? LIMIT 2');
  const cache = new Map<string, ResolvedClient>();
  return (customerId) => {
    let resolved = cache.get(customerId);
    if (!resolved) {
      const own = byId.get(customerId);
      const named = own ? [own] : byName.all(sortKey(customerId), customerId);
      resolved = named.length === 1 ? { kind: 'existing', ...named[0]! } : named.length > 1 ? { kind: 'ambiguous', count: named.length } : { kind: 'missing' };
      cache.set(customerId, resolved);
    }
    return resolved;
  };
}

export function planImport(db: Db, csv: string, options: { createMissingClients: boolean; today: string }): ImportPlan {
  const plan: ImportPlan = { rowCount: 0, rows: [], errorCount: 0, errors: [], newClients: [], newClientCurrency: defaultCurrency(db) };
  const report = (errors: readonly RowError[]) => {
    plan.errorCount += errors.length;
    for (const e of errors) if (plan.errors.length < KEPT_ERRORS) plan.errors.push(e);
  };
  let records: string[][];
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    report([{ row: error.record, column: null, code: 'invalid', message: `Row ${error.record}: ${error.message}` }]);
    return plan;
  }
  if (records.length === 0) {
    report([{ row: 1, column: null, code: 'required', message: 'The file is empty: it needs a header row and at least one invoice.' }]);
    return plan;
  }
  const { header, errors: headerErrors } = readHeader(records[0]!);
  if (headerErrors.length > 0) {
    report(headerErrors);
    return plan;
  }

  const dates = new Map<string, boolean>();
  const externalNumber = db.prepare<[string, string], number>('SELECT 1 FROM invoices WHERE client_id = ? AND external_number = ?').pluck();
  const ctx: RowContext = {
    today: options.today,
    lockDate: createSettings(db).get('billing').lockDate,
    createMissingClients: options.createMissingClients,
    newClientCurrency: plan.newClientCurrency,
    client: clientLookup(db),
    hasExternalNumber: (clientId, number) => externalNumber.get(clientId, number) !== undefined,
    isDate: (text) => {
      let valid = dates.get(text);
      if (valid === undefined) dates.set(text, (valid = isIsoDate(text)));
      return valid;
    },
  };
  const firstRowOf = new Map<string, number>();
  const newClients = new Set<string>();
  for (let index = 1; index < records.length; index += 1) {
    const fields = records[index]!;
    if (fields.length === 1 && fields[0]!.trim() === '') continue; // a blank line
    plan.rowCount += 1;
    const { value, errors } = checkRow(fields, index + 1, header, ctx, firstRowOf);
    report(errors);
    if (!value) continue;
    plan.rows.push(value);
    if (value.clientId === null) newClients.add(value.customerId);
  }
  if (plan.rowCount === 0) report([{ row: 2, column: null, code: 'required', message: 'The file has no invoices after its header.' }]);
  plan.newClients = [...newClients];
  return plan;
}

/** What a preview answers: counts and totals per currency over the rows that are right. */
export function summarize(plan: ImportPlan) {
  const totals = new Map<string, { currency: string; invoices: number; invoicedMinor: number; paidMinor: number; openMinor: number }>();
  let payments = 0;
  let disputed = 0;
  for (const row of plan.rows) {
    const total = totals.get(row.currency) ?? { currency: row.currency, invoices: 0, invoicedMinor: 0, paidMinor: 0, openMinor: 0 };
    total.invoices += 1;
    total.invoicedMinor += row.amountMinor;
    total.paidMinor += row.paidMinor;
    total.openMinor += row.amountMinor - row.paidMinor;
    totals.set(row.currency, total);
    if (row.paidMinor > 0) payments += 1;
    if (row.disputed) disputed += 1;
  }
  return {
    rowCount: plan.rowCount,
    errorCount: plan.errorCount,
    errors: plan.errors,
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    payments,
    disputed,
    newClients: { count: plan.newClients.length, currency: plan.newClientCurrency, sample: plan.newClients.slice(0, 50) },
  };
}
