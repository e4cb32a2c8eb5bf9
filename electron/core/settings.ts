// Settings that belong to the books (DESIGN §3) — stored in the database so they travel with it.
import type { Db } from './db/database.js';

export interface BookSettings {
  /** The reseller's IANA time zone: business dates (due dates, "today") are taken in it. */
  timeZone: string;
}

const systemTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function createSettings(db: Db) {
  const read = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?');
  const write = db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json');
  return {
    get<K extends keyof BookSettings>(key: K): BookSettings[K] {
      const row = read.get(key);
      if (row) return JSON.parse(row.value_json) as BookSettings[K];
      return { timeZone: systemTimeZone() }[key];
    },
    set<K extends keyof BookSettings>(key: K, value: BookSettings[K]): void {
      write.run(key, JSON.stringify(value));
    },
  };
}

export type Settings = ReturnType<typeof createSettings>;
