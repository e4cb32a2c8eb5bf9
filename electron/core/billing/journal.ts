// The double-entry journal: every money event is one entry whose debits equal its credits.
import type { AccountCode } from '../../../shared/billing/accounts.js';
import type { Db } from '../db/database.js';
import { newId } from '../ids.js';

export interface JournalLine {
  account: AccountCode;
  /** Set on receivables and customer-credit lines: whose money it is. */
  clientId?: string | null;
  debit?: number;
  credit?: number;
}

export interface JournalEntry {
  date: string;
  kind: string;
  refType: string;
  refId: string;
  clientId: string | null;
  memo: string;
  currency: string;
  lines: JournalLine[];
  importBatchId?: string | null;
}

export function createJournal(db: Db, now: () => string) {
  const insertEntry = db.prepare(
    'INSERT INTO journal_entries (id, date, kind, ref_type, ref_id, client_id, memo, import_batch_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertLine = db.prepare('INSERT INTO journal_lines (entry_id, account, client_id, currency, debit_minor, credit_minor) VALUES (?, ?, ?, ?, ?, ?)');
  return {
    /** Writes a balanced entry; zero lines are left out. Throws (inside the caller's transaction) if it does not balance. */
    post(entry: JournalEntry): string {
      const lines = entry.lines.filter((line) => (line.debit ?? 0) !== 0 || (line.credit ?? 0) !== 0);
      const debits = lines.reduce((sum, line) => sum + (line.debit ?? 0), 0);
      const credits = lines.reduce((sum, line) => sum + (line.credit ?? 0), 0);
      if (debits !== credits) throw new Error(`journal entry ${entry.kind} ${entry.refId} does not balance (${debits} ≠ ${credits})`);
      if (lines.some((line) => (line.debit ?? 0) < 0 || (line.credit ?? 0) < 0)) throw new Error(`journal entry ${entry.kind} has a negative amount`);
      if (lines.length === 0) return '';
      const id = newId('je');
      insertEntry.run(id, entry.date, entry.kind, entry.refType, entry.refId, entry.clientId, entry.memo, entry.importBatchId ?? null, now());
      for (const line of lines) insertLine.run(id, line.account, line.clientId ?? null, entry.currency, line.debit ?? 0, line.credit ?? 0);
      return id;
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;
