// What a client's history says on the scoring date, in two steps that are THE definition of the
// score's inputs:
//   1. summariseHistory: the history cut at `asOf` (so nothing later can leak in) reduced to a few
//      sums and counts per client — the ClientSummary. The recompute computes the very same summary
//      in SQL, one row per client (electron/core/risk/clientSummaries.ts); a property test holds the
//      two to the same numbers.
//   2. factorsOf: the summary turned into the factor values the score combines, and the parameters
//      the UI words ("3 of the last 6 invoices paid late").
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
  /**
   * What the UI needs to word each factor:
   * - late_rate {late, of, rate}: `late` of the `of` invoices due in the last year were paid late (or
   *   are still unpaid past due); `rate` is the recency-weighted, smoothed late share in percent.
   * - last_late {late}: 1 when the most recent settled or past-due invoice was late.
   * - deteriorating {recentPercent, overallPercent}: late share of the invoices issued in the last
   *   90 days against the smoothed late rate of the whole history (late_rate's).
   * - lateness {averageDays}: when the client usually pays: the average of days after the due date
   *   (negative: before it; days past due for unpaid ones), each invoice counted within ±20.
   * - past_due_days {days}: the oldest unpaid invoice's days past due now.
   * - past_due_count {count}: invoices past due now.
   * - past_due_amount {amountMinor, usualMinor}: owed past due now, and the client's usual (average) bill.
   * - partial {count}: invoices past due now that are partly paid.
   * - bounced / broken_promises / broken_plans {count, lastDate}: in the last year, with the latest day.
   * - disputes {count}: settled invoices that had been disputed.
   * - tenure {days}: since the first invoice.
   * - new_client {invoices}: settled or past-due invoices so far (0 → nothing to judge by yet).
   * - amount_vs_usual {ratioPercent}: the invoice being scored against the usual bill (100 when none).
   */
  params: Record<FactorCode, FactorParams>;
}

/**
 * An invoice's weight halves every this many days of age. A long memory: a client's habit shows
 * over many invoices, and one late month of a good payer is mostly noise. On two real histories
 * (scripts/risk-eval.ts; README) a year ranked better than 90 days; a client who has turned
 * worse lately is caught by the 'deteriorating' factor instead.
 */
export const RECENCY_HALF_LIFE_DAYS = 365;
/** Prior for the late rate: PRIOR_WEIGHT invoices late at PRIOR_RATE, as recent as the client's newest. */
export const PRIOR_RATE = 0.2;
export const PRIOR_WEIGHT = 1;
/** "Recent" for the trend: invoices issued this many days before the scoring date or less. */
export const TREND_DAYS = 90;
/** Bounces, broken promises and plans older than this no longer count; "the last year" of late_rate. */
export const MEMORY_DAYS = 365;
/**
 * When a client pays, each invoice counted within this many days before or after its due date. Paid
 * early counts too: on a real invoice history (IBM's Accounts Receivable sample, README) how early
 * a client usually pays ranked the next invoice better than their late rate alone. The cap keeps one
 * invoice written off after a year from outweighing a habit. Every invoice counts the same: a
 * habit of paying early is as telling a year on, and on both real histories a plain average ranked
 * as well as one weighted to the recent invoices.
 */
export const TIMING_CAP_DAYS = 20;
/** An invoice's days after its due date (negative: before), within ±TIMING_CAP_DAYS. The SQL path caps the same way. */
export const timingDays = (daysAfterDue: number): number => Math.max(-TIMING_CAP_DAYS, Math.min(TIMING_CAP_DAYS, daysAfterDue));

/** Everything the factors need, per client and scoring date (also computed in SQL: keep the two in step). */
export interface ClientSummary {
  asOf: string;
  /** Invoices issued on or before asOf; their average total; the first one's issue date. */
  invoices: number;
  averageMinor: number;
  firstIssue: string | null;
  /** Settled by asOf, or unpaid past their due date ("resolved": their outcome is known). */
  resolved: number;
  /** Σ recency weight, Σ weight × late (0/1), and Σ timingDays (days after due, ±20, unweighted), over the resolved invoices. */
  weightSum: number;
  lateWeight: number;
  timingSum: number;
  /** The largest of those weights (the newest resolved invoice's): the prior counts as one invoice that recent. */
  newestWeight: number;
  /** 1 when the latest-issued resolved invoice (any of them, on a tie) was late. */
  lastLate: number;
  /** Resolved invoices issued within TREND_DAYS, and of them late. */
  recentResolved: number;
  recentLate: number;
  /** Resolved invoices due within MEMORY_DAYS before asOf, and of them late. */
  yearResolved: number;
  yearLate: number;
  pastDueDays: number;
  pastDueCount: number;
  pastDueMinor: number;
  partial: number;
  disputes: number;
  bounced: number;
  lastBounced: string | null;
  brokenPromises: number;
  lastBrokenPromise: string | null;
  brokenPlans: number;
  lastBrokenPlan: string | null;
  /** The invoice being scored (its amount only), or null when scoring the client. */
  newInvoiceMinor: number | null;
}

