// The book's default currency, for clients an import creates. The book has no such setting: each
// client has one currency and the price list is per currency. So it is the currency most clients
// are billed in (a tie goes to the one of the earliest client); in a book without clients, the
// currency most plans are priced in; in an empty book, USD. A preview shows it before anything
// is written.
import type { Db } from '../../db/database.js';

const MOST_USED = (table: 'clients' | 'plans') =>
  `SELECT currency FROM ${table} GROUP BY currency ORDER BY count(*) DESC, min(seq) LIMIT 1`;

export function defaultCurrency(db: Db): string {
  const fromClients = db.prepare<[], string>(MOST_USED('clients')).pluck().get();
  if (fromClients) return fromClients;
  return db.prepare<[], string>(MOST_USED('plans')).pluck().get() ?? 'USD';
}
