// Reads clients' payment histories out of the ledger for the score: invoices with the payments and
// credit notes applied to them (dated), bounced payments, broken promises and plans. Everything the
// book holds is read; the score cuts it at its scoring date (shared/risk/features.ts).
import type { PastInvoice } from '../../../shared/risk/history.js';
import type { Db } from '../db/database.js';

export interface ClientHistory {
  invoices: (PastInvoice & { id: string })[];
  bouncedDates: string[];
  brokenPromiseDates: string[];
  brokenPlanDates: string[];
}

interface InvoiceRow {
  id: string;
  client_id: string;
  issue_date: string;
  due_date: string;
  total_minor: number;
  disputed: number;
}
interface AppliedRow {
  invoice_id: string;
  date: string;
  amount_minor: number;
  reversed_date: string | null;
}

/** Issued invoices (not proformas, which ask for money before it is owed; not credit notes). */
const INVOICES = `SELECT id, client_id, issue_date, due_date, total_minor, disputed FROM invoices
  WHERE kind = 'invoice' AND status = 'issued' AND total_minor > 0`;
/** Payments and credit notes, each counted from its day: what brings an invoice to paid. */
const APPLIED = `SELECT invoice_id, date, amount_minor, reversed_date FROM allocations
  UNION ALL SELECT credited_invoice_id, issue_date, total_minor, NULL FROM invoices
  WHERE kind = 'credit_note' AND status = 'issued' AND credited_invoice_id IS NOT NULL`;

type Applied = PastInvoice['payments'][number];

const empty = (): ClientHistory => ({ invoices: [], bouncedDates: [], brokenPromiseDates: [], brokenPlanDates: [] });

/** The histories of one client, or of every client when clientId is omitted (a recompute, risk:eval). */
export function loadHistories(db: Db, clientId?: string): Map<string, ClientHistory> {
  const only = clientId === undefined ? '' : ' AND client_id = @clientId';
  const args: Record<string, string> = clientId === undefined ? {} : { clientId };
  const histories = new Map<string, ClientHistory>();
  const of = (id: string) => {
    let history = histories.get(id);
    if (!history) histories.set(id, (history = empty()));
    return history;
  };
  const byId = new Map<string, Applied[]>();
  for (const row of db.prepare<Record<string, string>, InvoiceRow>(`${INVOICES}${only} ORDER BY client_id, issue_date, seq`).iterate(args)) {
    const payments: Applied[] = [];
    of(row.client_id).invoices.push({ id: row.id, issueDate: row.issue_date, dueDate: row.due_date, totalMinor: row.total_minor, disputed: row.disputed === 1, payments });
    byId.set(row.id, payments);
  }
  const applied =
    clientId === undefined
      ? db.prepare<[], AppliedRow>(APPLIED).iterate()
      : db.prepare<[string], AppliedRow>(`SELECT * FROM (${APPLIED}) WHERE invoice_id IN (SELECT id FROM invoices WHERE client_id = ?)`).iterate(clientId);
  for (const row of applied) {
    byId.get(row.invoice_id)?.push({ date: row.date, amountMinor: row.amount_minor, reversedDate: row.reversed_date });
  }
  const dated = (sql: string, push: (h: ClientHistory, date: string) => void) => {
    for (const row of db.prepare<Record<string, string>, { client_id: string; date: string }>(`${sql}${only}`).iterate(args)) push(of(row.client_id), row.date);
  };
  dated("SELECT client_id, coalesce(bounced_date, date) AS date FROM payments WHERE status = 'bounced'", (h, d) => h.bouncedDates.push(d));
  dated("SELECT client_id, coalesce(resolved_date, promised_date) AS date FROM promises WHERE status = 'broken'", (h, d) => h.brokenPromiseDates.push(d));
  dated("SELECT client_id, coalesce(closed_date, created_date) AS date FROM payment_plans WHERE status = 'broken'", (h, d) => h.brokenPlanDates.push(d));
  return histories;
}
