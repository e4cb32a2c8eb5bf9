// Read models over the ledger: a client's account, statement and journal lines, and the book's
// receivables aging. Balances are derived from the journal; open amounts from the invoices.
import { ACCOUNTS } from '../../../shared/billing/accounts.js';
import { AGING_BUCKETS } from '../../../shared/api/billing.js';
import { daysBetween } from '../../../shared/dates.js';
import type { Db } from '../db/database.js';

type Buckets = Record<(typeof AGING_BUCKETS)[number], number>;
const emptyBuckets = (): Buckets => ({ current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 });

/** SQL for an invoice's age bucket as of @asOf, by days past its due date. */
export const BUCKET_SQL = `CASE
  WHEN i.due_date >= @asOf THEN 'current'
  WHEN julianday(@asOf) - julianday(i.due_date) <= 30 THEN 'days1to30'
  WHEN julianday(@asOf) - julianday(i.due_date) <= 60 THEN 'days31to60'
  WHEN julianday(@asOf) - julianday(i.due_date) <= 90 THEN 'days61to90'
  ELSE 'over90' END`;

/**
 * What was open on each invoice as of a date: its total less the payments applied and the
 * credit notes issued on or before that date (a later payment does not make it paid in the past).
 */
export const OPEN_AS_OF_SQL = `i.total_minor
  - coalesce((SELECT sum(a.amount_minor) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= @asOf AND (a.reversed_date IS NULL OR a.reversed_date > @asOf)), 0)
  - coalesce((SELECT sum(n.total_minor) FROM invoices n WHERE n.credited_invoice_id = i.id AND n.status = 'issued' AND n.issue_date <= @asOf), 0)`;

