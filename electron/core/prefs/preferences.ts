// Per-user app preferences (DESIGN §3): not part of the books, so not in the database. Electron
// keeps them in electron-store, browser mode in a `conf` store of the same shape and file
// (`config.json` in the user-data folder); both sit behind this interface.
import type { Language } from '../../../shared/domain/language.js';
import type { UiPreferences } from '../../../shared/api/app.js';
import { DEFAULT_RETENTION, type RetentionRule } from '../../../shared/backup/retention.js';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface AppPreferences extends UiPreferences {
  window: WindowBounds | null;
  /** Where backups go (a cloud-synced folder works); null = `backups/` beside the book. */
  backupDir: string | null;
  /** How many automatic backups to keep. */
  backupRetention: RetentionRule;
  /** The app lock: a salted scrypt hash of the passphrase, never the passphrase; null = no lock. */
  appLock: { salt: string; hash: string; idleMinutes: number | null } | null;
  /** The user accepted that Linux has no keyring here and secrets are only obfuscated. */
  acceptedPlainTextSecrets: boolean;
}

export const DEFAULT_PREFERENCES: AppPreferences = {
  language: null,
  theme: 'system',
  window: null,
  backupDir: null,
  backupRetention: DEFAULT_RETENTION,
  appLock: null,
  acceptedPlainTextSecrets: false,
};

export interface Preferences {
  get<K extends keyof AppPreferences>(key: K): AppPreferences[K];
  set<K extends keyof AppPreferences>(key: K, value: AppPreferences[K]): void;
}

/** The subset of electron-store's and conf's API that HostLedger uses. */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** Adapts an electron-store or conf instance; missing or mistyped values read as the default. */
export function preferencesFromStore(store: KeyValueStore): Preferences {
  return {
    get(key) {
      const value = store.get(key);
      const fallback = DEFAULT_PREFERENCES[key];
      if (value === undefined) return fallback;
      if (fallback !== null && typeof value !== typeof fallback) return fallback;
      return value as AppPreferences[typeof key];
    },
    set(key, value) {
      store.set(key, value);
    },
  };
}

export function memoryPreferences(initial: Partial<AppPreferences> = {}): Preferences {
  const values = new Map<string, unknown>(Object.entries(initial));
  return preferencesFromStore({ get: (key) => values.get(key), set: (key, value) => values.set(key, value) });
}

export const isLanguage = (value: unknown): value is Language => value === 'en' || value === 'zh-CN';
