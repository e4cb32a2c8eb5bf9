// Each client's ClientSummary (shared/risk/features.ts) as of one day, computed in SQL, one row per
// client — so one row per client, not two million invoices, crosses into JavaScript. Two ways, the
// same answer; shared/risk's summariseHistory is the definition, and a property test
// (test/unit/core/riskSummaries.property.test.ts) holds both to it on random books:
//   - today (any day on or after the last payment, reversal or credit note on file): each invoice's
//     paid amount and settled day are on the invoice (migration 009), so it is one scan of two
//     indexes in client order — what the daily refresh and the recompute of every client read;
//   - a past day: each invoice is rebuilt from the allocations and credit notes known on that day
//     (a bounce after it does not count yet), one client at a time.
import { addDays } from '../../../shared/dates.js';
import { dayNumber, emptySummary, MEMORY_DAYS, RECENCY_HALF_LIFE_DAYS, recencyWeight, TREND_DAYS, type ClientSummary } from '../../../shared/risk/features.js';
import type { Db } from '../db/database.js';

type Sums = [
  invoices: number,
  averageMinor: number,
  firstIssue: string,
  resolved: number,
  weightSum: number | null,
  lateWeight: number | null,
  daysWeight: number | null,
  newestWeight: number | null,
  last: string | null,
  recentResolved: number,
  recentLate: number,
  earlierResolved: number,
  earlierLate: number,
  yearResolved: number,
  yearLate: number,
  pastDueDays: number | null,
  pastDueCount: number,
  pastDueMinor: number,
  partial: number,
  disputes: number,
];

/**
 * Per invoice issued by @d: what was paid on it by @d (payments not reversed by then, and credit
 * notes), whether that settled it, and its days late — settled: after the due date, at least 0;
 * unpaid past due: days since the due date; open and not yet due: NULL (its outcome is not known).
 * Each level ends in LIMIT -1 so SQLite runs it as a co-routine rather than flattening it into the
 * next: flattened, the payment lookup would run once for every place its result is used.
 */
const INVOICES_ON = `
  WITH credited AS MATERIALIZED (
    SELECT credited_invoice_id AS invoice_id, sum(total_minor) AS paid, max(issue_date) AS last FROM invoices
    WHERE credited_invoice_id IS NOT NULL AND kind = 'credit_note' AND status = 'issued' AND issue_date <= @d GROUP BY credited_invoice_id
  )
  SELECT *, days_late > 0 AS late, exp((-age * @ln2) / @halfLife) AS w FROM (
    SELECT client_id, issue_date, total_minor, disputed, paid, paid >= total_minor AS settled,
      julianday(@d) - julianday(issue_date) AS age,
      julianday(@d) - julianday(due_date) AS since_due,
      CASE WHEN paid >= total_minor THEN max(0, julianday(last) - julianday(due_date))
           WHEN due_date < @d THEN julianday(@d) - julianday(due_date) END AS days_late
    FROM (
      SELECT client_id, issue_date, due_date, total_minor, disputed,
        coalesce(CAST(substr(allocated, 12) AS INTEGER), 0) + coalesce(credited, 0) AS paid,
        max(coalesce(substr(allocated, 1, 10), ''), coalesce(credited_on, '')) AS last
      FROM (
        SELECT i.client_id, i.issue_date, i.due_date, i.total_minor, i.disputed,
          -- One search of allocations_by_invoice per invoice, both answers in one value: "last date:sum".
          (SELECT max(date) || ':' || sum(amount_minor) FROM allocations a
           WHERE a.invoice_id = i.id AND a.date <= @d AND (a.reversed_date IS NULL OR a.reversed_date > @d)) AS allocated,
          cn.paid AS credited, cn.last AS credited_on
        FROM invoices i LEFT JOIN credited cn ON cn.invoice_id = i.id
        WHERE i.client_id = client.id AND i.kind = 'invoice' AND i.status = 'issued' AND i.total_minor > 0 AND i.issue_date <= @d
        LIMIT -1
      ) LIMIT -1
    ) LIMIT -1
  )`;

/**
 * The same sums as summariseHistory, in the same terms (keep the two in step), per client: a
 * correlated subquery over one client's invoices at a time is cheaper than one GROUP BY over the
 * whole book, which would sort two million wide rows.
 */
