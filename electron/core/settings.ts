// Settings that belong to the books (DESIGN §3) — stored in the database so they travel with it.
import type { Db } from './db/database.js';
import { DEFAULT_BILLING_SETTINGS, type BillingSettings } from '../../shared/billing/settings.js';
import { DEFAULT_CHANNEL_SETTINGS, type ChannelSettings } from '../../shared/channels/settings.js';

export interface BookSettings {
  /** The reseller's IANA time zone: business dates (due dates, "today") are taken in it. */
  timeZone: string;
  billing: BillingSettings;
  /** Email (SMTP) and SMS gateway; their secrets are in the secret store. */
  channels: ChannelSettings;
}

export function createSettings(db: Db) {
  const read = db.prepare<[string], { value_json: string }>('SELECT value_json FROM settings WHERE key = ?');
  const write = db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json');
  const defaults: BookSettings = { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', billing: DEFAULT_BILLING_SETTINGS, channels: DEFAULT_CHANNEL_SETTINGS };
  // Settings are read on every ledger operation and written rarely, only through this object (a
  // rolled-back write is read again from the book): keep what was read.
  const cache = new Map<keyof BookSettings, unknown>();
  return {
    get<K extends keyof BookSettings>(key: K): BookSettings[K] {
      if (cache.has(key)) return cache.get(key) as BookSettings[K];
      const row = read.get(key);
      const stored = row ? (JSON.parse(row.value_json) as BookSettings[K]) : defaults[key];
      // Settings added by a later version read as their defaults in an older book.
      const value = (typeof stored === 'object' && stored !== null ? { ...(defaults[key] as object), ...stored } : stored) as BookSettings[K];
      cache.set(key, value);
      return value;
    },
    set<K extends keyof BookSettings>(key: K, value: BookSettings[K]): void {
      write.run(key, JSON.stringify(value));
      cache.delete(key);
    },
  };
}

export type Settings = ReturnType<typeof createSettings>;
