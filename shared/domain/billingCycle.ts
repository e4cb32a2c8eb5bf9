import { addMonths } from '../dates.js';

export const BILLING_CYCLES = ['monthly', 'quarterly', 'semiannual', 'annual', 'biennial'] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];

export const CYCLE_MONTHS: Record<BillingCycle, number> = {
  monthly: 1,
  quarterly: 3,
  semiannual: 6,
  annual: 12,
  biennial: 24,
};

/** The due date one cycle after `due`, anchored to the day of month the contract started on. */
export function nextDueDate(due: string, cycle: BillingCycle, anchorDay?: number): string {
  return addMonths(due, CYCLE_MONTHS[cycle], anchorDay);
}
