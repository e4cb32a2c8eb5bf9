import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDailyRun } from '../../../electron/core/dailyRun.js';
import { silentLogger } from '../../../electron/core/index.js';
import { openTestBook, type TestBook } from '../../fixtures/book.js';

let book: TestBook;
afterEach(() => {
  vi.useRealTimers();
  book?.close();
});

describe('the daily billing run', () => {
  it('runs soon after the book opens, not again the same day, and again once the date moves on', async () => {
    book = await openTestBook({ now: '2026-11-26T09:00:00Z' });
    const calls: string[] = [];
    const dispatch = (method: string, input?: unknown) => {
      calls.push(method);
      return book.backend.dispatch(method, input);
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const daily = startDailyRun({ dispatch, logger: silentLogger, firstDelayMs: 1_000, checkEveryMs: 60_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(calls.filter((m) => m === 'billing.run')).toHaveLength(1));
    await vi.advanceTimersByTimeAsync(60_000);
    await daily.stop();
    expect(calls.filter((m) => m === 'billing.run')).toHaveLength(1);
    // The arrears ladder runs once a day too, after billing (on the day's new invoices and fees).
    expect(calls.filter((m) => m === 'dunning.run')).toHaveLength(1);
    expect(calls.indexOf('dunning.run')).toBeGreaterThan(calls.indexOf('billing.run'));

    book.clock.advanceDays(1);
    const again = startDailyRun({ dispatch, logger: silentLogger, firstDelayMs: 1_000, checkEveryMs: 60_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    await again.stop();
    expect(calls.filter((m) => m === 'billing.run')).toHaveLength(2);
    expect(calls.filter((m) => m === 'dunning.run')).toHaveLength(2);
    // Recorded as the daily run's, not as the person's who happens to have the book open.
    expect((await book.call('dunning.runs.list', {})).runs.map((r) => [r.asOf, r.startedBy])).toEqual([
      ['2026-11-27', 'daily'],
      ['2026-11-26', 'daily'],
    ]);
    const runs = await book.call('billing.runs', {});
    expect(runs.items.map((r) => r.runDate)).toEqual(['2026-11-27', '2026-11-26']);
  });
});
