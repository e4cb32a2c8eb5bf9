import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../electron/core/db/database.js';
import { openTestBook, type TestBook } from '../../fixtures/book.js';

let book: TestBook;
afterEach(() => book?.close());

const one = <T>(db: Db, sql: string) => db.prepare(sql).get() as T;

describe('the sample book\'s two years of history', () => {
  it('invoices past periods and pays them as real clients do, and the ledger check passes', async () => {
    book = await openTestBook({ now: '2026-11-26T09:00:00Z' });
    await book.call('demo.load', {});
    const db = book.backend.db;
    expect((await book.call('books.check', {})).checks.filter((c) => !c.ok)).toEqual([]);

    const span = one<{ first: string; last: string; months: number; invoices: number }>(
      db,
      `SELECT min(issue_date) AS first, max(issue_date) AS last, count(DISTINCT substr(issue_date, 1, 7)) AS months, count(*) AS invoices FROM invoices WHERE kind = 'invoice'`,
    );
    expect(span.first >= '2024-11-12' && span.first <= '2024-12-31').toBe(true);
    expect(span.last <= '2026-11-26').toBe(true);
    expect(span.months).toBeGreaterThanOrEqual(24);
    expect(span.invoices).toBeGreaterThan(2000);
    // Every history invoice is one renewal of one contract's period: the billing run will not issue it again.
    expect(one<{ n: number }>(db, 'SELECT count(*) AS n FROM renewals').n).toBe(span.invoices);

    const paid = one<{ onTime: number; late: number; partial: number; never: number }>(
      db,
      `SELECT
         sum(i.open_minor = 0 AND (SELECT max(a.date) FROM allocations a WHERE a.invoice_id = i.id) <= i.due_date) AS onTime,
         sum(i.open_minor = 0 AND (SELECT max(a.date) FROM allocations a WHERE a.invoice_id = i.id) > i.due_date) AS late,
         sum(i.open_minor > 0 AND EXISTS (SELECT 1 FROM allocations a WHERE a.invoice_id = i.id)) AS partial,
         sum(i.open_minor > 0 AND i.due_date < '2026-11-26' AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.invoice_id = i.id)) AS never
       FROM invoices i WHERE i.kind = 'invoice'`,
    );
    expect(paid.onTime / span.invoices).toBeGreaterThan(0.6);
    expect(paid.late).toBeGreaterThan(100);
    expect(paid.partial).toBeGreaterThan(10);
    expect(paid.never).toBeGreaterThan(20);
    expect(one<{ n: number }>(db, "SELECT count(*) AS n FROM invoices WHERE kind = 'credit_note'").n).toBeGreaterThan(20);
    const aging = await book.call('reports.aging', {});
    expect(aging.totals.map((t) => t.currency).sort()).toEqual(['CNY', 'USD']);
  });

  it('is the same history every time', async () => {
    const digest = async () => {
      book = await openTestBook({ now: '2026-11-26T09:00:00Z' });
      await book.call('demo.load', {});
      const rows = book.backend.db
        .prepare("SELECT coalesce(number_text, '') || issue_date || total_minor || open_minor FROM invoices ORDER BY seq")
        .pluck()
        .all()
        .join('|');
      book.close();
      return rows;
    };
    expect(await digest()).toBe(await digest());
  });
});
