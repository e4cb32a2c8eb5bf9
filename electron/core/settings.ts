// Settings that belong to the books (DESIGN §3) — stored in the database so they travel with it.
import type { Db } from './db/database.js';
import { DEFAULT_BILLING_SETTINGS, type BillingSettings } from '../../shared/billing/settings.js';

export interface BookSettings {
  /** The reseller's IANA time zone: business dates (due dates, "today") are taken in it. */
  timeZone: string;
  billing: BillingSettings;
}

const systemTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function createSettings(db: Db) {
  const read = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?');
  const write = db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json');
  return {
    get<K extends keyof BookSettings>(key: K): BookSettings[K] {
      const row = read.get(key);
      const defaults: BookSettings = { timeZone: systemTimeZone(), billing: DEFAULT_BILLING_SETTINGS };
      if (!row) return defaults[key];
      const stored = JSON.parse(row.value_json) as BookSettings[K];
      // Settings added by a later version read as their defaults in an older book.
      return (typeof stored === 'object' && stored !== null ? { ...(defaults[key] as object), ...stored } : stored) as BookSettings[K];
    },
    set<K extends keyof BookSettings>(key: K, value: BookSettings[K]): void {
      write.run(key, JSON.stringify(value));
    },
  };
}

export type Settings = ReturnType<typeof createSettings>;
