// Each client's ClientSummary (shared/risk/features.ts) as of one day, computed in SQL, one row per
// client — so one row per client, not two million invoices, crosses into JavaScript. Two ways, the
// same answer; shared/risk's summariseHistory is the definition, and a property test
// (test/unit/core/riskSummaries.property.test.ts) holds both to it on random books:
//   - today (any day on or after the last payment, reversal or credit note on file): each invoice's
//     paid amount and settled day are on the invoice (migration 009), so it is three scans of
//     covering indexes in client order, walked alongside the client list — what the daily refresh
//     and the recompute of every client read;
//   - a past day: each invoice is rebuilt from the allocations and credit notes known on that day
//     (a bounce after it does not count yet), one client at a time.
import { addDays } from '../../../shared/dates.js';
import { dayNumber, emptySummary, MEMORY_DAYS, RECENCY_HALF_LIFE_DAYS, recencyWeight, TIMING_CAP_DAYS, TREND_DAYS, type ClientSummary } from '../../../shared/risk/features.js';
import type { Db } from '../db/database.js';

type Sums = [
  invoices: number,
  averageMinor: number,
  firstIssue: string,
  resolved: number,
  weightSum: number | null,
  lateWeight: number | null,
  timingSum: number | null,
  newestWeight: number | null,
  last: string | null,
  recentResolved: number,
  recentLate: number,
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
 * notes), whether that settled it, and its days after the due date — settled: the day it was
 * settled (negative when early); unpaid past due: days since the due date; open and not yet due:
 * NULL (its outcome is not known). Late is more than 0 days after; timing caps it at ±@cap.
 * Each level ends in LIMIT -1 so SQLite runs it as a co-routine rather than flattening it into the
 * next: flattened, the payment lookup would run once for every place its result is used.
 */