const DAY_MS = 86_400_000;
/** Day number of a YYYY-MM-DD date; done by hand because it runs millions of times in a refit. */
export function dayNumber(date: string): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
}

/** An invoice's weight at `ageDays` since its issue. The SQL path computes the same expression. */
export const recencyWeight = (ageDays: number): number => Math.exp((-ageDays * Math.LN2) / RECENCY_HALF_LIFE_DAYS);

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

/** A client with nothing known yet as of a day: the start of every summary. */
export function emptySummary(asOf: string, newInvoiceMinor: number | null = null): ClientSummary {
  return {
    asOf,
    invoices: 0,
    averageMinor: 0,
    firstIssue: null,
    resolved: 0,
    weightSum: 0,
    lateWeight: 0,
    timingSum: 0,
    newestWeight: 0,
    lastLate: 0,
    recentResolved: 0,
    recentLate: 0,
    yearResolved: 0,
    yearLate: 0,
    pastDueDays: 0,
    pastDueCount: 0,
    pastDueMinor: 0,
    partial: 0,
    disputes: 0,
    bounced: 0,
    lastBounced: null,
    brokenPromises: 0,
    lastBrokenPromise: null,
    brokenPlans: 0,
    lastBrokenPlan: null,
    newInvoiceMinor,
  };
}

/** The history as of its scoring date, reduced to the client's summary. */
export function summariseHistory(history: PaymentHistory): ClientSummary {
  const { asOf } = history;
  const today = dayNumber(asOf);
  const s = emptySummary(asOf, history.newInvoiceMinor);
  let totalMinor = 0;
  let lastIssue = '';
  for (const invoice of history.invoices) {
    if (invoice.issueDate > asOf) continue; // not yet issued on the scoring date
    s.invoices += 1;
    totalMinor += invoice.totalMinor;
    if (s.firstIssue === null || invoice.issueDate < s.firstIssue) s.firstIssue = invoice.issueDate;
    const due = dayNumber(invoice.dueDate);
    const settled = settledOn(invoice, asOf);
    let daysAfterDue: number;
    if (settled.date !== null) {
      daysAfterDue = dayNumber(settled.date) - due;
      // A dispute is only known (and only fair to count) once the invoice it was about is settled.
      if (invoice.disputed) s.disputes += 1;
    } else if (due < today) {
      daysAfterDue = today - due;
      s.pastDueDays = Math.max(s.pastDueDays, daysAfterDue);
      s.pastDueCount += 1;
      s.pastDueMinor += invoice.totalMinor - settled.paid;
      if (settled.paid > 0) s.partial += 1;
    } else continue; // open and not yet due: its outcome is not known
    const late = daysAfterDue > 0 ? 1 : 0;
    const age = today - dayNumber(invoice.issueDate);
    const weight = recencyWeight(age);
    s.resolved += 1;
    s.weightSum += weight;
    s.lateWeight += weight * late;
    s.timingSum += timingDays(daysAfterDue);
    s.newestWeight = Math.max(s.newestWeight, weight);
    if (age <= TREND_DAYS) {
      s.recentResolved += 1;
      s.recentLate += late;
    }
    if (today - due <= MEMORY_DAYS) {
      s.yearResolved += 1;
      s.yearLate += late;
    }
    // Latest issue date first; on a tie, late wins (as max(issue_date || late) does in SQL).
    const key = `${invoice.issueDate}${late}`;
    if (key > lastIssue) {
      lastIssue = key;
      s.lastLate = late;
    }
  }
  s.averageMinor = s.invoices === 0 ? 0 : totalMinor / s.invoices;
  const bounced = recentCount(history.bouncedDates, asOf, today);
  const promises = recentCount(history.brokenPromiseDates, asOf, today);
  const plans = recentCount(history.brokenPlanDates, asOf, today);
  s.bounced = bounced.count;
  s.lastBounced = bounced.last;
  s.brokenPromises = promises.count;
  s.lastBrokenPromise = promises.last;
  s.brokenPlans = plans.count;
  s.lastBrokenPlan = plans.last;
  return s;
}

