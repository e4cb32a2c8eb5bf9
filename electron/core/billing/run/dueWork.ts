// What the billing run looks at: the contracts with a period to invoice, and the overdue invoices
// that may owe a late fee. Both are read once, at the start of a run, through indexes
// (contracts_by_due, invoices_open_by_due), so a book's history does not slow the daily run.
import { addDays } from '../../../../shared/dates.js';
import { CYCLE_MONTHS } from '../../../../shared/domain/billingCycle.js';
import type { LateFeePolicy } from '../../../../shared/billing/lateFees.js';
import type { Db } from '../../db/database.js';
import { LIVE_SQL } from '../../register/contractRepository.js';

/**
 * Live, auto-renewing contracts with a period starting on or before @until (the last day whose
 * renewal is due by the horizon, lead days included).
 */
const DUE_WHERE = `k.next_due_date <= @until AND k.status IN ${LIVE_SQL} AND k.auto_renew = 1 AND (k.end_date IS NULL OR k.next_due_date < k.end_date)`;
/** Selecting them: the one query the benchmark compares the whole run against. */
export const DUE_CONTRACTS_SQL = `SELECT k.id, k.client_id, k.label FROM contracts k WHERE ${DUE_WHERE}`;

/** Usage contracts past their end date with usage not yet billed: their last period is settled. */
const SETTLEMENTS_SQL = `SELECT k.id, k.client_id, k.label FROM contracts k
  WHERE k.pricing_model <> 'fixed' AND k.end_date IS NOT NULL AND k.end_date <= @through
    AND EXISTS (SELECT 1 FROM usage_records u WHERE u.contract_id = k.id AND u.invoice_id IS NULL AND u.usage_date < k.end_date)
    AND NOT EXISTS (SELECT 1 FROM renewals r WHERE r.contract_id = k.id AND r.period_start = k.end_date)`;

/**
 * Issued invoices still open that could owe a fee by the horizon. Never a fee on a fee (no
 * compounding), on a disputed invoice, or on one inside an active payment plan (the plan's
 * installments replace its due date). A "once" policy only looks at invoices whose single fee
 * can fall inside the days being billed.
 */
const FEE_CANDIDATES_SQL = `SELECT i.id, i.client_id, i.due_date FROM invoices i
  WHERE i.status = 'issued' AND i.open_minor > 0 AND i.due_date <= @lastDue AND i.due_date >= @firstDue
    AND i.kind = 'invoice' AND i.disputed = 0 AND i.source <> 'late_fee'
    AND NOT EXISTS (SELECT 1 FROM plan_invoices pi JOIN payment_plans p ON p.id = pi.plan_id WHERE pi.invoice_id = i.id AND p.status = 'active')
  ORDER BY i.due_date, i.seq`;

export interface DueWindow {
  /** The first day whose fees this run may charge. */
  opensOn: string;
  through: string;
  leadDays: number;
  lateFee: LateFeePolicy;
}

const feeRange = (window: DueWindow) => ({
  lastDue: addDays(window.through, -window.lateFee.afterDays),
  firstDue: window.lateFee.repeat === 'once' ? addDays(window.opensOn, -window.lateFee.afterDays) : '0000-01-01',
});

export function createDueWork(db: Db) {
  const contracts = db.prepare<{ until: string; through: string }, { id: string; client_id: string }>(
    `SELECT id, client_id FROM (${DUE_CONTRACTS_SQL} UNION ${SETTLEMENTS_SQL}) ORDER BY client_id, label, id`,
  );
  const fees = db.prepare<{ lastDue: string; firstDue: string }, { id: string; client_id: string; due_date: string }>(FEE_CANDIDATES_SQL);
  // About how many periods the due contracts have to invoice: after months closed, several each.
  const cycleDays = `CASE k.cycle ${Object.entries(CYCLE_MONTHS).map(([cycle, months]) => `WHEN '${cycle}' THEN ${months * 30.44}`).join(' ')} END`;
  const countPeriods = db
    .prepare<{ until: string }, number>(
      `SELECT coalesce(sum(1 + CAST((julianday(@until) - julianday(k.next_due_date)) / ${cycleDays} AS INTEGER)), 0) FROM contracts k WHERE ${DUE_WHERE}`,
    )
    .pluck();
  const countFees = db.prepare<{ lastDue: string; firstDue: string }, number>(`SELECT count(*) FROM (${FEE_CANDIDATES_SQL})`).pluck();

  return {
    /** Contracts with something to invoice by the horizon, a client's together and by label (the order of a shared invoice's lines). */
    contracts: (window: DueWindow) => contracts.all({ until: addDays(window.through, window.leadDays), through: window.through }),
    feeCandidates: (window: DueWindow) => (window.lateFee.enabled ? fees.all(feeRange(window)) : []),
    /** About how many documents a run will issue: decides whether it is worth a worker thread. */
    estimate: (window: DueWindow) => countPeriods.get({ until: addDays(window.through, window.leadDays) })! + (window.lateFee.enabled ? countFees.get(feeRange(window))! : 0),
  };
}

export type DueWork = ReturnType<typeof createDueWork>;
