// Reads clients' payment histories out of the ledger for the score: invoices with the payments and
// credit notes applied to them (dated), bounced payments, broken promises and plans. Everything the
// book holds is read; the score cuts it at its scoring date (shared/risk/features.ts).
import type { PastInvoice } from '../../../shared/risk/history.js';
import type { Db } from '../db/database.js';

export interface ClientHistory {
  invoices: PastInvoice[];
  bouncedDates: string[];
  brokenPromiseDates: string[];
  brokenPlanDates: string[];
}

export interface HistoryQuery {
  /** One client; every client when left out (a recompute, risk:eval). */
  clientId?: string;
  /**
   * Only scores as of this one day will be asked of the result: each invoice's payments come summed
   * in SQL as one payment (what was paid by that day, dated its last payment), which gives the same
   * factors on that day and moves a row per invoice instead of one per payment into JavaScript —
   * what makes rescoring a whole book fast. Leave out to score as of several days (risk:eval).
   */
  scoringOn?: string;
}

type Applied = PastInvoice['payments'][number];
type Row = [id: string, clientId: string, issueDate: string, dueDate: string, totalMinor: number, disputed: number, paid: number | null, lastPaid: string | null];

/** Issued invoices (not proformas, which ask for money before it is owed; not credit notes). */
const INVOICES = `FROM invoices i WHERE i.kind = 'invoice' AND i.status = 'issued' AND i.total_minor > 0`;
/** Payments and credit notes, each counted from its day: what brings an invoice to paid. */
const APPLIED = `SELECT invoice_id, date, amount_minor, reversed_date FROM allocations
  UNION ALL SELECT credited_invoice_id, issue_date, total_minor, NULL FROM invoices
  WHERE kind = 'credit_note' AND status = 'issued' AND credited_invoice_id IS NOT NULL`;

const empty = (): ClientHistory => ({ invoices: [], bouncedDates: [], brokenPromiseDates: [], brokenPlanDates: [] });

export function loadHistories(db: Db, query: HistoryQuery = {}): Map<string, ClientHistory> {
  const { clientId, scoringOn } = query;
  const only = clientId === undefined ? '' : ' AND client_id = @clientId';
  const args: Record<string, string> = { ...(clientId === undefined ? {} : { clientId }), ...(scoringOn === undefined ? {} : { scoringOn }) };
  const histories = new Map<string, ClientHistory>();
  const of = (id: string) => {
    let history = histories.get(id);
    if (!history) histories.set(id, (history = empty()));
    return history;
  };
  const columns = 'i.id, i.client_id, i.issue_date, i.due_date, i.total_minor, i.disputed';
  const sql =
    scoringOn === undefined
      ? `SELECT ${columns}, NULL, NULL ${INVOICES}${only}`
      : `WITH paid AS MATERIALIZED (SELECT invoice_id, sum(amount_minor) AS paid, max(date) AS last FROM (${APPLIED})
           WHERE date <= @scoringOn AND (reversed_date IS NULL OR reversed_date > @scoringOn)${clientId === undefined ? '' : ' AND invoice_id IN (SELECT id FROM invoices WHERE client_id = @clientId)'}
           GROUP BY invoice_id)
         SELECT ${columns}, paid.paid, paid.last FROM invoices i LEFT JOIN paid ON paid.invoice_id = i.id
         WHERE i.kind = 'invoice' AND i.status = 'issued' AND i.total_minor > 0${only}`;
  const byId = new Map<string, Applied[]>();
  for (const [id, client, issueDate, dueDate, totalMinor, disputed, paid, lastPaid] of db.prepare<Record<string, string>, Row>(sql).raw().iterate(args) as IterableIterator<Row>) {
    const payments: Applied[] = paid === null || lastPaid === null ? [] : [{ date: lastPaid, amountMinor: paid, reversedDate: null }];
    of(client).invoices.push({ issueDate, dueDate, totalMinor, disputed: disputed === 1, payments });
    if (scoringOn === undefined) byId.set(id, payments);
  }
  if (scoringOn === undefined) {
    const applied =
      clientId === undefined
        ? db.prepare<[], { invoice_id: string; date: string; amount_minor: number; reversed_date: string | null }>(APPLIED).iterate()
        : db.prepare<[string], { invoice_id: string; date: string; amount_minor: number; reversed_date: string | null }>(`SELECT * FROM (${APPLIED}) WHERE invoice_id IN (SELECT id FROM invoices WHERE client_id = ?)`).iterate(clientId);
    for (const row of applied) byId.get(row.invoice_id)?.push({ date: row.date, amountMinor: row.amount_minor, reversedDate: row.reversed_date });
  }
  readBrokenArrangements(db, only, args, of);
  return histories;
}

/** Bounced payments, broken promises and broken plans, each by the day it happened. */
function readBrokenArrangements(db: Db, only: string, args: Record<string, string>, of: (clientId: string) => ClientHistory): void {
  const dated = (sql: string, push: (h: ClientHistory, date: string) => void) => {
    for (const row of db.prepare<Record<string, string>, { client_id: string; date: string }>(`${sql}${only}`).iterate(args)) push(of(row.client_id), row.date);
  };
  dated("SELECT client_id, coalesce(bounced_date, date) AS date FROM payments WHERE status = 'bounced'", (h, d) => h.bouncedDates.push(d));
  dated("SELECT client_id, coalesce(resolved_date, promised_date) AS date FROM promises WHERE status = 'broken'", (h, d) => h.brokenPromiseDates.push(d));
  dated("SELECT client_id, coalesce(closed_date, created_date) AS date FROM payment_plans WHERE status = 'broken'", (h, d) => h.brokenPlanDates.push(d));
}

/**
 * Every client's history for scoring on one day, handed to `visit` one client at a time (clients
 * with invoices only) and dropped after: holding two million invoices as objects at once costs more
 * in garbage collection than reading them does.
 */
export function eachHistoryOn(db: Db, scoringOn: string, visit: (clientId: string, history: ClientHistory) => void): void {
  const arrangements = new Map<string, ClientHistory>();
  readBrokenArrangements(db, '', {}, (id) => {
    let history = arrangements.get(id);
    if (!history) arrangements.set(id, (history = empty()));
    return history;
  });
  const sql = `WITH paid AS MATERIALIZED (SELECT invoice_id, sum(amount_minor) AS paid, max(date) AS last FROM (${APPLIED})
      WHERE date <= @scoringOn AND (reversed_date IS NULL OR reversed_date > @scoringOn) GROUP BY invoice_id)
    SELECT i.id, i.client_id, i.issue_date, i.due_date, i.total_minor, i.disputed, paid.paid, paid.last FROM invoices i LEFT JOIN paid ON paid.invoice_id = i.id
    WHERE i.kind = 'invoice' AND i.status = 'issued' AND i.total_minor > 0 ORDER BY i.client_id`;
  let current: string | null = null;
  let history = empty();
  const flush = () => {
    if (current !== null) visit(current, history);
  };
  for (const [, client, issueDate, dueDate, totalMinor, disputed, paid, lastPaid] of db.prepare<{ scoringOn: string }, Row>(sql).raw().iterate({ scoringOn }) as IterableIterator<Row>) {
    if (client !== current) {
      flush();
      current = client;
      history = { ...(arrangements.get(client) ?? empty()), invoices: [] };
    }
    history.invoices.push({ issueDate, dueDate, totalMinor, disputed: disputed === 1, payments: paid === null || lastPaid === null ? [] : [{ date: lastPaid, amountMinor: paid, reversedDate: null }] });
  }
  flush();
}
