// Which service periods of a contract are due to be invoiced, and how a period is prorated. Pure:
// the billing run, its preview and the tests all ask here.
//
// Periods. A contract is billed one billing cycle at a time, in advance: the period starting on
// its next due date runs until the day before the next due date one cycle later. Due dates keep
// the day of month the contract started on (31 Jan → 28/29 Feb → 31 Mar), see `anchorDay`.
//
// Proration (a `proration` line instead of a `service` line, or beside it), by day:
//   (a) A contract with an end date inside a period: the final period is cut at the end date and
//       billed price × days ÷ days of the whole period. The end date is the first day without
//       service, so a contract ended "at term" (end date = next due date) bills nothing more.
//   (b) A price change (upgrade or downgrade) of a live contract: for every period already
//       invoiced at the old price, the difference over the days from the change to that period's
//       end (see `priceChangeAdjustments`). It is settled with the next renewal invoice.
// A contract starting mid-cycle relative to the client's other contracts is not prorated: each
// contract keeps its own cycle from its own start (no co-terming), so its first period is whole.
// Every prorated amount is rounded once per line, half away from zero (rounding.ts).
import { addDays, addMonths, daysBetween } from '../dates.js';
import { CYCLE_MONTHS, type BillingCycle } from '../domain/billingCycle.js';
import { mulDiv } from './rounding.js';

export interface RenewalTerms {
  startDate: string;
  nextDueDate: string;
  endDate: string | null;
  cycle: BillingCycle;
  pricingModel: 'fixed' | 'tiered' | 'metered';
}

/**
 * Usage is known only once its period is over. Tiered and metered contracts are therefore
 * invoiced on the due date itself — the usage of the period that just ended, with the base price
 * of the period that begins — while fixed prices are invoiced `renewalLeadDays` ahead.
 */
export const billsUsage = (terms: Pick<RenewalTerms, 'pricingModel'>): boolean => terms.pricingModel !== 'fixed';

const dayOf = (date: string) => Number(date.slice(8, 10));
const lastDayOfMonth = (date: string) => dayOf(addDays(addMonths(`${date.slice(0, 8)}01`, 1), -1));

/**
 * The day of month a contract's due dates keep: its start day, as long as the next due date is on
 * it or is the last day of a month too short for it (31 Jan → 28 Feb → back to 31 Mar). A due date
 * moved to another day by hand (say, to the 1st) keeps that day from then on.
 */
export function anchorDay(terms: Pick<RenewalTerms, 'startDate' | 'nextDueDate'>): number {
  const start = dayOf(terms.startDate);
  const due = dayOf(terms.nextDueDate);
  if (due === start || (start > due && due === lastDayOfMonth(terms.nextDueDate))) return start;
  return due;
}

/** The due date one cycle after `due`. */
export const dueAfter = (due: string, terms: Pick<RenewalTerms, 'cycle' | 'startDate' | 'nextDueDate'>): string =>
  addMonths(due, CYCLE_MONTHS[terms.cycle], anchorDay(terms));

/** The due date one cycle before `due`. */
export const dueBefore = (due: string, terms: Pick<RenewalTerms, 'cycle' | 'startDate' | 'nextDueDate'>): string =>
  addMonths(due, -CYCLE_MONTHS[terms.cycle], anchorDay(terms));

/** Days of the whole period starting on `start` (the denominator of every proration). */
export const periodDays = (start: string, terms: Pick<RenewalTerms, 'cycle' | 'startDate' | 'nextDueDate'>): number =>
  daysBetween(start, dueAfter(start, terms));

export interface RenewalPeriod {
  /** The due date the period begins on. */
  start: string;
  /** Its last day of service (inclusive); for a settlement the day before it starts, as it bills no days. */
  end: string;
  /** The contract's next due date once this period is invoiced. */
  nextDue: string;
  /** Days of service invoiced, and days of the whole period: less than whole when cut at the end date. */
  days: number;
  fullDays: number;
  /** The day the run should issue it: renewalLeadDays before the start, or the start for usage contracts. */
  intendedDate: string;
  /**
   * The final settlement of a usage contract on its end date: no service days, only the usage of
   * the last period (which no later renewal would carry).
   */
  settlement: boolean;
}

/**
 * The periods of a live, auto-renewing contract whose invoices are due on or before `through`,
 * in order. The caller knows which contracts renew; this only counts days.
 */
