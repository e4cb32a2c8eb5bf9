// The late_fees table — the n-th fee on an overdue invoice, charged once each — and the amounts a
// fee is figured from.
import type { Db } from '../../db/database.js';

export function createLateFeeRecords(db: Db) {
  const exists = db.prepare<[string, number], number>('SELECT count(*) FROM late_fees WHERE invoice_id = ? AND n = ?').pluck();
  // What the policy charged (the fee line's price as the policy states it), waived fees included:
  // the cap bounds what was charged, and a waiver does not make room for more.
  const charged = db
    .prepare<[string], number>(
      `SELECT coalesce(sum(l.unit_price_minor), 0) FROM late_fees f JOIN invoice_lines l ON l.invoice_id = f.fee_invoice_id AND l.kind = 'late_fee' WHERE f.invoice_id = ?`,
    )
    .pluck();
  // What was open on the invoice on a day: a payment or credit note dated later had not come yet.
  const openAsOf = db
    .prepare<{ id: string; day: string }, number>(
      `SELECT i.total_minor
         - coalesce((SELECT sum(a.amount_minor) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= @day AND (a.reversed_date IS NULL OR a.reversed_date > @day)), 0)
         - coalesce((SELECT sum(n.total_minor) FROM invoices n WHERE n.credited_invoice_id = i.id AND n.status = 'issued' AND n.issue_date <= @day), 0)
       FROM invoices i WHERE i.id = @id`,
    )
    .pluck();
  const insert = db.prepare('INSERT INTO late_fees (invoice_id, n, due_date, fee_invoice_id) VALUES (?, ?, ?, ?)');

  return {
    has: (invoiceId: string, n: number) => exists.get(invoiceId, n)! > 0,
    charged: (invoiceId: string) => charged.get(invoiceId)!,
    openAsOf: (invoiceId: string, day: string) => openAsOf.get({ id: invoiceId, day }) ?? 0,
    record: (invoiceId: string, n: number, dueDate: string, feeInvoiceId: string) => insert.run(invoiceId, n, dueDate, feeInvoiceId),
  };
}

export type LateFeeRecords = ReturnType<typeof createLateFeeRecords>;
