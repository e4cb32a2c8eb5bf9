// How a payment plan stands on a date, from its installments and what has been paid toward it.
// Pure, so the backend, the arrears ladder and the screens all read a plan the same way.
import { addDays } from '../dates.js';
import type { InstallmentState, PlanStanding, PlanStatus } from '../domain/paymentPlan.js';

/**
 * Days an installment may stay unpaid after its due date before the plan is broken. Five days
 * lets a transfer sent on the due date clear over a weekend and a public holiday (and matches the
 * ladder's five days before its second notice), without letting a missed installment drift.
 */
export const PLAN_GRACE_DAYS = 5;

/** What has been paid toward a plan, as steps: from `date` on, `settledMinor` in all. */
export interface SettledPoint {
  date: string;
  settledMinor: number;
}

export interface ScheduledInstallment {
  dueDate: string;
  amountMinor: number;
}

/** An installment with the day it became paid in full (null while it is not). */
export interface TrackedInstallment {
  dueDate: string;
  paidDate: string | null;
}

/** The last day an installment may be paid without breaking the plan. */
export const graceUntil = (dueDate: string): string => addDays(dueDate, PLAN_GRACE_DAYS);

/**
 * Fills the installments oldest first from what has been paid toward the plan, so a partial
 * payment completes one installment and starts the next. An installment counts as paid from the
 * day the running total last rose to cover it (a bounced payment un-pays it again).
 */
export function installmentProgress(installments: readonly ScheduledInstallment[], points: readonly SettledPoint[]): { paidMinor: number; paidDate: string | null }[] {
  const settled = points.at(-1)?.settledMinor ?? 0;
  let before = 0;
  return installments.map((installment) => {
    const through = before + installment.amountMinor;
    const paidMinor = Math.min(Math.max(settled - before, 0), installment.amountMinor);
    before = through;
    let paidDate: string | null = null;
    for (let i = points.length - 1; i >= 0 && points[i]!.settledMinor >= through; i--) paidDate = points[i]!.date;
    return { paidMinor, paidDate };
  });
}

const paidBy = (installment: TrackedInstallment, date: string) => installment.paidDate !== null && installment.paidDate <= date;

/** Unpaid past its grace days as of `asOf`: the plan broke the day after the grace ended. */
const missed = (installment: TrackedInstallment, asOf: string) => graceUntil(installment.dueDate) < asOf && !paidBy(installment, graceUntil(installment.dueDate));

/**
 * The installment that broke a plan: the first left unpaid past its grace days. It may have been
 * paid since (its state is then 'paid'), but the plan broke all the same.
 */
export const missedInstallment = <T extends TrackedInstallment>(installments: readonly T[], asOf: string): T | undefined => installments.find((i) => missed(i, asOf));

export function installmentState(installment: TrackedInstallment, asOf: string): InstallmentState {
  if (paidBy(installment, asOf)) return 'paid';
  if (asOf <= installment.dueDate) return 'upcoming';
  return missed(installment, asOf) ? 'missed' : 'late';
}

export interface PlanFacts {
  status: PlanStatus;
  closedDate: string | null;
  installments: readonly TrackedInstallment[];
}

export interface StandingOnDate {
  standing: PlanStanding;
  /** While late: the last day of grace. */
  graceUntil: string | null;
  /** Broken or cancelled: the first day the plan no longer held. */
  brokenOn: string | null;
}

/**
 * A plan's standing as of a date. What was recorded (cancelled, broken, complete) stands from its
 * date on: a broken plan stays broken even if the client pays everything later. Otherwise it is
 * worked out from the installments: one past its grace days unpaid breaks the plan; all paid
 * completes it; one unpaid within its grace makes it late; else it is in good standing.
 */
export function planStanding(plan: PlanFacts, asOf: string): StandingOnDate {
  if (plan.closedDate !== null && plan.closedDate <= asOf) {
    if (plan.status === 'complete') return { standing: 'complete', graceUntil: null, brokenOn: null };
    if (plan.status === 'broken' || plan.status === 'cancelled') return { standing: 'broken', graceUntil: null, brokenOn: plan.closedDate };
  }
  const broken = missedInstallment(plan.installments, asOf);
  if (broken) return { standing: 'broken', graceUntil: null, brokenOn: addDays(graceUntil(broken.dueDate), 1) };
  if (plan.installments.every((i) => paidBy(i, asOf))) return { standing: 'complete', graceUntil: null, brokenOn: null };
  const late = plan.installments.find((i) => installmentState(i, asOf) === 'late');
  if (late) return { standing: 'late', graceUntil: graceUntil(late.dueDate), brokenOn: null };
  return { standing: 'good_standing', graceUntil: null, brokenOn: null };
}
