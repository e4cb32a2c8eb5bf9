// The accountant's chart of accounts: which of their codes (and names) stand for each of our
// accounts in the journal export. Kept in the book's settings table, so it travels with the book.
import { ACCOUNT_NAMES, ACCOUNTS, type AccountCode } from '../../../shared/billing/accounts.js';
import type { Db } from '../db/database.js';

const KEY = 'exports.accountCodes';

export interface AccountMapping {
  account: AccountCode;
  code: string | null;
  name: string | null;
}

type Stored = Partial<Record<AccountCode, { code: string; name: string | null }>>;

function readStored(db: Db): Stored {
  const row = db.prepare<[string], string>('SELECT value_json FROM settings WHERE key = ?').pluck().get(KEY);
  return row ? (JSON.parse(row) as Stored) : {};
}

/** Every account of ours, with the accountant's code and name where one is set. */
export function accountCodes(db: Db): (AccountMapping & { defaultName: string })[] {
  const stored = readStored(db);
  return Object.values(ACCOUNTS).map((account) => ({
    account,
    code: stored[account]?.code ?? null,
    name: stored[account]?.name ?? null,
    defaultName: ACCOUNT_NAMES[account].en,
  }));
}

/** Replaces the mapping of the accounts named; a null code takes the account back to our own. */
export function updateAccountCodes(db: Db, changes: readonly { account: AccountCode; code: string | null; name?: string | null }[]): Stored {
  const stored = readStored(db);
  for (const change of changes) {
    if (change.code === null) delete stored[change.account];
    else stored[change.account] = { code: change.code, name: change.name ?? null };
  }
  db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json').run(KEY, JSON.stringify(stored));
  return stored;
}

/** What the journal export writes for each of our accounts: code and name. */
export function resolvedAccounts(db: Db): Record<string, { code: string; name: string }> {
  return Object.fromEntries(accountCodes(db).map((a) => [a.account, { code: a.code ?? a.account, name: a.name ?? a.defaultName }]));
}
