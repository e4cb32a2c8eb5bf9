// Invoice numbers: gapless per series, taken from a counter row updated in the same transaction
// as the invoice it numbers (DESIGN §3); UNIQUE(series, number) backs it up.
import type { Db } from '../db/database.js';

export type Series = 'invoice' | 'credit_note' | 'proforma';

/** "INV-{YYYY}-{NNNNN}" with 2026-03-01 and 42 → "INV-2026-00042". */
export function formatNumber(format: string, number: number, issueDate: string): string {
  return format
    .replace('{YYYY}', issueDate.slice(0, 4))
    .replace('{YY}', issueDate.slice(2, 4))
    .replace('{MM}', issueDate.slice(5, 7))
    .replace(/\{(N+)\}/, (_m, digits: string) => String(number).padStart(digits.length, '0'));
}

export function createNumbering(db: Db) {
  const take = db.prepare<[string], { format: string; number: number }>(
    'UPDATE number_series SET next_number = next_number + 1 WHERE series = ? RETURNING format, next_number - 1 AS number',
  );
  return {
    next(series: Series, issueDate: string): { number: number; text: string } {
      if (!db.inTransaction) throw new Error('a number is taken inside the transaction that uses it');
      const row = take.get(series);
      if (!row) throw new Error(`no number series ${series}`);
      return { number: row.number, text: formatNumber(row.format, row.number, issueDate) };
    },
  };
}
