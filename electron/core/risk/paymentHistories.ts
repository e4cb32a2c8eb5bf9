// Reads clients' whole payment histories out of the ledger — invoices with every payment and credit
// note applied to them (dated, with the day a bounce reversed it), bounced payments, broken promises
// and plans — for what scores many past days at once: the refit and risk:eval (invoiceOutcomes.ts).
import type { PastInvoice } from '../../../shared/risk/history.js';
import type { Db } from '../db/database.js';

export interface ClientHistory {
  invoices: PastInvoice[];
  bouncedDates: string[];
  brokenPromiseDates: string[];
  brokenPlanDates: string[];
}

export interface HistoryQuery {
  /** One client; every client when left out (a refit, risk:eval). */
  clientId?: string;
}

type Applied = PastInvoice['payments'][number];
type Row = [id: string, clientId: string, issueDate: string, dueDate: string, totalMinor: number, disputed: number];

/** Issued invoices (not proformas, which ask for money before it is owed; not credit notes). */
const INVOICES = `FROM invoices i WHERE i.kind = 'invoice' AND i.status = 'issued' AND i.total_minor > 0`;
/** Payments and credit notes, each counted from its day: what brings an invoice to paid. */
const APPLIED = `SELECT invoice_id, date, amount_minor, reversed_date FROM allocations
  UNION ALL SELECT credited_invoice_id, issue_date, total_minor, NULL FROM invoices
  WHERE kind = 'credit_note' AND status = 'issued' AND credited_invoice_id IS NOT NULL`;

const empty = (): ClientHistory => ({ invoices: [], bouncedDates: [], brokenPromiseDates: [], brokenPlanDates: [] });

export function loadHistories(db: Db, query: HistoryQuery = {}): Map<string, ClientHistory> {
  const { clientId } = query;
  const only = clientId === undefined ? '' : ' AND client_id = @clientId';
  const args: Record<string, string> = clientId === undefined ? {} : { clientId };
  const histories = new Map<string, ClientHistory>();
  const of = (id: string) => {
    let history = histories.get(id);
    if (!history) histories.set(id, (history = empty()));
    return history;
  };
  const byId = new Map<string, Applied[]>();
  for (const [id, client, issueDate, dueDate, totalMinor, disputed] of db.prepare<Record<string, string>, Row>(`SELECT i.id, i.client_id, i.issue_date, i.due_date, i.total_minor, i.disputed ${INVOICES}${only}`).raw().iterate(args) as IterableIterator<Row>) {
    const payments: Applied[] = [];
    of(client).invoices.push({ issueDate, dueDate, totalMinor, disputed: disputed === 1, payments });
    byId.set(id, payments);
  }
  const applied =
    clientId === undefined
      ? db.prepare<[], { invoice_id: string; date: string; amount_minor: number; reversed_date: string | null }>(APPLIED).iterate()
      : db.prepare<[string], { invoice_id: string; date: string; amount_minor: number; reversed_date: string | null }>(`SELECT * FROM (${APPLIED}) WHERE invoice_id IN (SELECT id FROM invoices WHERE client_id = ?)`).iterate(clientId);
  for (const row of applied) byId.get(row.invoice_id)?.push({ date: row.date, amountMinor: row.amount_minor, reversedDate: row.reversed_date });
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
