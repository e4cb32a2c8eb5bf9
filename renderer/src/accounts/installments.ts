// A payment plan as its form builds it: what the installments must add up to (the open amount of
// the invoices covered, plus the fee with its tax as the backend prices it), the schedule split
// evenly over a number of dates, and why the reasons a ladder holds read as they do. Pure.
import { lineAmounts, type TaxMode } from '../../../shared/billing/lineAmounts.js';
import { addDays, addMonths } from '../../../shared/dates.js';
import { amountText } from '../ui/amountText.js';

export const INSTALLMENT_INTERVALS = ['month', 'twoWeeks', 'week'] as const;
export type InstallmentInterval = (typeof INSTALLMENT_INTERVALS)[number];

export interface InstallmentRow {
  dueDate: string;
  amount: string;
}

/** What the installments must add up to: the fee is an invoice line, taxed like any other. */
export function planTotal(coveredMinor: number, feeMinor: number, feeRateBp: number, taxMode: TaxMode): number {
  return coveredMinor + (feeMinor > 0 ? lineAmounts(1000, feeMinor, feeRateBp, taxMode).total : 0);
}

/** `count` installments from `firstDate`, one per interval, equal but for the last, which takes the rest. */
export function splitEvenly(totalMinor: number, count: number, firstDate: string, interval: InstallmentInterval, currency: string): InstallmentRow[] {
  const share = Math.floor(totalMinor / count);
  const dayOf = Number(firstDate.slice(8, 10));
  return Array.from({ length: count }, (_, index) => ({
    dueDate: interval === 'month' ? addMonths(firstDate, index, dayOf) : addDays(firstDate, index * (interval === 'week' ? 7 : 14)),
    amount: amountText(index === count - 1 ? totalMinor - share * (count - 1) : share, currency),
  }));
}

export type PauseReason = { key: 'planInGoodStanding' } | { key: 'planInGrace'; date: string } | { key: 'promise'; date: string } | { key: 'openDispute' } | { key: 'other'; text: string };

/** A reason the backend gives for holding the arrears ladder (`promise_until:2026-12-01`, …). */
export function readPauseReason(reason: string): PauseReason {
  const [kind, date] = reason.split(':');
  if (kind === 'plan_in_good_standing') return { key: 'planInGoodStanding' };
  if (kind === 'open_dispute') return { key: 'openDispute' };
  if (kind === 'plan_in_grace_until' && date) return { key: 'planInGrace', date };
  if (kind === 'promise_until' && date) return { key: 'promise', date };
  return { key: 'other', text: reason };
}