const PAST_SUMMARY = `
  SELECT client.id, (SELECT json_array(count(*), avg(total_minor), min(issue_date), count(days_late),
    sum(CASE WHEN days_late IS NOT NULL THEN w END), sum(CASE WHEN days_late IS NOT NULL THEN w * late END), sum(CASE WHEN days_late IS NOT NULL THEN w * days_late END),
    max(CASE WHEN days_late IS NOT NULL THEN w END),
    max(CASE WHEN days_late IS NOT NULL THEN issue_date || late END),
    sum(CASE WHEN days_late IS NOT NULL AND age <= @trend THEN 1 ELSE 0 END), sum(CASE WHEN days_late IS NOT NULL AND age <= @trend THEN late ELSE 0 END),
    sum(CASE WHEN days_late IS NOT NULL AND age > @trend THEN 1 ELSE 0 END), sum(CASE WHEN days_late IS NOT NULL AND age > @trend THEN late ELSE 0 END),
    sum(CASE WHEN days_late IS NOT NULL AND since_due <= @memory THEN 1 ELSE 0 END), sum(CASE WHEN days_late IS NOT NULL AND since_due <= @memory THEN late ELSE 0 END),
    max(CASE WHEN days_late IS NOT NULL AND NOT settled THEN days_late END),
    sum(CASE WHEN days_late IS NOT NULL AND NOT settled THEN 1 ELSE 0 END),
    sum(CASE WHEN days_late IS NOT NULL AND NOT settled THEN total_minor - paid ELSE 0 END),
    sum(CASE WHEN days_late IS NOT NULL AND NOT settled AND paid > 0 THEN 1 ELSE 0 END),
    sum(CASE WHEN settled AND disputed = 1 THEN 1 ELSE 0 END))
    FROM (${INVOICES_ON}))
  FROM clients client WHERE EXISTS (SELECT 1 FROM invoices WHERE client_id = client.id) /*client*/`;

/** Bounced payments, broken promises and broken plans of the year before @d, by client. */
const ARRANGEMENTS = {
  bounced: "SELECT client_id, coalesce(bounced_date, date) AS day FROM payments WHERE status = 'bounced'",
  brokenPromises: "SELECT client_id, coalesce(resolved_date, promised_date) AS day FROM promises WHERE status = 'broken'",
  brokenPlans: "SELECT client_id, coalesce(closed_date, created_date) AS day FROM payment_plans WHERE status = 'broken'",
};
const counted = (sql: string) => `SELECT client_id, count(*), max(day) FROM (${sql}) WHERE day <= @d AND julianday(@d) - julianday(day) <= @memory /*client*/ GROUP BY client_id`;

/**
 * The latest day anything paid, reversed or credited an invoice: from that day on, what migration
 * 009 keeps on each invoice is what was known on the day. Three index look-ups.
 */
const LAST_SETTLEMENT_CHANGE = `SELECT max(
  coalesce((SELECT max(date) FROM allocations), ''),
  coalesce((SELECT max(reversed_date) FROM allocations WHERE reversed_date IS NOT NULL), ''),
  coalesce((SELECT max(issue_date) FROM invoices WHERE kind = 'credit_note' AND status = 'issued' AND credited_invoice_id IS NOT NULL), ''))`;

/** The day of the latest payment, reversal or credit note ('' when there is none). */
export function lastSettlementChange(db: Db): string {
  return db.prepare<[], string>(LAST_SETTLEMENT_CHANGE).pluck().get()!;
}

/** Whether a summary as of `asOf` may read the settled day kept on each invoice (see the header). */
export function readsSettledOn(db: Db, asOf: string): boolean {
  return asOf >= lastSettlementChange(db);
}