export function periodsDue(terms: RenewalTerms, options: { leadDays: number; through: string }): RenewalPeriod[] {
  const lead = billsUsage(terms) ? 0 : options.leadDays;
  const periods: RenewalPeriod[] = [];
  let due = terms.nextDueDate;
  while ((terms.endDate === null || due < terms.endDate) && addDays(due, -lead) <= options.through) {
    const whole = dueAfter(due, terms);
    const cut = terms.endDate !== null && terms.endDate < whole ? terms.endDate : whole;
    periods.push({
      start: due,
      end: addDays(cut, -1),
      nextDue: cut,
      days: daysBetween(due, cut),
      fullDays: daysBetween(due, whole),
      intendedDate: addDays(due, -lead),
      settlement: false,
    });
    due = cut;
  }
  const settlement = usageSettlement(terms, options.through);
  if (settlement && due >= settlement.start) periods.push(settlement);
  return periods;
}

/** The settlement of a usage contract's last period on its end date, once that date has come. */
export function usageSettlement(terms: RenewalTerms, through: string): RenewalPeriod | null {
  if (!billsUsage(terms) || terms.endDate === null || terms.endDate > through) return null;
  return { start: terms.endDate, end: addDays(terms.endDate, -1), nextDue: terms.endDate, days: 0, fullDays: 0, intendedDate: terms.endDate, settlement: true };
}

/** The period whose usage a renewal starting on `start` invoices: the one that just ended. */
export function usagePeriodBefore(start: string, terms: RenewalTerms): { start: string; end: string } | null {
  if (start <= terms.startDate) return null;
  const previous = dueBefore(start, terms);
  return { start: previous < terms.startDate ? terms.startDate : previous, end: addDays(start, -1) };
}

/** price × days ÷ days of the whole period, rounded once, half away from zero. */
export const prorate = (priceMinor: number, days: number, fullDays: number): number => mulDiv(priceMinor, days, fullDays);

export interface PriceChange {
  /** The business day the new price applies from. */
  date: string;
  fromMinor: number;
  toMinor: number;
}

export interface InvoicedPeriod {
  start: string;
  /** Last day invoiced (inclusive). */
  end: string;
  fullDays: number;
}

export interface PriceAdjustment {
  change: PriceChange;
  period: InvoicedPeriod;
  /** First day at the new price within the period. */
  from: string;
  days: number;
  /** Signed: positive is owed by the client (upgrade), negative is owed to them (downgrade). */
  amountMinor: number;
}

/**
 * What price changes made after periods were invoiced come to: for each change and each such
 * period still running on (or starting after) the change's date, (new − old) × days at the new
 * price ÷ days of the whole period. One adjustment per change and period, each rounded once;
 * successive changes chain (each one's old price is the previous one's new price), so their sum is
 * exactly what the days were worth.
 */
export function priceChangeAdjustments(changes: readonly PriceChange[], invoiced: readonly InvoicedPeriod[]): PriceAdjustment[] {
  const adjustments: PriceAdjustment[] = [];
  for (const change of changes) {
    for (const period of invoiced) {
      if (period.end < change.date || change.toMinor === change.fromMinor) continue;
      const from = change.date > period.start ? change.date : period.start;
      const days = daysBetween(from, period.end) + 1;
      const amountMinor = prorate(change.toMinor - change.fromMinor, days, period.fullDays);
      if (amountMinor !== 0) adjustments.push({ change, period, from, days, amountMinor });
    }
  }
  return adjustments;
}

/** Where the run may date what it issues: the day it runs for, the first day not yet run, the lock. */
export interface DatingWindow {
  runDay: string;
  /** The day after the last finished run (the first day the app was closed), or the run day on a book's first run. */
  opensOn: string;
  lockDate: string | null;
}

/**
 * The issue date of a document the run intended for `intended` (catch-up, DESIGN §4): on its day
 * when that day is inside the days being caught up; on the first of those days when it was meant
 * for earlier (the contract was created or moved back since); never before `notBefore` (e.g. the
 * day the contract was entered) nor after the run day; and on the run day when its day is inside
 * a locked period. Days after the run day belong to a preview of later runs and keep their date.
 */
export function issueDateFor(intended: string, window: DatingWindow, notBefore?: string): { date: string; redatedForLock: boolean } {
  if (intended > window.runDay) return { date: intended, redatedForLock: false };
  let date = intended < window.opensOn ? window.opensOn : intended;
  if (notBefore !== undefined && date < notBefore) date = notBefore;
  if (date > window.runDay) date = window.runDay;
  if (window.lockDate !== null && date <= window.lockDate) return { date: window.runDay, redatedForLock: true };
  return { date, redatedForLock: false };
}

/**
 * What a renewal is issued as: a proforma (预付款账单, paid before the period starts) for a client
 * who must pay in advance, or whose payment-risk band's treatment asks for it (risk_band_treatments,
 * `renewalsAsProforma`); otherwise an invoice.
 */
export function renewalDocumentKind(client: { prepay: boolean }, bandAsksProforma: boolean): 'proforma' | 'invoice' {
  return client.prepay || bandAsksProforma ? 'proforma' : 'invoice';
}