export function createAccounts(db: Db) {
  const balances = db.prepare<[string], { receivable: number; credit: number }>(
    `SELECT coalesce(sum(CASE WHEN account = '${ACCOUNTS.receivables}' THEN debit_minor - credit_minor END), 0) AS receivable,
            coalesce(sum(CASE WHEN account = '${ACCOUNTS.customerCredit}' THEN credit_minor - debit_minor END), 0) AS credit
     FROM journal_lines WHERE client_id = ? AND account IN ('${ACCOUNTS.receivables}', '${ACCOUNTS.customerCredit}')`,
  );
  const overdue = db.prepare<{ client: string; today: string }, { overdue: number; oldest: string | null; count: number }>(
    `SELECT coalesce(sum(CASE WHEN due_date < @today THEN open_minor END), 0) AS overdue, min(CASE WHEN due_date < @today THEN due_date END) AS oldest, count(*) AS count
     FROM invoices WHERE client_id = @client AND kind = 'invoice' AND status = 'issued' AND open_minor > 0`,
  );
  const nextRenewal = db.prepare<[string], { date: string; amount: number }>(
    `SELECT next_due_date AS date, sum(price_minor) AS amount FROM contracts
     WHERE client_id = ? AND status IN ('active', 'restricted', 'suspended') AND auto_renew = 1
     GROUP BY next_due_date ORDER BY next_due_date LIMIT 1`,
  );
  const currencyOf = db.prepare<[string], string>('SELECT currency FROM clients WHERE id = ?').pluck();
  const nameOf = db.prepare<[string], string>('SELECT name FROM clients WHERE id = ?').pluck();

  return {
    summary(clientId: string, today: string) {
      const { receivable, credit } = balances.get(clientId)!;
      const due = overdue.get({ client: clientId, today })!;
      const renewal = nextRenewal.get(clientId);
      return {
        clientId,
        currency: currencyOf.get(clientId)!,
        balanceMinor: receivable - credit,
        openMinor: receivable,
        overdueMinor: due.overdue,
        creditMinor: credit,
        oldestOverdueDays: due.oldest ? daysBetween(due.oldest, today) : null,
        openInvoices: due.count,
        nextRenewal: renewal ? { date: renewal.date, amountMinor: renewal.amount, coveredByCredit: credit >= renewal.amount } : null,
      };
    },

    /** Every money event of a client in a period, as the client would read it, with a running balance. */
    statement(clientId: string, from: string, to: string) {
      const opening = db
        .prepare<[string, string], number>(
          // The client's balance: receivables less credit, i.e. debits less credits on both accounts.
          `SELECT coalesce(sum(l.debit_minor - l.credit_minor), 0)
           FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
           WHERE l.client_id = ? AND e.date < ? AND l.account IN ('${ACCOUNTS.receivables}', '${ACCOUNTS.customerCredit}')`,
        )
        .pluck()
        .get(clientId, from)!;
      // Allocations move money between the client's credit and receivables: to the client nothing
      // changes, so the statement shows invoices, credit notes, payments, refunds and reversals only.
      const rows = db
        .prepare<[string, string, string], { date: string; kind: string; memo: string; ref_type: string; ref_id: string; debit: number; credit: number }>(
          `SELECT e.date, e.kind, e.memo, e.ref_type, e.ref_id, sum(l.debit_minor) AS debit, sum(l.credit_minor) AS credit
           FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id
           WHERE l.client_id = ? AND e.date BETWEEN ? AND ? AND e.kind NOT IN ('payment.allocated', 'payment.allocation_reversed')
             AND l.account IN ('${ACCOUNTS.receivables}', '${ACCOUNTS.customerCredit}')
           GROUP BY e.id ORDER BY e.date, e.seq`,
        )
        .all(clientId, from, to);
      const numbers = db.prepare<[string], string | null>('SELECT coalesce(number_text, external_number) FROM invoices WHERE id = ?').pluck();
      let balance = opening;
      const lines = rows.map((row) => {
        balance += row.debit - row.credit;
        return {
          date: row.date,
          kind: row.kind,
          reference: row.ref_type === 'invoice' ? (numbers.get(row.ref_id) ?? null) : null,
          description: row.memo,
          debitMinor: row.debit,
          creditMinor: row.credit,
          balanceMinor: balance,
        };
      });
      return { clientId, currency: currencyOf.get(clientId)!, from, to, openingMinor: opening, closingMinor: balance, lines };
    },

    ledger(clientId: string) {
      return db
        .prepare<[string], { date: string; entryKind: string; memo: string; account: string; debitMinor: number; creditMinor: number }>(
          `SELECT e.date, e.kind AS entryKind, e.memo, l.account, l.debit_minor AS debitMinor, l.credit_minor AS creditMinor
           FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id WHERE l.client_id = ? ORDER BY e.date, e.seq, l.seq`,
        )
        .all(clientId);
    },

    /** Receivables aging: as of today it reads open amounts; for a past date it rebuilds them. */
    aging(asOf: string, today: string, limit: number) {
      const current = asOf >= today;
      const open = current ? 'i.open_minor' : OPEN_AS_OF_SQL;
      // As of today only open invoices count, read from the covering partial index of open
      // invoices (invoices_open_aging): no invoice row is visited. The unary + keeps SQLite off the
      // issue-date index, which it would otherwise prefer and which holds every invoice ever issued.
      const filter = current ? '+i.issue_date <= @asOf AND i.open_minor > 0' : 'i.issue_date <= @asOf';
      // Grouped per client first; names are looked up only for the clients shown.
      const rows = db
        .prepare<{ asOf: string }, { client_id: string; currency: string; bucket: keyof Buckets; amount: number }>(
          `SELECT client_id, currency, bucket, sum(open) AS amount FROM (
             SELECT i.client_id, i.currency, ${BUCKET_SQL} AS bucket, ${open} AS open
             FROM invoices i WHERE i.kind = 'invoice' AND i.status = 'issued' AND ${filter}
           ) WHERE open > 0 GROUP BY client_id, currency, bucket`,
        )
        .all({ asOf });
      const totals = new Map<string, Buckets>();
      const perClient = new Map<string, { clientId: string; currency: string; buckets: Buckets }>();
      for (const row of rows) {
        const total = totals.get(row.currency) ?? emptyBuckets();
        total[row.bucket] += row.amount;
        totals.set(row.currency, total);
        const key = `${row.client_id}:${row.currency}`;
        const client = perClient.get(key) ?? { clientId: row.client_id, currency: row.currency, buckets: emptyBuckets() };
        client.buckets[row.bucket] += row.amount;
        perClient.set(key, client);
      }
      const sum = (b: Buckets) => AGING_BUCKETS.reduce((s, k) => s + b[k], 0);
      // Amounts in different currencies are never compared: clients are listed per currency (in
      // code order, as the totals are), largest first within each, and `limit` is per currency.
      const shownIn = new Map<string, number>();
      const shown = [...perClient.values()]
        .map((c) => ({ ...c, totalMinor: sum(c.buckets) }))
        .sort((a, b) => a.currency.localeCompare(b.currency) || b.totalMinor - a.totalMinor || a.clientId.localeCompare(b.clientId))
        .filter((c) => {
          const count = (shownIn.get(c.currency) ?? 0) + 1;
          shownIn.set(c.currency, count);
          return count <= limit;
        });
      return {
        asOf,
        totals: [...totals]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([currency, buckets]) => ({ currency, buckets, totalMinor: sum(buckets) })),
        clients: shown.map((c) => ({ clientId: c.clientId, clientName: nameOf.get(c.clientId)!, currency: c.currency, buckets: c.buckets, totalMinor: c.totalMinor })),
      };
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
