// The recompute's SQL (electron/core/risk/clientSummaries.ts) against the definition in shared/risk
// (summariseHistory): on random books — payments, partial payments, bounces that reverse them, credit
// notes, disputes, broken promises and plans, invoices the score must not read — and random scoring
// days before, inside and after the history, both give the same summary, factors and score — read
// from the allocations known on the day, or, on a day after every payment, reversal and credit note
// (today), from the paid amount and settled day the triggers of migration 009 keep. And the
// definition itself is leak-free: cutting everything after the scoring day off changes nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientSummary, forEachClientSummary, lastSettlementChange, readsSettledOn } from '../../../electron/core/risk/clientSummaries.js';
import { addDays } from '../../../shared/dates.js';
import { factorsOf, summariseHistory, type ClientSummary } from '../../../shared/risk/features.js';
import type { PastInvoice, PaymentHistory } from '../../../shared/risk/history.js';
import { scoreSummary } from '../../../shared/risk/model.js';
import { openTestBook, type TestBook } from '../../fixtures/book.js';

const START = '2025-01-01';
/** Each run's book starts 1,500 days after the one before, so its last payment is the book's last and the days after it read the settled days. */
let origin = START;
const day = (offset: number) => addDays(origin, offset);

interface GeneratedPayment {
  at: number;
  /** Share of the invoice's total, in percent (over 100 overpays it). */
  percent: number;
  /** Days after which it bounced, or null. */
  bouncedAfter: number | null;
  /** A credit note instead of a payment. */
  credit: boolean;
}
interface GeneratedInvoice {
  issue: number;
  dueIn: number;
  total: number;
  disputed: boolean;
  payments: GeneratedPayment[];
}
interface GeneratedClient {
  invoices: GeneratedInvoice[];
  bounced: number[];
  promises: number[];
  plans: number[];
  /** Rows the score must not read: a void invoice, a draft, a proforma. */
  noise: boolean;
}

const payment = fc.record({
  at: fc.integer({ min: -5, max: 200 }),
  percent: fc.oneof(fc.constant(100), fc.integer({ min: 1, max: 120 })),
  bouncedAfter: fc.option(fc.integer({ min: 0, max: 40 }), { freq: 4 }),
  credit: fc.boolean(),
});
const invoice = fc.record({
  issue: fc.integer({ min: 0, max: 500 }),
  dueIn: fc.integer({ min: 0, max: 45 }),
  total: fc.integer({ min: 1, max: 50_000 }),
  disputed: fc.boolean(),
  payments: fc.array(payment, { maxLength: 3 }),
});
const dates = fc.array(fc.integer({ min: 0, max: 700 }), { maxLength: 3 });
const client = fc.record({ invoices: fc.array(invoice, { maxLength: 10 }), bounced: dates, promises: dates, plans: dates, noise: fc.boolean() });
const book = fc.record({ clients: fc.array(client, { minLength: 1, maxLength: 4 }), scoringDays: fc.array(fc.integer({ min: -20, max: 800 }), { minLength: 1, maxLength: 4 }) });

/** The client's history as shared/risk reads it (everything on file; the score cuts it). */
function historyOf(c: GeneratedClient, asOf: string): PaymentHistory {
  const invoices: PastInvoice[] = c.invoices.map((inv) => ({
    issueDate: day(inv.issue),
    dueDate: day(inv.issue + inv.dueIn),
    totalMinor: inv.total,
    disputed: inv.disputed,
    payments: inv.payments.map((p) => ({
      date: day(inv.issue + p.at),
      amountMinor: Math.max(1, Math.round((inv.total * p.percent) / 100)),
      reversedDate: p.credit || p.bouncedAfter === null ? null : day(inv.issue + p.at + p.bouncedAfter),
    })),
  }));
  return { asOf, invoices, bouncedDates: c.bounced.map(day), brokenPromiseDates: c.promises.map(day), brokenPlanDates: c.plans.map(day), newInvoiceMinor: null };
}

