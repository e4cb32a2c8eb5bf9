// What a client has paid toward a payment plan over time, read from the book: the plan's invoices'
// open amounts fall as payments are allocated to them and credit notes are issued, and rise again
// when a payment bounces. The installments are filled from this (shared/billing/planStanding.ts).
import type { SettledPoint } from '../../../../shared/billing/planStanding.js';
import type { Db } from '../../db/database.js';
import { perBook } from './perBook.js';

export interface PlanInvoiceRow {
  id: string;
  number: string | null;
  status: 'draft' | 'issued' | 'void';
  total_minor: number;
  open_minor: number;
}

interface Movement {
  invoice_id: string;
  amount_minor: number;
  date: string;
  /** The day a bounced payment's allocation was taken back; null for credit notes and standing allocations. */
  reversed_date: string | null;
}

const statements = perBook((db) => ({
  invoices: db.prepare<[string], PlanInvoiceRow>(
    `SELECT i.id, coalesce(i.number_text, i.external_number) AS number, i.status, i.total_minor, i.open_minor
     FROM plan_invoices p JOIN invoices i ON i.id = p.invoice_id WHERE p.plan_id = ? ORDER BY i.seq`,
  ),
  movements: db.prepare<[string, string], Movement>(
    `SELECT a.invoice_id, a.amount_minor, a.date, a.reversed_date
       FROM allocations a JOIN plan_invoices p ON p.invoice_id = a.invoice_id WHERE p.plan_id = ?
     UNION ALL
     SELECT n.credited_invoice_id, n.total_minor, n.issue_date, NULL
       FROM invoices n JOIN plan_invoices p ON p.invoice_id = n.credited_invoice_id WHERE p.plan_id = ? AND n.status = 'issued'`,
  ),
}));

export const planInvoices = (db: Db, planId: string): PlanInvoiceRow[] => statements(db).invoices.all(planId);

/**
 * Paid toward the plan on each day from its start to `asOf`: its total less what its invoices
 * still had open that day. Payments and credit notes already on the invoices when the plan was
 * agreed are in that difference from the start, so they never count twice; a payment recorded
 * later but dated earlier counts from the plan's first day. A covered invoice voided since counts
 * as settled: it should never have been in the plan. Credit notes (discounts, waivers, upheld
 * disputes) count like payments, because they lower what the plan collects.
 */
export function settledPoints(db: Db, plan: { id: string; createdDate: string; totalMinor: number }, asOf: string): SettledPoint[] {
  if (asOf < plan.createdDate) return [];
  const invoices = planInvoices(db, plan.id).filter((i) => i.status === 'issued');
  const owed = invoices.reduce((sum, i) => sum + i.total_minor, 0);
  // A void invoice has no payments or credit notes (voiding requires it), so all movements count.
  const movements = statements(db).movements.all(plan.id, plan.id);
  const days = new Set([plan.createdDate]);
  for (const m of movements) {
    for (const day of [m.date, m.reversed_date]) if (day !== null && day > plan.createdDate && day <= asOf) days.add(day);
  }
  const points: SettledPoint[] = [];
  for (const day of [...days].sort()) {
    const reduced = movements.filter((m) => m.date <= day && (m.reversed_date === null || m.reversed_date > day)).reduce((sum, m) => sum + m.amount_minor, 0);
    const settledMinor = Math.max(plan.totalMinor - (owed - reduced), 0);
    if (points.at(-1)?.settledMinor !== settledMinor) points.push({ date: day, settledMinor });
  }
  return points;
}