const INVOICES_ON = `
  WITH credited AS MATERIALIZED (
    SELECT credited_invoice_id AS invoice_id, sum(total_minor) AS paid, max(issue_date) AS last FROM invoices
    WHERE credited_invoice_id IS NOT NULL AND kind = 'credit_note' AND status = 'issued' AND issue_date <= @d GROUP BY credited_invoice_id
  )
  SELECT *, days_after_due > 0 AS late, max(-@cap, min(@cap, days_after_due)) AS timing, exp((-age * @ln2) / @halfLife) AS w FROM (
    SELECT client_id, issue_date, total_minor, disputed, paid, paid >= total_minor AS settled,
      julianday(@d) - julianday(issue_date) AS age,
      julianday(@d) - julianday(due_date) AS since_due,
      CASE WHEN paid >= total_minor THEN julianday(last) - julianday(due_date)
           WHEN due_date < @d THEN julianday(@d) - julianday(due_date) END AS days_after_due
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
  SELECT client.id, (SELECT json_array(count(*), avg(total_minor), min(issue_date), count(days_after_due),
    sum(CASE WHEN days_after_due IS NOT NULL THEN w END), sum(CASE WHEN days_after_due IS NOT NULL THEN w * late END), sum(CASE WHEN days_after_due IS NOT NULL THEN timing END),
    max(CASE WHEN days_after_due IS NOT NULL THEN w END),
    max(CASE WHEN days_after_due IS NOT NULL THEN issue_date || late END),
    sum(CASE WHEN days_after_due IS NOT NULL AND age <= @trend THEN 1 ELSE 0 END), sum(CASE WHEN days_after_due IS NOT NULL AND age <= @trend THEN late ELSE 0 END),
    sum(CASE WHEN days_after_due IS NOT NULL AND since_due <= @memory THEN 1 ELSE 0 END), sum(CASE WHEN days_after_due IS NOT NULL AND since_due <= @memory THEN late ELSE 0 END),
    max(CASE WHEN days_after_due IS NOT NULL AND NOT settled THEN days_after_due END),
    sum(CASE WHEN days_after_due IS NOT NULL AND NOT settled THEN 1 ELSE 0 END),
    sum(CASE WHEN days_after_due IS NOT NULL AND NOT settled THEN total_minor - paid ELSE 0 END),
    sum(CASE WHEN days_after_due IS NOT NULL AND NOT settled AND paid > 0 THEN 1 ELSE 0 END),
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

// Today's sums, in three scans by client, each over its own index (migrations 009 and 013): the
// invoices paid on time, those paid late, and those not paid yet. Every expression is spelled out
// in the aggregate that uses it: SQLite would evaluate a named column of a subquery again at every
// use anyway, and each scan adds up only what its invoices have. The day numbers are written
// exactly as the indexes keep them (julianday(issue_date), julianday(settled_on) -
// julianday(due_date), julianday(due_date)), so SQLite can take them from the index rather than
// parse dates for every invoice (about an eighth off the on-time scan, measured on 1.6M rows).
const WEIGHT = 'exp((julianday(issue_date) - @today) * @decay)';
const ISSUED = "kind = 'invoice' AND status = 'issued' AND total_minor > 0 AND issue_date <= @d";
const settledScan = (which: string, timing: string) => `SELECT client_id, count(*), sum(total_minor), min(issue_date), sum(${WEIGHT}), sum(${timing}),
    max(issue_date), sum(issue_date >= @recentFrom), sum(due_date >= @yearFrom), sum(disputed)
  FROM invoices WHERE ${ISSUED} AND ${which} /*client*/ GROUP BY client_id ORDER BY client_id`;
const ON_TIME = settledScan('settled_on <= due_date', 'max(-@cap, julianday(settled_on) - julianday(due_date))');
const LATE = settledScan('settled_on > due_date', 'min(@cap, julianday(settled_on) - julianday(due_date))');
/** Unsettled and past due on @d: resolved, late, its timing the days past due (at most @cap). */
const PAST_DUE = 'due_date < @d';
const UNSETTLED = `SELECT client_id, count(*), sum(total_minor), min(issue_date),
    sum(${PAST_DUE}), sum(CASE WHEN ${PAST_DUE} THEN ${WEIGHT} ELSE 0 END), sum(CASE WHEN ${PAST_DUE} THEN min(@cap, @today - julianday(due_date)) ELSE 0 END),
    max(CASE WHEN ${PAST_DUE} THEN issue_date END), sum(${PAST_DUE} AND issue_date >= @recentFrom), sum(${PAST_DUE} AND due_date >= @yearFrom),
    min(CASE WHEN ${PAST_DUE} THEN due_date END), sum(CASE WHEN ${PAST_DUE} THEN total_minor - paid_minor ELSE 0 END), sum(${PAST_DUE} AND paid_minor > 0)
  FROM invoices WHERE ${ISSUED} AND settled_on IS NULL /*client*/ GROUP BY client_id ORDER BY client_id`;

type SettledRow = [id: string, count: number, total: number, first: string, w: number, timing: number, newest: string, recent: number, year: number, disputes: number];
type UnsettledRow = [id: string, count: number, total: number, first: string, pastDue: number, w: number, timing: number, newest: string | null, recent: number, year: number, oldestDue: string | null, owed: number, partial: number];

type Only = (sql: string, column: string) => string;

/** A client's running totals while its rows are added: all its invoices' total (for the average), and its newest resolved invoice. */
interface Running {
  total: number;
  newestIssue: string;
  newestLate: number;
}

/** The latest issue day of a resolved invoice wins; on a tie, a late one (as max(issue_date || late) does). */
function seeNewest(r: Running, issueDate: string | null, late: number): void {
  if (issueDate !== null && (issueDate > r.newestIssue || (issueDate === r.newestIssue && late > r.newestLate))) [r.newestIssue, r.newestLate] = [issueDate, late];
}

function addSettled(s: ClientSummary, r: Running, row: SettledRow, late: 0 | 1): void {
  const [, count, total, first, w, timing, last, recent, year, disputes] = row;
  s.invoices += count;
  r.total += total;
  if (s.firstIssue === null || first < s.firstIssue) s.firstIssue = first;
  seeNewest(r, last, late);
  s.resolved += count;
  s.weightSum += w;
  s.lateWeight += late * w;
  s.timingSum += timing;
  s.recentResolved += recent;
  s.recentLate += late * recent;
  s.yearResolved += year;
  s.yearLate += late * year;
  s.disputes += disputes;
}

function addUnsettled(s: ClientSummary, r: Running, row: UnsettledRow, today: number): void {
  const [, count, total, first, pastDue, w, timing, last, recent, year, oldestDue, owed, partial] = row;
  s.invoices += count;
  r.total += total;
  if (s.firstIssue === null || first < s.firstIssue) s.firstIssue = first;
  seeNewest(r, last, 1);
  s.resolved += pastDue;
  s.weightSum += w;
  s.lateWeight += w;
  s.timingSum += timing;
  s.recentResolved += recent;
  s.recentLate += recent;
  s.yearResolved += year;
  s.yearLate += year;
  s.pastDueDays = oldestDue === null ? 0 : today - dayNumber(oldestDue);
  s.pastDueCount = pastDue;
  s.pastDueMinor = owed;
  s.partial = partial;
}

/**
 * Today's way: the three scans, each in client id order, walked alongside `ids` (in the same order)
 * — each client's summary is complete when its turn comes, handed on and not kept.
 */
function walkSettledOn(db: Db, asOf: string, only: Only, clientId: string | undefined, ids: readonly string[], visit: (id: string, s: ClientSummary) => void): void {
  const today = dayNumber(asOf);
  const args = {
    d: asOf,
    today: today + 2440587.5, // julianday() of asOf
    decay: Math.LN2 / RECENCY_HALF_LIFE_DAYS,
    cap: TIMING_CAP_DAYS,
    recentFrom: addDays(asOf, -TREND_DAYS),
    yearFrom: addDays(asOf, -MEMORY_DAYS),
    ...(clientId === undefined ? {} : { clientId }),
  };
  const rows = <T>(sql: string) => db.prepare(only(sql, 'client_id')).raw().all(args) as T[];
  const [onTime, late, unsettled] = [rows<SettledRow>(ON_TIME), rows<SettledRow>(LATE), rows<UnsettledRow>(UNSETTLED)];
  let [a, b, c] = [0, 0, 0];
  for (const id of ids) {
    const s = emptySummary(asOf);
    const r: Running = { total: 0, newestIssue: '', newestLate: 0 };
    if (onTime[a]?.[0] === id) addSettled(s, r, onTime[a++], 0);
    if (late[b]?.[0] === id) addSettled(s, r, late[b++], 1);
    if (unsettled[c]?.[0] === id) addUnsettled(s, r, unsettled[c++], today);
    if (s.invoices > 0) s.averageMinor = r.total / s.invoices;
    if (r.newestIssue !== '') {
      s.newestWeight = recencyWeight(today - dayNumber(r.newestIssue));
      s.lastLate = r.newestLate;
    }
    visit(id, s);
  }
  // Every invoice belongs to a client (a foreign key) and both sides are in SQLite's order of ids,
  // so a row left over means the orders differ: better to stop than to give clients others' sums.
  if (a < onTime.length || b < late.length || c < unsettled.length) throw new Error('The invoice scans and the client list are not in the same order of client ids.');
}

/** A past day's way: one JSON row per client from the allocations known that day; clients with nothing issued by then are left out. */
function summariesFromAllocations(db: Db, asOf: string, only: Only, clientId: string | undefined): Map<string, ClientSummary> {
  const args = { d: asOf, ln2: Math.LN2, halfLife: RECENCY_HALF_LIFE_DAYS, trend: TREND_DAYS, memory: MEMORY_DAYS, cap: TIMING_CAP_DAYS, ...(clientId === undefined ? {} : { clientId }) };
  const summaries = new Map<string, ClientSummary>();
  for (const [id, json] of db.prepare(only(PAST_SUMMARY, 'client.id')).raw().iterate(args) as IterableIterator<[string, string]>) {
    const r = JSON.parse(json) as Sums;
    if (r[0] === 0) continue; // nothing issued by that day
    const s = emptySummary(asOf);
    s.invoices = r[0];
    s.averageMinor = r[1];
    s.firstIssue = r[2];
    s.resolved = r[3];
    s.weightSum = r[4] ?? 0;
    s.lateWeight = r[5] ?? 0;
    s.timingSum = r[6] ?? 0;
    s.newestWeight = r[7] ?? 0;
    s.lastLate = r[8] !== null && r[8].endsWith('1') ? 1 : 0;
    s.recentResolved = r[9];
    s.recentLate = r[10];
    s.yearResolved = r[11];
    s.yearLate = r[12];
    s.pastDueDays = r[13] ?? 0;
    s.pastDueCount = r[14];
    s.pastDueMinor = r[15];
    s.partial = r[16];
    s.disputes = r[17];
    summaries.set(id, s);
  }
  return summaries;
}

type Arrangements = Pick<ClientSummary, 'bounced' | 'lastBounced' | 'brokenPromises' | 'lastBrokenPromise' | 'brokenPlans' | 'lastBrokenPlan'>;

/** Bounces, broken promises and broken plans of the year before asOf, of the clients that have any. */
function arrangementsOf(db: Db, asOf: string, only: Only, clientId: string | undefined): Map<string, Partial<Arrangements>> {
  const args = { d: asOf, memory: MEMORY_DAYS, ...(clientId === undefined ? {} : { clientId }) };
  const found = new Map<string, Partial<Arrangements>>();
  for (const [name, sql] of Object.entries(ARRANGEMENTS)) {
    for (const [id, count, last] of db.prepare(only(counted(sql), 'client_id')).raw().iterate(args) as IterableIterator<[string, number, string]>) {
      const a = found.get(id) ?? found.set(id, {}).get(id)!;
      if (name === 'bounced') [a.bounced, a.lastBounced] = [count, last];
      else if (name === 'brokenPromises') [a.brokenPromises, a.lastBrokenPromise] = [count, last];
      else [a.brokenPlans, a.lastBrokenPlan] = [count, last];
    }
  }
  return found;
}

/** Walks `ids` (in SQLite's order of client ids), handing each its summary as of `asOf`. */
function walk(db: Db, asOf: string, clientId: string | undefined, ids: readonly string[], visit: (id: string, s: ClientSummary) => void): void {
  const only: Only = (sql, column) => sql.replace('/*client*/', clientId === undefined ? '' : `AND ${column} = @clientId`);
  const arrangements = arrangementsOf(db, asOf, only, clientId);
  const withArrangements = (id: string, s: ClientSummary) => visit(id, Object.assign(s, arrangements.get(id)));
  if (readsSettledOn(db, asOf)) walkSettledOn(db, asOf, only, clientId, ids, withArrangements);
  else {
    const summaries = summariesFromAllocations(db, asOf, only, clientId);
    for (const id of ids) withArrangements(id, summaries.get(id) ?? emptySummary(asOf));
  }
}

/** One client's summary as of `asOf` (emptySummary when nothing is on file). */
export function clientSummary(db: Db, asOf: string, clientId: string): ClientSummary {
  let summary = emptySummary(asOf);
  walk(db, asOf, clientId, [clientId], (_, s) => (summary = s));
  return summary;
}

/**
 * Every client's summary as of `asOf`, handed to `visit` one client at a time in order of id and
 * not kept: a rescore of 100,000 clients holds one summary at a time, not all of them.
 */
export function forEachClientSummary(db: Db, asOf: string, visit: (id: string, s: ClientSummary) => void): void {
  // ORDER BY id walks the primary key index: the order GROUP BY client_id gives the scans.
  walk(db, asOf, undefined, db.prepare<[], string>('SELECT id FROM clients ORDER BY id').pluck().all(), visit);
}
