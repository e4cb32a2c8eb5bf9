// The dashboard's figures for one currency, each one SQL aggregate over an index (migration 010
// adds the covering ones), so a book with a million invoices answers in well under a second:
// MRR and its trend, cash per month, aging, collection rate and DSO, risk bands, arrears by
// ladder step and the cash expected in the next 30 days.
import type { Output } from '../../../shared/api/methods.js';
import { AGING_BUCKETS } from '../../../shared/api/billing.js';
import { CYCLE_MONTHS, type BillingCycle } from '../../../shared/domain/billingCycle.js';
import { DEFAULT_POLICY } from '../../../shared/ladder/policy.js';
import { RISK_BANDS } from '../../../shared/risk/model.js';
import { addDays } from '../../../shared/dates.js';
import { BUCKET_SQL, OPEN_AS_OF_SQL } from '../billing/accounts.js';
import type { Db } from '../db/database.js';
import { monthsUpTo } from './months.js';
import { LAST_RUNG_SQL } from './reportQueries.js';

type Dashboard = Output<'dashboard.data'>;
type Bucket = (typeof AGING_BUCKETS)[number];

const TREND_MONTHS = 24;
/** The window the collection rate and DSO look back over. */
const WINDOW_DAYS = 90;
const EXPECTED_DAYS = 30;
/** A client without a risk score yet counts as even odds of paying on time. */
const UNSCORED_LATE_PCT = 50;

/**
 * The day a contract stopped being live: its end date, or for one terminated or cancelled without
 * an end date, the day it changed to that status. (Contracts keep only their current price, so the
 * trend prices every month at today's price.)
 */
const ENDED_SQL = `CASE WHEN c.status IN ('terminated', 'cancelled') THEN coalesce(c.end_date,
    (SELECT substr(max(h.at), 1, 10) FROM contract_status_history h WHERE h.contract_id = c.id AND h.to_status IN ('terminated', 'cancelled')), substr(c.updated_at, 1, 10))
  ELSE c.end_date END`;

/**
 * Open invoices are few (a few percent of a book) and sit in their own partial index (migration
 * 010); without this SQLite may prefer the index of every invoice by currency and walk them all.
 */
const OPEN_INDEX = 'INDEXED BY invoices_open_for_reports';

/** The currencies a book uses, most clients first. */
export function bookCurrencies(db: Db): Dashboard['currencies'] {
  return db.prepare<[], { currency: string; clients: number }>('SELECT currency, count(*) AS clients FROM clients GROUP BY currency ORDER BY clients DESC, currency').all();
}

export function dashboardData(db: Db, asOf: string, today: string, wanted: string | undefined): Dashboard {
  const currencies = bookCurrencies(db);
  const currency = wanted ?? currencies[0]?.currency ?? null;
  const months = monthsUpTo(asOf, TREND_MONTHS);
  if (currency === null) {
    const zero = months.map((m) => ({ month: m.month, amountMinor: 0 }));
    return {
      asOf,
      currency,
      currencies,
      mrrMinor: 0,
      mrrTrend: zero,
      cashByMonth: zero,
      aging: { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 },
      collectionRatePct: null,
      dsoDays: null,
      riskBands: [...RISK_BANDS, 'unscored' as const].map((band) => ({ band, clients: 0 })),
      ladder: [],
      expected: { dueMinor: 0, expectedMinor: 0, weeks: [] },
    };
  }
  const mrrTrend = mrrByMonth(db, currency, months);
  const aging = agingTotals(db, currency, asOf, today);
  const receivable = AGING_BUCKETS.reduce((sum, bucket) => sum + aging[bucket], 0);
  const { collectionRatePct, dsoDays } = collection(db, currency, asOf, today, receivable);
  return {
    asOf,
    currency,
    currencies,
    mrrMinor: mrrTrend.at(-1)!.amountMinor,
    mrrTrend,
    cashByMonth: cashByMonth(db, currency, months),
    aging,
    collectionRatePct,
    dsoDays,
    riskBands: riskBands(db, currency),
    ladder: ladderSteps(db, currency, asOf, today),
    expected: expectedCash(db, currency, asOf),
  };
}