// Today's sums, in three scans by client, each over its own index (migration 009): the invoices
// paid on time, those paid late, and those not paid yet. Every expression is spelled out in the
// aggregate that uses it: SQLite would evaluate a named column of a subquery again at every use
// anyway, and each scan adds up only what its invoices have (days late only where there are any).
const WEIGHT = 'exp((julianday(issue_date) - @today) * @decay)';
const ISSUED = "kind = 'invoice' AND status = 'issued' AND total_minor > 0 AND issue_date <= @d";
const settledScan = (which: string, daysLate: string) => `SELECT client_id, count(*), sum(total_minor), min(issue_date), sum(${WEIGHT}), ${daysLate},
    max(issue_date), sum(issue_date >= @recentFrom), sum(due_date >= @yearFrom), sum(disputed)
  FROM invoices WHERE ${ISSUED} AND ${which} /*client*/ GROUP BY client_id`;
const ON_TIME = settledScan('settled_on <= due_date', '0');
const LATE = settledScan('settled_on > due_date', `sum(${WEIGHT} * (julianday(settled_on) - julianday(due_date)))`);
/** Unsettled and past due on @d: resolved, late, and as many days late as days past due. */
const PAST_DUE = 'due_date < @d';
const UNSETTLED = `SELECT client_id, count(*), sum(total_minor), min(issue_date),
    sum(${PAST_DUE}), sum(CASE WHEN ${PAST_DUE} THEN ${WEIGHT} ELSE 0 END), sum(CASE WHEN ${PAST_DUE} THEN ${WEIGHT} * (@today - julianday(due_date)) ELSE 0 END),
    max(CASE WHEN ${PAST_DUE} THEN issue_date END), sum(${PAST_DUE} AND issue_date >= @recentFrom), sum(${PAST_DUE} AND due_date >= @yearFrom),
    min(CASE WHEN ${PAST_DUE} THEN due_date END), sum(CASE WHEN ${PAST_DUE} THEN total_minor - paid_minor ELSE 0 END), sum(${PAST_DUE} AND paid_minor > 0)
  FROM invoices WHERE ${ISSUED} AND settled_on IS NULL /*client*/ GROUP BY client_id`;

type SettledRow = [id: string, count: number, total: number, first: string, w: number, wDays: number, newest: string, recent: number, year: number, disputes: number];
type UnsettledRow = [id: string, count: number, total: number, first: string, pastDue: number, w: number, wDays: number, newest: string | null, recent: number, year: number, oldestDue: string | null, owed: number, partial: number];

type Only = (sql: string, column: string) => string;

function summariesFromSettledOn(db: Db, asOf: string, only: Only, clientId: string | undefined, of: (id: string) => ClientSummary): void {
  const today = dayNumber(asOf);
  const args = {
    d: asOf,
    today: today + 2440587.5, // julianday() of asOf
    decay: Math.LN2 / RECENCY_HALF_LIFE_DAYS,
    recentFrom: addDays(asOf, -TREND_DAYS),
    yearFrom: addDays(asOf, -MEMORY_DAYS),
    ...(clientId === undefined ? {} : { clientId }),
  };
  const totals = new Map<string, number>();
  // The latest issue day of a resolved invoice, followed by 1 if that one was late (late wins a tie).
  const newest = new Map<string, string>();
  const seeNewest = (id: string, issueDate: string | null, late: number) => {
    if (issueDate !== null && `${issueDate}${late}` > (newest.get(id) ?? '')) newest.set(id, `${issueDate}${late}`);
  };
  const add = (r: { id: string; count: number; total: number; first: string }) => {
    const s = of(r.id);
    s.invoices += r.count;
    totals.set(r.id, (totals.get(r.id) ?? 0) + r.total);
    if (s.firstIssue === null || r.first < s.firstIssue) s.firstIssue = r.first;
    return s;
  };
  for (const [late, sql] of [[0, ON_TIME], [1, LATE]] as const) {
    for (const [id, count, total, first, w, wDays, last, recent, year, disputes] of db.prepare(only(sql, 'client_id')).raw().iterate(args) as IterableIterator<SettledRow>) {
      const s = add({ id, count, total, first });
      s.resolved += count;
      s.weightSum += w;
      s.lateWeight += late * w;
      s.daysWeight += wDays;
      seeNewest(id, last, late);
      s.recentResolved += recent;
      s.recentLate += late * recent;
      s.earlierResolved += count - recent;
      s.earlierLate += late * (count - recent);
      s.yearResolved += year;
      s.yearLate += late * year;
      s.disputes += disputes;
    }
  }
  for (const [id, count, total, first, pastDue, w, wDays, last, recent, year, oldestDue, owed, partial] of db.prepare(only(UNSETTLED, 'client_id')).raw().iterate(args) as IterableIterator<UnsettledRow>) {
    const s = add({ id, count, total, first });
    s.resolved += pastDue;
    s.weightSum += w;
    s.lateWeight += w;
    s.daysWeight += wDays;
    seeNewest(id, last, 1);
    s.recentResolved += recent;
    s.recentLate += recent;
    s.earlierResolved += pastDue - recent;
    s.earlierLate += pastDue - recent;
    s.yearResolved += year;
    s.yearLate += year;
    s.pastDueDays = oldestDue === null ? 0 : today - dayNumber(oldestDue);
    s.pastDueCount = pastDue;
    s.pastDueMinor = owed;
    s.partial = partial;
  }
  for (const [id, total] of totals) {
    const s = of(id);
    s.averageMinor = total / s.invoices;
    const last = newest.get(id);
    if (last === undefined) continue; // nothing resolved yet
    s.newestWeight = recencyWeight(today - dayNumber(last.slice(0, 10)));
    s.lastLate = last.endsWith('1') ? 1 : 0;
  }
}

