import { afterEach, describe, expect, it } from 'vitest';
import { openTestBook, type TestBook } from '../../fixtures/book.js';
import { DEFAULT_MODEL, sigmoid } from '../../../shared/risk/model.js';

let book: TestBook;
afterEach(() => book.close());

/** Two clients' histories through the history import: GOOD pays on time, LATE pays late and owes since September. */
function historyCsv(): string {
  const rows = ['customer_id,invoice_id,invoice_date,due_date,amount,settled_date,disputed'];
  for (const [i, month] of ['03', '04', '05', '06', '07', '08', '09', '10'].entries()) {
    rows.push(`GOOD,G-${i},2026-${month}-01,2026-${month}-15,100.00,2026-${month}-10,0`);
    const late = month === '09' || month === '10' ? '' : `2026-${month}-28`;
    rows.push(`LATE,L-${i},2026-${month}-01,2026-${month}-15,100.00,${late},${i === 1 ? 1 : 0}`);
  }
  return rows.join('\n');
}

async function importedBook() {
  book = await openTestBook({ now: '2026-11-01T09:00:00Z' });
  await book.call('imports.commit', { csv: historyCsv(), fileName: 'h.csv', createMissingClients: true });
  const list = await book.call('risk.list', { limit: 10 });
  const id = (name: string) => list.items.find((i) => i.clientName === name)!.clientId;
  return { list, good: id('GOOD'), late: id('LATE') };
}

describe('risk', () => {
  it('lists clients riskiest first, by band, in pages', async () => {
    const { list, late, good } = await importedBook();
    expect(list.items.map((i) => i.clientId)).toEqual([late, good]);
    expect(list.items[0].band).toBe('critical');
    expect(list.items[1].band).toBe('low');
    const first = await book.call('risk.list', { limit: 1, order: 'safest' });
    expect(first.items[0].clientId).toBe(good);
    const second = await book.call('risk.list', { limit: 1, order: 'safest', cursor: first.nextCursor! });
    expect(second).toEqual({ items: [expect.objectContaining({ clientId: late })], nextCursor: null });
    expect((await book.call('risk.list', { band: 'low', limit: 10 })).items.map((i) => i.clientId)).toEqual([good]);
    const bad = await book.backend.dispatch('risk.list', { cursor: 'nonsense' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
  });

  it('explains a score with factors the UI can word, today or as of a past day', async () => {
    const { late } = await importedBook();
    const now = await book.call('risk.client', { clientId: late });
    expect(now.asOf).toBe('2026-11-01');
    const codes = now.factors.map((f) => f.code);
    expect(codes).toContain('past_due_days');
    expect(now.factors.find((f) => f.code === 'past_due_days')!.params).toEqual({ days: 47 });
    expect(now.factors.find((f) => f.code === 'late_rate')!.params).toMatchObject({ late: 8, of: 8 }); // every invoice of the year
    // The reasons are worked out on request, and they add up to the score the list shows (give or
    // take the rounding of the score to a whole percent and the smallest factors left out).
    const listed = (await book.call('risk.list', { order: 'riskiest', limit: 50 })).items.find((item) => item.clientId === late)!;
    expect({ score: now.score, band: now.band }).toEqual({ score: listed.score, band: listed.band });
    const logOdds = now.factors.reduce((sum, f) => sum + f.contribution, DEFAULT_MODEL.intercept);
    // Compared as a chance: near 100 a whole percent is a wide span of log-odds.
    expect(Math.abs(100 * sigmoid(logOdds) - now.score)).toBeLessThan(1);
    const before = await book.call('risk.client', { clientId: late, asOf: '2026-04-01' });
    expect(before.score).toBeLessThan(now.score);
    expect(before.factors.find((f) => f.code === 'past_due_days')).toBeUndefined();
  });

  it('rescores a client when a payment is recorded, and keeps one history point a day', async () => {
    const { late } = await importedBook();
    const owing = await book.call('risk.client', { clientId: late });
    await book.call('payments.record', { clientId: late, date: '2026-11-01', amountMinor: 20_000, method: 'bank_transfer' });
    const paid = await book.call('risk.client', { clientId: late });
    expect(paid.score).toBeLessThan(owing.score);
    expect(paid.factors.find((f) => f.code === 'past_due_days')).toBeUndefined();
    expect((await book.call('risk.history', { clientId: late })).points).toEqual([{ date: '2026-11-01', score: paid.score, band: paid.band }]);
    book.clock.advanceDays(1); // a day later the score is stale (days past due grow) and gets a new point
    expect((await book.call('risk.history', { clientId: late })).points.map((p) => p.date)).toEqual(['2026-11-01', '2026-11-02']);
  });

  it('refits on the book (keeping the defaults while there are too few invoices) and rescores everyone', async () => {
    await importedBook();
    const events: unknown[] = [];
    book.backend.subscribe((e) => events.push(e));
    const result = await book.call('risk.recompute', {});
    expect(result).toMatchObject({ clients: 2, model: { source: 'default', trainedOn: 0, holdout: null } });
    expect(events.at(-1)).toMatchObject({ name: 'job.progress', payload: { jobId: result.jobId, finished: true } });
    const model = await book.call('risk.model', {});
    expect(model.weights.every((w) => w.weight === w.defaultWeight)).toBe(true);
  });

  it('stores what each band changes', async () => {
    book = await openTestBook();
    const before = await book.call('risk.settings.get', {});
    expect(before.bands.find((b) => b.band === 'critical')).toEqual({ band: 'critical', restrictDaysEarlier: 14, renewalsAsProforma: true });
    const after = await book.call('risk.settings.update', { bands: [{ band: 'high', restrictDaysEarlier: 10, renewalsAsProforma: true }] });
    expect(after.bands.find((b) => b.band === 'high')).toEqual({ band: 'high', restrictDaysEarlier: 10, renewalsAsProforma: true });
    expect(after.bands.find((b) => b.band === 'low')).toEqual(before.bands.find((b) => b.band === 'low'));
  });
});