function mrrByMonth(db: Db, currency: string, months: ReturnType<typeof monthsUpTo>): Dashboard['mrrTrend'] {
  // One pass over the currency's fixed-price contracts (grouped by when they lived and their
  // cycle), each month's end checked against their life here: in SQL the join re-evaluated the
  // end of every contract once per month.
  const lives = db
    .prepare<[string], { start_date: string; ended: string | null; cycle: BillingCycle; amount: number }>(
      `SELECT start_date, ended, cycle, sum(price_minor) AS amount FROM (
         SELECT c.start_date, ${ENDED_SQL} AS ended, c.cycle, c.price_minor FROM contracts c WHERE c.currency = ? AND c.pricing_model = 'fixed'
       ) GROUP BY start_date, ended, cycle`,
    )
    .all(currency);
  return months.map((m) => {
    // Normalised per cycle after summing, so each month is rounded once.
    const perCycle = new Map<BillingCycle, number>();
    for (const life of lives) {
      if (life.start_date <= m.end && (life.ended === null || life.ended > m.end)) perCycle.set(life.cycle, (perCycle.get(life.cycle) ?? 0) + life.amount);
    }
    let monthly = 0;
    for (const [cycle, amount] of perCycle) monthly += amount / CYCLE_MONTHS[cycle];
    return { month: m.month, amountMinor: Math.round(monthly) };
  });
}

function cashByMonth(db: Db, currency: string, months: ReturnType<typeof monthsUpTo>): Dashboard['cashByMonth'] {
  const rows = db
    .prepare<{ currency: string; from: string; to: string }, { month: string; amount: number }>(
      `SELECT substr(date, 1, 7) AS month, sum(amount_minor) AS amount FROM payments
       WHERE date BETWEEN @from AND @to AND currency = @currency AND status = 'received' GROUP BY month`,
    )
    .all({ currency, from: months[0]!.first, to: months.at(-1)!.end });
  const byMonth = new Map(rows.map((r) => [r.month, r.amount]));
  return months.map((m) => ({ month: m.month, amountMinor: byMonth.get(m.month) ?? 0 }));
}

