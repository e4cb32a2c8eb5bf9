// What a client's history says on the scoring date, as numbers the score combines and as the
// parameters the UI words ("3 of the last 6 invoices paid late"). Pure: the cut at `asOf` happens
// here, so a caller cannot leak a later payment or the scored invoice's dispute into the score.
import type { PaymentHistory, PastInvoice } from './history.js';

/** The factors, in the order of the weight vector (model.ts). */
export const FACTOR_CODES = [
  'late_rate',
  'last_late',
  'deteriorating',
  'lateness',
  'past_due_days',
  'past_due_count',
  'past_due_amount',
  'partial',
  'bounced',
  'broken_promises',
  'broken_plans',
  'disputes',
  'tenure',
  'new_client',
  'amount_vs_usual',
] as const;
export type FactorCode = (typeof FACTOR_CODES)[number];

export type FactorParams = Record<string, number | string | null>;

export interface Features {
  /** One value per FACTOR_CODES entry, same order. */
  values: number[];
  /** What the UI needs to word each factor. */
  params: Record<FactorCode, FactorParams>;
}

/** Each older invoice counts this much less than the next newer one: recent behaviour leads. */
const RECENCY_DECAY = 0.7;
/** Prior for the late rate: a client with no history counts as PRIOR_WEIGHT invoices late at PRIOR_RATE. */
const PRIOR_RATE = 0.2;
const PRIOR_WEIGHT = 1;
/** How many recent invoices the UI's "k of the last n" reads. */
const RECENT_WINDOW = 6;
/** Bounces, broken promises and plans older than this no longer count. */
const MEMORY_DAYS = 365;

const DAY_MS = 86_400_000;
/** Day number of a YYYY-MM-DD date; done by hand because it runs millions of times in a recompute. */
export function dayNumber(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
}

interface Resolved {
  issue: number;
  late: boolean;
  /** Days after the due date it was settled, or is still open. */
  daysLate: number;
}

const logit = (p: number) => Math.log(p / (1 - p));

function settledOn(invoice: PastInvoice, asOf: string): { date: string | null; paid: number } {
  let paid = 0;
  let date: string | null = null;
  for (const payment of invoice.payments) {
    if (payment.date > asOf || (payment.reversedDate !== null && payment.reversedDate <= asOf)) continue;
    paid += payment.amountMinor;
    if (date === null || payment.date > date) date = payment.date;
  }
  return { date: paid >= invoice.totalMinor ? date : null, paid };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const recentCount = (dates: readonly string[], asOf: string, today: number): { count: number; last: string | null } => {
  let count = 0;
  let last: string | null = null;
  for (const date of dates) {
    if (date > asOf || today - dayNumber(date) > MEMORY_DAYS) continue;
    count += 1;
    if (last === null || date > last) last = date;
  }
  return { count, last };
};

export function featuresOf(history: PaymentHistory): Features {
  const { asOf } = history;
  const today = dayNumber(asOf);
  const resolved: Resolved[] = [];
  const amounts: number[] = [];
  let firstIssue: string | null = null;
  let pastDueDays = 0;
  let pastDueCount = 0;
  let pastDueMinor = 0;
  let partial = 0;
  let disputes = 0;

  for (const invoice of history.invoices) {
    if (invoice.issueDate > asOf) continue; // not yet issued on the scoring date
    if (firstIssue === null || invoice.issueDate < firstIssue) firstIssue = invoice.issueDate;
    amounts.push(invoice.totalMinor);
    const due = dayNumber(invoice.dueDate);
    const settled = settledOn(invoice, asOf);
    if (settled.date !== null) {
      const daysLate = dayNumber(settled.date) - due;
      resolved.push({ issue: dayNumber(invoice.issueDate), late: daysLate > 0, daysLate: Math.max(0, daysLate) });
      // A dispute is only known (and only fair to count) once the invoice it was about is settled.
      if (invoice.disputed) disputes += 1;
    } else if (due < today) {
      const days = today - due;
      resolved.push({ issue: dayNumber(invoice.issueDate), late: true, daysLate: days });
      pastDueDays = Math.max(pastDueDays, days);
      pastDueCount += 1;
      pastDueMinor += invoice.totalMinor - settled.paid;
      if (settled.paid > 0) partial += 1;
    }
  }
  resolved.sort((a, b) => b.issue - a.issue); // newest first

  let weight = 1;
  let weightSum = 0;
  let lateSum = 0;
  let daysSum = 0;
  for (const r of resolved) {
    weightSum += weight;
    if (r.late) lateSum += weight;
    daysSum += weight * r.daysLate;
    weight *= RECENCY_DECAY;
  }
  const lateRate = (lateSum + PRIOR_RATE * PRIOR_WEIGHT) / (weightSum + PRIOR_WEIGHT);
  const recent = resolved.slice(0, RECENT_WINDOW);
  const recentLate = recent.filter((r) => r.late).length;
  // Deteriorating: the last three invoices paid worse than the ones before them.
  const newer = resolved.slice(0, 3);
  const older = resolved.slice(3);
  const rate = (rs: Resolved[]) => (rs.length === 0 ? 0 : rs.filter((r) => r.late).length / rs.length);
  const trend = older.length === 0 ? 0 : rate(newer) - rate(older);
  const usual = median(amounts);
  const bounced = recentCount(history.bouncedDates, asOf, today);
  const promises = recentCount(history.brokenPromiseDates, asOf, today);
  const plans = recentCount(history.brokenPlanDates, asOf, today);
  const tenureDays = firstIssue === null ? 0 : today - dayNumber(firstIssue);
  const ratio = history.newInvoiceMinor !== null && usual > 0 && history.newInvoiceMinor > 0 ? history.newInvoiceMinor / usual : 1;
  const meanDaysLate = weightSum === 0 ? 0 : daysSum / weightSum;

  const params: Record<FactorCode, FactorParams> = {
    late_rate: { late: recentLate, of: recent.length, rate: Math.round(lateRate * 100) },
    last_late: { late: resolved.length > 0 && resolved[0].late ? 1 : 0 },
    deteriorating: { recentPercent: Math.round(rate(newer) * 100), earlierPercent: Math.round(rate(older) * 100) },
    lateness: { averageDays: Math.round(meanDaysLate) },
    past_due_days: { days: pastDueDays },
    past_due_count: { count: pastDueCount },
    past_due_amount: { amountMinor: pastDueMinor, usualMinor: Math.round(usual) },
    partial: { count: partial },
    bounced: { count: bounced.count, lastDate: bounced.last },
    broken_promises: { count: promises.count, lastDate: promises.last },
    broken_plans: { count: plans.count, lastDate: plans.last },
    disputes: { count: disputes },
    tenure: { days: tenureDays },
    new_client: { invoices: resolved.length },
    amount_vs_usual: { ratioPercent: Math.round(ratio * 100) },
  };
  const values = [
    logit(lateRate),
    resolved.length > 0 && resolved[0].late ? 1 : 0,
    trend,
    Math.log1p(meanDaysLate),
    Math.log1p(pastDueDays),
    Math.log1p(pastDueCount),
    usual > 0 ? Math.log1p(pastDueMinor / usual) : 0,
    Math.log1p(partial),
    Math.log1p(bounced.count),
    Math.log1p(promises.count),
    Math.log1p(plans.count),
    Math.log1p(disputes),
    Math.log1p(tenureDays / 30),
    resolved.length === 0 ? 1 : 0,
    Math.max(-3, Math.min(3, Math.log(ratio))),
  ];
  return { values, params };
}
