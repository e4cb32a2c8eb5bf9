// Late fees by the book's policy (settings.ts): when each fee on an overdue invoice falls due and
// what it comes to. Pure; the billing run decides which invoices are overdue and records each
// (invoice, n) once.
import { addDays, addMonths } from '../dates.js';
import type { BillingSettings } from './settings.js';
import { mulDiv } from './rounding.js';

export type LateFeePolicy = BillingSettings['lateFee'];

export interface FeeOccurrence {
  /** 1 for the first fee on an invoice, 2 for the second month's, … */
  n: number;
  date: string;
}

/**
 * The fees an invoice due on `dueDate` runs up by `through`: the first `afterDays` after the due
 * date, then (monthly) on the same day of each following month — the day kept as in renewals, so
 * a fee first due on the 31st is next due on the 30th or 28th and then the 31st again.
 */
export function feeOccurrences(dueDate: string, policy: LateFeePolicy, through: string): FeeOccurrence[] {
  if (!policy.enabled) return [];
  const first = addDays(dueDate, policy.afterDays);
  const anchor = Number(first.slice(8, 10));
  const occurrences: FeeOccurrence[] = [];
  for (let n = 1; ; n += 1) {
    const date = n === 1 ? first : addMonths(first, n - 1, anchor);
    if (date > through) break;
    occurrences.push({ n, date });
    if (policy.repeat === 'once') break;
  }
  return occurrences;
}

/**
 * One fee: the fixed amount for the invoice's currency, or the percentage of what was overdue on
 * the fee's day (rounded once, half away from zero), never taking the fees already charged on the
 * invoice past the cap for its currency. 0 means no fee: none is set for the currency, nothing was
 * overdue, or the cap is reached.
 */
export function feeAmount(policy: LateFeePolicy, currency: string, overdueMinor: number, alreadyChargedMinor: number): number {
  if (!policy.enabled || overdueMinor <= 0) return 0;
  const fee = policy.kind === 'fixed' ? (policy.fixedMinorByCurrency[currency] ?? 0) : mulDiv(overdueMinor, policy.percentBp, 10_000);
  const cap = policy.capMinorByCurrency[currency];
  if (cap === undefined) return fee;
  return Math.max(0, Math.min(fee, cap - alreadyChargedMinor));
}