let testBook: TestBook;
let run = 0;
beforeAll(async () => {
  testBook = await openTestBook();
  // Only the rows the score reads, written directly: the ledger's other tables play no part here.
  testBook.backend.db.pragma('foreign_keys = OFF');
});
afterAll(() => testBook.close());

function write(clients: GeneratedClient[]): string[] {
  const db = testBook.backend.db;
  run += 1;
  origin = addDays(START, run * 1500);
  const at = '2026-01-01T00:00:00.000Z';
  const insertClient = db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES (?, ?, ?, 'en', 'USD', '[]', '[]', ?, ?)");
  const insertInvoice = db.prepare(
    `INSERT INTO invoices (id, client_id, kind, status, issue_date, due_date, currency, tax_mode, net_minor, total_minor, open_minor, source, external_number, credited_invoice_id, version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, 'USD', 'exclusive', ?, ?, 0, 'import', ?, ?, 2, ?, ?)`,
  );
  const insertAllocation = db.prepare("INSERT INTO allocations (payment_id, invoice_id, amount_minor, date, reversed_date) VALUES ('pm_x', ?, ?, ?, ?)");
  const insertBounce = db.prepare("INSERT INTO payments (id, client_id, date, amount_minor, currency, method, status, bounced_date, created_at) VALUES (?, ?, ?, 100, 'USD', 'other', 'bounced', ?, ?)");
  const insertPromise = db.prepare("INSERT INTO promises (id, client_id, made_date, promised_date, amount_minor, currency, status, resolved_date) VALUES (?, ?, ?, ?, 100, 'USD', 'broken', ?)");
  const insertPlan = db.prepare("INSERT INTO payment_plans (id, client_id, created_date, total_minor, currency, status, closed_date) VALUES (?, ?, ?, 100, 'USD', 'broken', ?)");
  const ids: string[] = [];
  let n = 0;
  const next = (prefix: string) => `${prefix}_r${run}n${(n += 1)}`;
  db.transaction(() => {
    clients.forEach((c, ci) => {
      const id = `cl_r${run}c${ci}`;
      ids.push(id);
      insertClient.run(id, id, id, at, at);
      const history = historyOf(c, START);
      history.invoices.forEach((inv, ii) => {
        const invoiceId = next('in');
        insertInvoice.run(invoiceId, id, 'invoice', 'issued', inv.issueDate, inv.dueDate, inv.totalMinor, inv.totalMinor, next('X'), null, at, at);
        if (c.invoices[ii].disputed) db.prepare('UPDATE invoices SET disputed = 1 WHERE id = ?').run(invoiceId);
        inv.payments.forEach((p, pi) => {
          if (c.invoices[ii].payments[pi].credit) insertInvoice.run(next('cn'), id, 'credit_note', 'issued', p.date, p.date, p.amountMinor, p.amountMinor, next('X'), invoiceId, at, at);
          else insertAllocation.run(invoiceId, p.amountMinor, p.date, p.reversedDate);
        });
      });
      if (c.noise && history.invoices.length > 0) {
        const first = history.invoices[0];
        insertInvoice.run(next('in'), id, 'invoice', 'void', first.issueDate, first.dueDate, 999, 999, next('X'), null, at, at);
        insertInvoice.run(next('in'), id, 'proforma', 'issued', first.issueDate, first.dueDate, 999, 999, next('X'), null, at, at);
      }
      for (const d of history.bouncedDates) insertBounce.run(next('pm'), id, addDays(d, -3), d, at);
      for (const d of history.brokenPromiseDates) insertPromise.run(next('pr'), id, addDays(d, -10), addDays(d, -1), d);
      for (const d of history.brokenPlanDates) insertPlan.run(next('pl'), id, addDays(d, -30), d);
    });
  })();
  return ids;
}

/** Equal up to the last bits of a sum taken in another order (SQL adds in its own order). */
function expectSameSummary(sql: ClientSummary, pure: ClientSummary): void {
  for (const key of Object.keys(pure) as (keyof ClientSummary)[]) {
    const [a, b] = [sql[key], pure[key]];
    if (typeof a === 'number' && typeof b === 'number') expect(a, key).toBeCloseTo(b, 9);
    else expect(a, key).toEqual(b);
  }
}

