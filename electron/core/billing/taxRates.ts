// Tax rates and which one applies to a client.
import type { Client } from '../../../shared/domain/client.js';
import type { Db } from '../db/database.js';

export interface TaxRate {
  id: string;
  name: string;
  rateBp: number;
  country: string | null;
  archived: boolean;
}

interface TaxRateRow {
  id: string;
  name: string;
  rate_bp: number;
  country: string | null;
  archived: 0 | 1;
}

const toRate = (row: TaxRateRow): TaxRate => ({ id: row.id, name: row.name, rateBp: row.rate_bp, country: row.country, archived: row.archived === 1 });

export type TaxRates = ReturnType<typeof createTaxRates>;

export function createTaxRates(db: Db) {
  const byId = db.prepare<[string], TaxRateRow>('SELECT * FROM tax_rates WHERE id = ?');
  const forCountry = db.prepare<[string], TaxRateRow>('SELECT * FROM tax_rates WHERE country = ? AND archived = 0 ORDER BY seq LIMIT 1');
  const all = db.prepare<[], TaxRateRow>('SELECT * FROM tax_rates ORDER BY archived, name');
  const insert = db.prepare('INSERT INTO tax_rates (id, name, rate_bp, country, created_at) VALUES (?, ?, ?, ?, ?)');
  const update = db.prepare('UPDATE tax_rates SET name = ?, country = ?, archived = ? WHERE id = ?');
  return {
    get(id: string): TaxRate | null {
      const row = byId.get(id);
      return row ? toRate(row) : null;
    },
    list: (): TaxRate[] => all.all().map(toRate),
    insert: (rate: Omit<TaxRate, 'archived'>, at: string) => insert.run(rate.id, rate.name, rate.rateBp, rate.country, at),
    /** The rate itself never changes once used: a new rate is a new row. Name, country and archiving may. */
    update: (rate: Pick<TaxRate, 'id' | 'name' | 'country' | 'archived'>) => update.run(rate.name, rate.country, rate.archived ? 1 : 0, rate.id),
    /**
     * The rate for a client: none when exempt; else the client's own rate; else the rate for
     * their country; else the book's default; else none.
     */
    forClient(client: Pick<Client, 'taxExemptReason' | 'taxRateId' | 'country'>, defaultRateId: string | null): TaxRate | null {
      if (client.taxExemptReason) return null;
      const own = client.taxRateId ? byId.get(client.taxRateId) : undefined;
      if (own) return toRate(own);
      const national = client.country ? forCountry.get(client.country) : undefined;
      if (national) return toRate(national);
      const fallback = defaultRateId ? byId.get(defaultRateId) : undefined;
      return fallback ? toRate(fallback) : null;
    },
  };
}
