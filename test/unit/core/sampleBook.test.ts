import { afterEach, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../../electron/core/audit/verify.js';
import { openTestBook, type TestBook } from '../../fixtures/book.js';

let book: TestBook;
afterEach(() => book?.close());

describe('the sample book', () => {
  it('fills an empty book with about 300 clients and 700 contracts across plans, panels and both languages', async () => {
    book = await openTestBook();
    const summary = await book.call('demo.load', {});
    expect(summary.clients).toBe(300);
    expect(summary.contracts).toBeGreaterThanOrEqual(650);
    expect(summary.contracts).toBeLessThanOrEqual(800);
    const db = book.backend.db;
    const languages = db.prepare('SELECT language, count(*) AS n FROM clients GROUP BY language ORDER BY language').all() as { language: string; n: number }[];
    expect(languages.map((l) => l.language)).toEqual(['en', 'zh-CN']);
    expect(Math.min(...languages.map((l) => l.n))).toBeGreaterThan(50);
    const panels = db.prepare('SELECT DISTINCT panel_kind FROM contracts').pluck().all();
    expect(panels).toEqual(expect.arrayContaining(['cpanel', 'plesk', 'directadmin', 'virtualizor', 'solusvm', 'proxmox', 'hestiacp', 'virtualmin', 'btpanel', 'webhook', 'none']));
    expect((await book.call('clients.search', { query: '上海', limit: 5 })).items.length).toBeGreaterThan(0);
    expect(verifyAudit(db)).toMatchObject({ ok: true });
    // Some clients behind on their bills have a payment plan, a promise or a dispute.
    expect((await book.call('paymentPlans.list', {})).items.map((p) => p.standing)).toEqual(['good_standing', 'good_standing', 'good_standing']);
    expect((await book.call('promises.list', {})).items.map((p) => p.status)).toEqual(['open', 'open', 'open']);
    expect((await book.call('disputes.list', {})).items.length).toBeGreaterThan(0);
    expect((await book.call('books.check', {})).ok).toBe(true);
    // Its reseller's profile, so its invoices and letters can be printed at once.
    expect(await book.call('company.get', {})).toMatchObject({ configured: true, name: 'Lantern Web Hosting Ltd' });
  });

  it('keeps a company profile the reseller saved before', async () => {
    book = await openTestBook();
    await book.call('company.update', { name: '卡尔云主机' });
    await book.call('demo.load', {});
    expect(await book.call('company.get', {})).toMatchObject({ name: '卡尔云主机', addressLines: [] });
  });

  it('is the same book every time, and only goes into an empty book', async () => {
    book = await openTestBook();
    await book.call('demo.load', {});
    const first = book.backend.db.prepare('SELECT name FROM clients ORDER BY seq LIMIT 20').pluck().all();
    const again = await book.backend.dispatch('demo.load', {});
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    book.close();
    book = await openTestBook();
    await book.call('demo.load', {});
    expect(book.backend.db.prepare('SELECT name FROM clients ORDER BY seq LIMIT 20').pluck().all()).toEqual(first);
  });
});