describe('the SQL summary of a client', () => {
  it('is the summary shared/risk defines, on any book and any scoring day', () => {
    fc.assert(
      fc.property(book, ({ clients, scoringDays }) => {
        const ids = write(clients);
        // From the day of this book's last payment, reversal or credit note on (and day 900 is after
        // everything the generator writes) the settled days kept on the invoices are read.
        const lastChange = lastSettlementChange(testBook.backend.db);
        expect(readsSettledOn(testBook.backend.db, day(900))).toBe(true);
        const days = [...scoringDays.map(day), day(900), ...(lastChange >= origin ? [lastChange, addDays(lastChange, 30)] : [])];
        for (const asOf of days) {
          const fromSql = new Map<string, ClientSummary>();
          forEachClientSummary(testBook.backend.db, asOf, (id, summary) => fromSql.set(id, summary));
          // Every client of the book once, in order of id (the walk hands each on as it comes).
          expect([...fromSql.keys()]).toEqual(testBook.backend.db.prepare('SELECT id FROM clients ORDER BY id').pluck().all());
          clients.forEach((c, i) => {
            const pure = summariseHistory(historyOf(c, asOf));
            const sql = fromSql.get(ids[i])!;
            expectSameSummary(sql, pure);
            // One client's query gives the same as the whole book's.
            expectSameSummary(clientSummary(testBook.backend.db, asOf, ids[i]), pure);
            const [a, b] = [factorsOf(sql), factorsOf(pure)];
            expect(a.params).toEqual(b.params);
            a.values.forEach((v, j) => expect(v).toBeCloseTo(b.values[j], 9));
            const [sa, sb] = [scoreSummary(sql), scoreSummary(pure)];
            expect(sa.probability).toBeCloseTo(sb.probability, 9);
            // The score rounds the probability: only a hair's breadth from .5 could round apart.
            if (Math.abs(((sb.probability * 100) % 1) - 0.5) > 1e-6) expect(sa.score).toBe(sb.score);
          });
        }
      }),
      {
        numRuns: 60,
        seed: 20261126,
        // Paid on the very due date (on time), settled half by a credit note, and one partly paid: the
        // boundaries the random books seldom hit.
        examples: [
          [
            {
              clients: [
                {
                  invoices: [
                    { issue: 0, dueIn: 10, total: 100, disputed: false, payments: [{ at: 10, percent: 100, bouncedAfter: null, credit: false }] },
                    { issue: 5, dueIn: 10, total: 100, disputed: true, payments: [{ at: 20, percent: 50, bouncedAfter: null, credit: true }, { at: 30, percent: 50, bouncedAfter: null, credit: false }] },
                    { issue: 40, dueIn: 0, total: 100, disputed: false, payments: [{ at: 0, percent: 30, bouncedAfter: null, credit: false }] },
                  ],
                  bounced: [],
                  promises: [],
                  plans: [],
                  noise: false,
                },
              ],
              scoringDays: [15],
            },
          ],
        ],
      },
    );
  });
});

describe('the summary shared/risk defines', () => {
  it('reads nothing after the scoring day: cutting it all off changes nothing', () => {
    fc.assert(
      fc.property(client, fc.integer({ min: -20, max: 800 }), (c, offset) => {
        const asOf = day(offset);
        const full = historyOf(c, asOf);
        const known: PaymentHistory = {
          ...full,
          invoices: full.invoices
            .filter((inv) => inv.issueDate <= asOf)
            .map((inv) => ({
              ...inv,
              // A dispute is read only once the invoice is settled; its flag stays as it was.
              payments: inv.payments.filter((p) => p.date <= asOf).map((p) => ({ ...p, reversedDate: p.reversedDate !== null && p.reversedDate <= asOf ? p.reversedDate : null })),
            })),
          bouncedDates: full.bouncedDates.filter((d) => d <= asOf),
          brokenPromiseDates: full.brokenPromiseDates.filter((d) => d <= asOf),
          brokenPlanDates: full.brokenPlanDates.filter((d) => d <= asOf),
        };
        expect(summariseHistory(known)).toEqual(summariseHistory(full));
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});