/** What both the factor values and their wording are worked out from. */
function measuresOf(s: ClientSummary) {
  const today = dayNumber(s.asOf);
  // The prior weighs as much as PRIOR_WEIGHT invoices as recent as the newest one, so a client billed
  // once a year is judged on their own invoices as much as one billed every month.
  const prior = s.resolved === 0 ? 1 : PRIOR_WEIGHT * s.newestWeight;
  const usual = s.averageMinor;
  const lateRate = (s.lateWeight + PRIOR_RATE * prior) / (s.weightSum + prior);
  return {
    lateRate,
    recentShare: share(s.recentLate, s.recentResolved),
    // The recent late share, smoothed towards the client's own rate by one invoice's worth, so a
    // single late invoice after a clean history does not read as a turn for the worse.
    recentRate: (s.recentLate + lateRate) / (s.recentResolved + 1),
    usual,
    tenureDays: s.firstIssue === null ? 0 : today - dayNumber(s.firstIssue),
    ratio: s.newInvoiceMinor !== null && usual > 0 && s.newInvoiceMinor > 0 ? s.newInvoiceMinor / usual : 1,
    /** Days after the due date the client usually pays (negative: before). */
    meanTiming: s.resolved === 0 ? 0 : s.timingSum / s.resolved,
  };
}

const share = (late: number, of: number) => (of === 0 ? 0 : late / of);

/**
 * The factor values alone, in FACTOR_CODES order: all a score needs. A whole-book rescore computes
 * only these; the wording (factorParams) is worked out for the client whose page is open.
 */
export function factorValues(s: ClientSummary): number[] {
  const m = measuresOf(s);
  // Only a turn for the worse counts: the long memory of late_rate already forgives slowly, and
  // on real histories a recent good spell predicted less than the habit of the whole history. In
  // shares, not log-odds: a client late 95% of the time whose last three were late has not turned.
  const trend = Math.max(0, m.recentRate - m.lateRate);
  return [
    logit(m.lateRate),
    s.lastLate,
    trend,
    m.meanTiming / 10,
    Math.log1p(s.pastDueDays),
    Math.log1p(s.pastDueCount),
    m.usual > 0 ? Math.log1p(s.pastDueMinor / m.usual) : 0,
    Math.log1p(s.partial),
    Math.log1p(s.bounced),
    Math.log1p(s.brokenPromises),
    Math.log1p(s.brokenPlans),
    Math.log1p(s.disputes),
    Math.log1p(m.tenureDays / 30),
    s.resolved === 0 ? 1 : 0,
    Math.max(-3, Math.min(3, Math.log(m.ratio))),
  ];
}

/** What the UI needs to word each factor (see Features.params). */
export function factorParams(s: ClientSummary): Record<FactorCode, FactorParams> {
  const m = measuresOf(s);
  return {
    late_rate: { late: s.yearLate, of: s.yearResolved, rate: Math.round(m.lateRate * 100) },
    last_late: { late: s.lastLate },
    deteriorating: { recentPercent: Math.round(m.recentShare * 100), overallPercent: Math.round(m.lateRate * 100) },
    lateness: { averageDays: Math.round(m.meanTiming) },
    past_due_days: { days: s.pastDueDays },
    past_due_count: { count: s.pastDueCount },
    past_due_amount: { amountMinor: s.pastDueMinor, usualMinor: Math.round(m.usual) },
    partial: { count: s.partial },
    bounced: { count: s.bounced, lastDate: s.lastBounced },
    broken_promises: { count: s.brokenPromises, lastDate: s.lastBrokenPromise },
    broken_plans: { count: s.brokenPlans, lastDate: s.lastBrokenPlan },
    disputes: { count: s.disputes },
    tenure: { days: m.tenureDays },
    new_client: { invoices: s.resolved },
    amount_vs_usual: { ratioPercent: Math.round(m.ratio * 100) },
  };
}

/** The factor values and their parameters, from a summary (however it was computed). */
export function factorsOf(s: ClientSummary): Features {
  return { values: factorValues(s), params: factorParams(s) };
}

export function featuresOf(history: PaymentHistory): Features {
  return factorsOf(summariseHistory(history));
}
