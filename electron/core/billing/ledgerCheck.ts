// The ledger's invariants, checked in one place: in tests after every step, and on demand from
// the health screen (books.check).
import { createHash } from 'node:crypto';
import { ACCOUNTS } from '../../../shared/billing/accounts.js';
import type { Db } from '../db/database.js';
import type { InvoiceStore } from './invoiceStore.js';
import { PAYMENT_REMAINING_SQL } from './paymentQueries.js';

export interface CheckResult {
  name: string;
  ok: boolean;
  problems: string[];
}

const MAX_PROBLEMS = 20;
const check = (name: string, problems: string[]): CheckResult => ({ name, ok: problems.length === 0, problems: problems.slice(0, MAX_PROBLEMS) });

/** A digest of every journal line dated on or before `date`: what a period lock freezes. */
export function journalDigest(db: Db, date: string): string {
  const hash = createHash('sha256');
  const rows = db
    .prepare(
      `SELECT e.id, e.date, e.kind, l.account, l.client_id, l.debit_minor, l.credit_minor FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
       WHERE e.date <= ? ORDER BY e.seq, l.seq`,
    )
    .raw()
    .iterate(date);
  for (const row of rows) hash.update(JSON.stringify(row));
  return hash.digest('hex');
}

export function checkLedger(db: Db, invoices: InvoiceStore): CheckResult[] {
  const unbalanced = db
    .prepare<[], { entry_id: string; diff: number }>('SELECT entry_id, sum(debit_minor) - sum(credit_minor) AS diff FROM journal_lines GROUP BY entry_id, currency HAVING diff <> 0')
    .all()
    .map((r) => `journal entry ${r.entry_id} is off by ${r.diff}`);

  const openAmounts = db
    .prepare<[], { id: string; open: number; expected: number }>(
      `SELECT i.id, i.open_minor AS open,
         CASE
           WHEN i.status <> 'issued' THEN (CASE WHEN i.status = 'draft' THEN i.total_minor ELSE 0 END)
           WHEN i.kind = 'credit_note' THEN i.total_minor
           WHEN i.kind = 'proforma' THEN (CASE WHEN i.converted_invoice_id IS NULL THEN i.total_minor ELSE 0 END)
           ELSE i.total_minor
             - coalesce((SELECT sum(a.amount_minor) FROM allocations a WHERE a.invoice_id = i.id AND a.reversed_date IS NULL), 0)
             - coalesce((SELECT sum(n.total_minor) FROM invoices n WHERE n.credited_invoice_id = i.id AND n.status = 'issued'), 0)
         END AS expected
       FROM invoices i WHERE open <> expected`,
    )
    .all()
    .map((r) => `invoice ${r.id} shows ${r.open} open but its payments and credit notes leave ${r.expected}`);

  const receivables = db
    .prepare<[], { client_id: string; journal: number; invoices: number }>(
      `SELECT c.id AS client_id,
         coalesce((SELECT sum(debit_minor - credit_minor) FROM journal_lines WHERE account = '${ACCOUNTS.receivables}' AND client_id = c.id), 0) AS journal,
         coalesce((SELECT sum(open_minor) FROM invoices WHERE client_id = c.id AND kind = 'invoice' AND status = 'issued'), 0) AS invoices
       FROM clients c WHERE journal <> invoices`,
    )
    .all()
    .map((r) => `client ${r.client_id}: receivables in the journal ${r.journal}, open invoices ${r.invoices}`);

  const credit = db
    .prepare<[], { client_id: string; journal: number; payments: number }>(
      `SELECT c.id AS client_id,
         coalesce((SELECT sum(credit_minor - debit_minor) FROM journal_lines WHERE account = '${ACCOUNTS.customerCredit}' AND client_id = c.id), 0) AS journal,
         coalesce((SELECT sum(${PAYMENT_REMAINING_SQL}) FROM payments p WHERE p.client_id = c.id AND p.status = 'received'), 0) AS payments
       FROM clients c WHERE journal <> payments`,
    )
    .all()
    .map((r) => `client ${r.client_id}: credit in the journal ${r.journal}, unallocated payments ${r.payments}`);

  const gaps = db
    .prepare<[], { series: string; next_number: number; used: number; top: number | null }>(
      `SELECT s.series, s.next_number, count(i.number) AS used, max(i.number) AS top
       FROM number_series s LEFT JOIN invoices i ON i.series = s.series AND i.number IS NOT NULL GROUP BY s.series`,
    )
    .all()
    .filter((r) => r.used !== r.next_number - 1 || (r.top ?? 0) !== r.next_number - 1)
    .map((r) => `series ${r.series}: ${r.used} numbers used but the counter is at ${r.next_number}`);

  const changed = invoices
    .issuedFingerprints()
    .filter((f) => f.stored !== f.now)
    .map((f) => `issued invoice ${f.id} is not as it was issued`);

  const locks = db
    .prepare<[], { lock_date: string; journal_digest: string }>('SELECT lock_date, journal_digest FROM period_locks ORDER BY seq')
    .all()
    .filter((lock) => journalDigest(db, lock.lock_date) !== lock.journal_digest)
    .map((lock) => `the period locked up to ${lock.lock_date} has changed`);

  return [
    check('entries balance', unbalanced),
    check('open amounts', openAmounts),
    check('receivables match open invoices', receivables),
    check('credit matches unallocated payments', credit),
    check('no gaps in numbers', gaps),
    check('issued invoices unchanged', changed),
    check('locked periods unchanged', locks),
  ];
}
