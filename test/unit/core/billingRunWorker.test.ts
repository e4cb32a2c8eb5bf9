// A large billing run goes to a worker thread with its own connection: the UI's calls are answered
// while it works, it reports job.progress, and it can be cancelled between batches.
import type * as WorkerThreads from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createContractRepository } from '../../../electron/core/register/contractRepository.js';
import type { BackendEvent } from '../../../shared/api/events.js';
import { openBillingBook, type BillingBook } from '../../fixtures/billingBook.js';

const workersStarted = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof WorkerThreads>();
  class CountedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      workersStarted.count += 1;
    }
  }
  return { ...actual, Worker: CountedWorker };
});

let book: BillingBook;
afterEach(async () => {
  await book.ledgerOk();
  book.close();
});

/** `count` monthly contracts over 40 clients starting on `start`, written in one transaction, for speed. */
async function busyBook(count: number, start = '2026-03-20') {
  book = await openBillingBook('2026-03-06');
  const clients: string[] = [];
  for (let i = 0; i < 40; i += 1) clients.push(await book.client({ name: `Client ${i}` }));
  const contracts = createContractRepository(book.backend.db);
  book.backend.db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const record = {
        id: `ct_${String(i).padStart(16, '0')}`,
        clientId: clients[i % clients.length]!,
        planId: null,
        kind: 'shared_hosting' as const,
        label: `site${i}.example`,
        panelKind: 'none' as const,
        panelAccount: null,
        priceMinor: 1000 + i,
        currency: 'USD',
        cycle: 'monthly' as const,
        pricingModel: 'fixed' as const,
        tiers: null,
        unitLabel: null,
        startDate: start,
        nextDueDate: start,
        endDate: null,
        expiresOn: null,
        autoRenew: true,
        termsText: null,
        termsVersion: null,
        signedDate: null,
        termReviewDate: null,
        notes: null,
        status: 'active' as const,
        endReason: null,
      };
      contracts.insert(record, { clientName: `Client ${i % clients.length}`, planName: null }, '2026-03-06T09:00:00.000Z', 'tester');
    }
  })();
  const events: BackendEvent[] = [];
  book.backend.subscribe((event) => events.push(event));
  return events;
}

const progressOf = (events: BackendEvent[]) => events.flatMap((e) => (e.name === 'job.progress' ? [e.payload] : []));

describe('a large billing run', { timeout: 60_000 }, () => {
  it('works in a worker thread, answers the UI meanwhile, and reports its progress', async () => {
    const events = await busyBook(600);
    const before = workersStarted.count;
    let finished = false;
    const running = book.call('billing.run', {}).then((result) => {
      finished = true;
      return result;
    });
    // A window's own write while the run works: answered without waiting for the whole run.
    const other = await book.call('clients.create', { name: 'Walk-in client', currency: 'USD' });
    expect(finished).toBe(false);
    const result = await running;
    expect(workersStarted.count).toBe(before + 1);
    expect(result.counts).toMatchObject({ invoices: 600, periods: 600, skipped: 0 });
    expect((await book.call('clients.get', { id: other.id })).name).toBe('Walk-in client');
    const progress = progressOf(events);
    expect(progress.map((p) => [p.done, p.total, p.finished])).toEqual([
      [0, 600, false],
      [250, 600, false],
      [500, 600, false],
      [600, 600, false],
      [600, 600, true],
    ]);
    expect(new Set(progress.map((p) => p.jobId))).toEqual(new Set([result.jobId]));
    // Every client's account was changed, and every window told so (after the batch that did it).
    expect(new Set(events.flatMap((e) => (e.name === 'accounts.changed' ? [e.payload.clientId] : []))).size).toBe(40);
    expect(events.filter((e) => e.name === 'contracts.changed')).toHaveLength(600);
    // Idempotent there too: the next run has nothing to do (and stays on this thread).
    expect((await book.call('billing.run', {})).counts.invoices).toBe(0);
    expect(workersStarted.count).toBe(before + 1);
  });

  it('can be cancelled between batches; what it issued stays, and the next run issues the rest', async () => {
    const events = await busyBook(1000);
    let cancelled: unknown = null;
    let refusals: unknown[] = [];
    book.backend.subscribe((event) => {
      if (event.name !== 'job.progress' || event.payload.done === 0 || cancelled) return;
      cancelled = book.call('billing.cancel', { jobId: event.payload.jobId });
      refusals = [book.backend.dispatch('billing.run', {}), book.backend.dispatch('billing.cancel', { jobId: 'job_someoneelse0000' })];
    });
    const result = await book.call('billing.run', {});
    expect(await cancelled).toEqual({ cancelled: true, jobId: result.jobId });
    const [second, wrongJob] = await Promise.all(refusals as Promise<{ ok: boolean; error?: { code: string } }>[]);
    expect(second!.error?.code).toBe('conflict');
    expect(wrongJob!.error?.code).toBe('not_found');
    expect(result.status).toBe('cancelled');
    expect(result.counts.invoices % 250).toBe(0);
    expect(result.counts.invoices).toBeGreaterThanOrEqual(250);
    expect(result.counts.invoices).toBeLessThan(1000);
    expect(progressOf(events).at(-1)).toMatchObject({ jobId: result.jobId, finished: true });
    expect((await book.call('billing.runs', {})).items[0]).toMatchObject({ id: result.runId, status: 'cancelled', invoicesIssued: result.counts.invoices });
    expect(await book.call('billing.cancel', {})).toEqual({ cancelled: false, jobId: null });

    const rest = await book.call('billing.run', {});
    expect(rest.status).toBe('finished');
    expect(result.counts.invoices + rest.counts.invoices).toBe(1000);
    expect(book.backend.db.prepare(`SELECT count(*) FROM renewals`).pluck().get()).toBe(1000);
  });

  it('goes to a worker when a few contracts have many periods to catch up', async () => {
    await busyBook(25, '2025-05-20');
    const before = workersStarted.count;
    const result = await book.call('billing.run', {});
    expect(workersStarted.count).toBe(before + 1);
    // May 2025 to March 2026: eleven monthly periods each, dated as the book's first run dates them.
    expect(result.counts).toMatchObject({ invoices: 275, periods: 275 });
  });
});

describe('a small billing run', () => {
  it('stays on the backend\'s thread, in short batches that let the UI in between', async () => {
    const events = await busyBook(100);
    const before = workersStarted.count;
    const result = await book.call('billing.run', {});
    expect(workersStarted.count).toBe(before);
    expect(result.counts.invoices).toBe(100);
    expect(progressOf(events).map((p) => p.done)).toEqual([0, 40, 80, 100, 100]);
  });
});
