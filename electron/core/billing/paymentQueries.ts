// Payments as the screens show them: where each went and what is left of it as credit.
import type { Payment } from '../../../shared/domain/invoice.js';
import type { Db } from '../db/database.js';

interface PaymentRow {
  id: string;
  client_id: string;
  date: string;
  amount_minor: number;
  currency: string;
  method: Payment['method'];
  reference: string | null;
  note: string | null;
  status: Payment['status'];
  bounce_reason: string | null;
  unallocated: number;
}

/** What is left of payment `p` as credit: its amount less what is applied (not reversed) and refunded. */
export const PAYMENT_REMAINING_SQL = `(p.amount_minor
      - coalesce((SELECT sum(a.amount_minor) FROM allocations a WHERE a.payment_id = p.id AND a.reversed_date IS NULL), 0)
      - coalesce((SELECT sum(r.amount_minor) FROM refunds r WHERE r.payment_id = p.id), 0))`;

export function createPaymentQueries(db: Db) {
  const SELECT = `SELECT p.*, CASE WHEN p.status = 'received' THEN ${PAYMENT_REMAINING_SQL} ELSE 0 END AS unallocated FROM payments p`;
  const byId = db.prepare<[string], PaymentRow>(`${SELECT} WHERE p.id = ?`);
  const byClient = db.prepare<[string], PaymentRow>(`${SELECT} WHERE p.client_id = ? ORDER BY p.date DESC, p.seq DESC`);
  const allocationsOf = db.prepare<[string], { invoice_id: string; number: string | null; amount_minor: number; date: string; reversed_date: string | null }>(
    `SELECT a.invoice_id, coalesce(i.number_text, i.external_number) AS number, a.amount_minor, a.date, a.reversed_date
     FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.payment_id = ? ORDER BY a.seq`,
  );
  const toPayment = (row: PaymentRow): Payment => ({
    id: row.id,
    clientId: row.client_id,
    date: row.date,
    amountMinor: row.amount_minor,
    currency: row.currency,
    method: row.method,
    reference: row.reference,
    note: row.note,
    status: row.status,
    bounceReason: row.bounce_reason,
    unallocatedMinor: row.unallocated,
    allocations: allocationsOf.all(row.id).map((a) => ({ paymentId: row.id, invoiceId: a.invoice_id, invoiceNumber: a.number, amountMinor: a.amount_minor, date: a.date, reversedDate: a.reversed_date })),
  });
  return {
    get(id: string): Payment | null {
      const row = byId.get(id);
      return row ? toPayment(row) : null;
    },
    listByClient: (clientId: string): Payment[] => byClient.all(clientId).map(toPayment),
    /** Payments applied to an invoice. */
    allocationsToInvoice: (invoiceId: string) =>
      db
        .prepare<[string], { payment_id: string; amount_minor: number; date: string; reversed_date: string | null; number: string | null }>(
          `SELECT a.payment_id, a.amount_minor, a.date, a.reversed_date, coalesce(i.number_text, i.external_number) AS number FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.invoice_id = ? ORDER BY a.seq`,
        )
        .all(invoiceId)
        .map((a) => ({ paymentId: a.payment_id, invoiceId, invoiceNumber: a.number, amountMinor: a.amount_minor, date: a.date, reversedDate: a.reversed_date })),
  };
}

export type PaymentQueries = ReturnType<typeof createPaymentQueries>;