/** What was open on the day, by age bucket. As of today from the open-invoice index; earlier, rebuilt. */
export function agingTotals(db: Db, currency: string, asOf: string, today: string): Record<Bucket, number> {
  const current = asOf >= today;
  const open = current ? 'i.open_minor' : OPEN_AS_OF_SQL;
  const filter = current ? '+i.issue_date <= @asOf AND i.open_minor > 0' : 'i.issue_date <= @asOf';
  const rows = db
    .prepare<{ asOf: string; currency: string }, { bucket: Bucket; amount: number }>(
      `SELECT bucket, sum(open) AS amount FROM (
         SELECT ${BUCKET_SQL} AS bucket, ${open} AS open FROM invoices i ${current ? OPEN_INDEX : ''}
         WHERE i.kind = 'invoice' AND i.status = 'issued' AND i.currency = @currency AND ${filter}
       ) WHERE open > 0 GROUP BY bucket`,
    )
    .all({ asOf, currency });
  const buckets: Record<Bucket, number> = { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
  for (const row of rows) buckets[row.bucket] = row.amount;
  return buckets;
}

function collection(db: Db, currency: string, asOf: string, today: string, receivable: number): Pick<Dashboard, 'collectionRatePct' | 'dsoDays'> {
  const since = addDays(asOf, -WINDOW_DAYS);
  const open = asOf >= today ? 'i.open_minor' : OPEN_AS_OF_SQL;
  // Invoices that fell due in the window: how much of them was settled by the day.
  const due = db
    .prepare<{ currency: string; since: string; asOf: string }, { total: number | null; open: number | null }>(
      `SELECT sum(i.total_minor) AS total, sum(${open}) AS open FROM invoices i INDEXED BY invoices_due_for_reports
       WHERE i.currency = @currency AND i.due_date > @since AND i.due_date <= @asOf AND i.kind = 'invoice' AND i.status = 'issued' AND i.issue_date <= @asOf`,
    )
    .get({ currency, since, asOf })!;
  const invoiced = db
    .prepare<{ currency: string; since: string; asOf: string }, number | null>(
      `SELECT sum(total_minor) FROM invoices INDEXED BY invoices_issued_for_reports
       WHERE currency = @currency AND issue_date > @since AND issue_date <= @asOf AND kind = 'invoice' AND status = 'issued'`,
    )
    .pluck()
    .get({ currency, since, asOf });
  const total = due.total ?? 0;
  return {
    collectionRatePct: total > 0 ? round1((100 * (total - (due.open ?? 0))) / total) : null,
    dsoDays: invoiced ? round1((receivable / invoiced) * WINDOW_DAYS) : null,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function riskBands(db: Db, currency: string): Dashboard['riskBands'] {
  const rows = db
    .prepare<[string], { band: string; clients: number }>(
      `SELECT coalesce(r.band, 'unscored') AS band, count(*) AS clients FROM clients c LEFT JOIN risk_scores r ON r.client_id = c.id
       WHERE c.currency = ? AND c.status = 'active' GROUP BY band`,
    )
    .all(currency);
  return [...RISK_BANDS, 'unscored' as const].map((band) => ({ band, clients: rows.find((r) => r.band === band)?.clients ?? 0 }));
}

/** The default ladder's order; steps of other policies follow by name. */
const STEP_ORDER = new Map(DEFAULT_POLICY.steps.map((step, i) => [step.key, i]));

function ladderSteps(db: Db, currency: string, asOf: string, today: string): Dashboard['ladder'] {
  const current = asOf >= today;
  const open = current ? 'i.open_minor' : OPEN_AS_OF_SQL;
  const filter = current ? 'i.open_minor > 0' : 'i.issue_date <= @asOf';
  const rows = db
    .prepare<{ currency: string; asOf: string }, { step: string | null; invoices: number; amount: number }>(
      `SELECT step, count(*) AS invoices, sum(open) AS amount FROM (
         SELECT ${open} AS open,
           ${LAST_RUNG_SQL} AS step
         FROM invoices i ${current ? OPEN_INDEX : ''} WHERE i.kind = 'invoice' AND i.status = 'issued' AND i.currency = @currency AND i.due_date < @asOf AND ${filter}
       ) WHERE open > 0 GROUP BY step`,
    )
    .all({ currency, asOf });
  const rank = (step: string | null) => (step === null ? -1 : (STEP_ORDER.get(step) ?? STEP_ORDER.size));
  return rows
    .sort((a, b) => rank(a.step) - rank(b.step) || String(a.step).localeCompare(String(b.step)))
    .map((r) => ({ stepKey: r.step, invoices: r.invoices, amountMinor: r.amount }));
}

function expectedCash(db: Db, currency: string, asOf: string): Dashboard['expected'] {
  const until = addDays(asOf, EXPECTED_DAYS);
  const rows = db
    .prepare<{ currency: string; asOf: string; until: string }, { due_date: string; due: number; weighted: number }>(
      `SELECT i.due_date, sum(i.open_minor) AS due, sum(i.open_minor * (100 - coalesce(r.score, ${UNSCORED_LATE_PCT}))) AS weighted
       FROM invoices i ${OPEN_INDEX} LEFT JOIN risk_scores r ON r.client_id = i.client_id
       WHERE i.status = 'issued' AND i.open_minor > 0 AND i.kind = 'invoice' AND i.currency = @currency AND i.due_date > @asOf AND i.due_date <= @until
       GROUP BY i.due_date`,
    )
    .all({ currency, asOf, until });
  // Weeks of the window: days 1–7, 8–14, 15–21 and 22–30.
  const weeks = [0, 7, 14, 21].map((start, i) => ({ from: addDays(asOf, start + 1), to: addDays(asOf, i === 3 ? EXPECTED_DAYS : start + 7), due: 0, weighted: 0 }));
  for (const row of rows) {
    const week = weeks.find((w) => row.due_date >= w.from && row.due_date <= w.to)!;
    week.due += row.due;
    week.weighted += row.weighted;
  }
  const shown = weeks.map((w) => ({ from: w.from, to: w.to, dueMinor: w.due, expectedMinor: Math.round(w.weighted / 100) }));
  return {
    dueMinor: shown.reduce((s, w) => s + w.dueMinor, 0),
    expectedMinor: Math.round(weeks.reduce((s, w) => s + w.weighted, 0) / 100),
    weeks: shown,
  };
}