function summariesFromAllocations(db: Db, asOf: string, only: Only, clientId: string | undefined, of: (id: string) => ClientSummary): void {
  const args = { d: asOf, ln2: Math.LN2, halfLife: RECENCY_HALF_LIFE_DAYS, trend: TREND_DAYS, memory: MEMORY_DAYS, ...(clientId === undefined ? {} : { clientId }) };
  for (const [id, json] of db.prepare(only(PAST_SUMMARY, 'client.id')).raw().iterate(args) as IterableIterator<[string, string]>) {
    const r = JSON.parse(json) as Sums;
    if (r[0] === 0) continue; // nothing issued by that day
    const s = of(id);
    s.invoices = r[0];
    s.averageMinor = r[1];
    s.firstIssue = r[2];
    s.resolved = r[3];
    s.weightSum = r[4] ?? 0;
    s.lateWeight = r[5] ?? 0;
    s.daysWeight = r[6] ?? 0;
    s.newestWeight = r[7] ?? 0;
    s.lastLate = r[8] !== null && r[8].endsWith('1') ? 1 : 0;
    s.recentResolved = r[9];
    s.recentLate = r[10];
    s.earlierResolved = r[11];
    s.earlierLate = r[12];
    s.yearResolved = r[13];
    s.yearLate = r[14];
    s.pastDueDays = r[15] ?? 0;
    s.pastDueCount = r[16];
    s.pastDueMinor = r[17];
    s.partial = r[18];
    s.disputes = r[19];
  }
}

/**
 * Summaries as of `asOf` of one client or of every client with anything on file (clients with
 * nothing are left out: their summary is emptySummary).
 */
export function clientSummaries(db: Db, asOf: string, clientId?: string): Map<string, ClientSummary> {
  const only: Only = (sql, column) => sql.replace('/*client*/', clientId === undefined ? '' : `AND ${column} = @clientId`);
  const summaries = new Map<string, ClientSummary>();
  const of = (id: string) => summaries.get(id) ?? summaries.set(id, emptySummary(asOf)).get(id)!;
  if (readsSettledOn(db, asOf)) summariesFromSettledOn(db, asOf, only, clientId, of);
  else summariesFromAllocations(db, asOf, only, clientId, of);
  const arrangementArgs = { d: asOf, memory: MEMORY_DAYS, ...(clientId === undefined ? {} : { clientId }) };
  for (const [name, sql] of Object.entries(ARRANGEMENTS)) {
    for (const [id, count, last] of db.prepare(only(counted(sql), 'client_id')).raw().iterate(arrangementArgs) as IterableIterator<[string, number, string]>) {
      const s = of(id);
      if (name === 'bounced') [s.bounced, s.lastBounced] = [count, last];
      else if (name === 'brokenPromises') [s.brokenPromises, s.lastBrokenPromise] = [count, last];
      else [s.brokenPlans, s.lastBrokenPlan] = [count, last];
    }
  }
  return summaries;
}
