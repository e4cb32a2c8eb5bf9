// risk.recompute on a big book runs in a worker thread: the UI's calls are answered meanwhile, it
// reports job.progress, a cancel keeps nothing, and a second job waits its turn. risk.refresh (the
// daily run's) rescores only what is stale.
import type * as WorkerThreads from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuditLog } from '../../../electron/core/audit/auditLog.js';
import { currentModel, scoreClientOn } from '../../../electron/core/risk/riskScores.js';
import { WORKER_THRESHOLD } from '../../../electron/core/risk/riskJobs.js';
import { addDays } from '../../../shared/dates.js';
import type { BackendEvent } from '../../../shared/api/events.js';
import { openTestBook, type TestBook } from '../../fixtures/book.js';
import { seededRandom } from '../../fixtures/riskBook.js';

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

let book: TestBook;
afterEach(() => book.close());

const CLIENTS = 200;

/** `perClient` monthly invoices for each of 200 clients (a third pay late often), written directly for speed. */
async function bigBook(perClient: number) {
  book = await openTestBook({ now: '2026-11-26T09:00:00Z' });
  const db = book.backend.db;
  const random = seededRandom(5);
  const at = '2026-11-26T09:00:00.000Z';
  db.pragma('foreign_keys = OFF');
  const client = db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES (?, ?, ?, 'en', 'USD', '[]', '[]', ?, ?)");
  const invoice = db.prepare(
    `INSERT INTO invoices (id, client_id, kind, status, issue_date, due_date, currency, tax_mode, net_minor, total_minor, open_minor, source, external_number, version, created_at, updated_at)
     VALUES (?, ?, 'invoice', 'issued', ?, ?, 'USD', 'exclusive', 5000, 5000, ?, 'import', ?, 2, ?, ?)`,
  );
  const allocation = db.prepare("INSERT INTO allocations (payment_id, invoice_id, amount_minor, date) VALUES ('pm_test', ?, 5000, ?)");
  db.transaction(() => {
    for (let c = 0; c < CLIENTS; c += 1) {
      const id = `cl_big${String(c).padStart(5, '0')}`;
      client.run(id, `Client ${c}`, `client ${c}`, at, at);
      const lateness = [0.05, 0.3, 0.7][c % 3]!;
      for (let m = 0; m < perClient; m += 1) {
        const issue = addDays('2026-11-20', -30 * (perClient - m));
        const due = addDays(issue, 14);
        const invoiceId = `in_big${c}_${m}`;
        const paid = random() > lateness / 4;
        invoice.run(invoiceId, id, issue, due, paid ? 0 : 5000, `B-${m}`, at, at);
        if (paid) allocation.run(invoiceId, addDays(due, random() < lateness ? 3 + Math.floor(random() * 40) : -2));
      }
    }
  })();
  db.pragma('foreign_keys = ON');
  const events: BackendEvent[] = [];
  book.backend.subscribe((event) => events.push(event));
  return events;
}

const progressOf = (events: BackendEvent[]) => events.flatMap((e) => (e.name === 'job.progress' ? [e.payload] : []));

describe('risk jobs', { timeout: 120_000 }, () => {
  it('refit a big book in a worker thread, answering the UI meanwhile, with progress', async () => {
    const events = await bigBook(Math.ceil(WORKER_THRESHOLD.invoices / CLIENTS) + 1);
    const before = workersStarted.count;
    let finished = false;
    const running = book.call('risk.recompute', {}).then((result) => {
      finished = true;
      return result;
    });
    expect((await book.call('risk.settings.get', {})).bands).toHaveLength(4);
    expect(finished).toBe(false);
    const result = await running;
    expect(workersStarted.count).toBe(before + 1);
    expect(result).toMatchObject({ clients: CLIENTS, cancelled: false, model: { source: 'fitted', fittedAt: '2026-11-26T09:00:00.000Z' } });
    expect(result.model.trainedOn).toBeGreaterThan(WORKER_THRESHOLD.invoices - CLIENTS);

    const progress = progressOf(events);
    expect(new Set(progress.map((p) => p.jobId))).toEqual(new Set([result.jobId]));
    expect(progress.at(-1)).toMatchObject({ finished: true, done: progress.at(-1)!.total });
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(10);

    // The worker wrote what this thread would have computed with the same model.
    const db = book.backend.db;
    const stored = db.prepare<[], { client_id: string; score: number }>('SELECT client_id, score FROM risk_scores ORDER BY client_id LIMIT 3').all();
    for (const row of stored) expect(scoreClientOn(db, row.client_id, '2026-11-26', currentModel(db)).score).toBe(row.score);
    expect((await book.call('risk.list', { limit: 1 })).items[0]!.scoredOn).toBe('2026-11-26');
    // Its audit row, written on the worker's connection, continues the hash chain.
    expect(createAuditLog(db, { actor: () => 'tester', now: () => new Date() }).verify()).toMatchObject({ ok: true });
    expect(db.prepare("SELECT actor FROM audit_log WHERE action = 'risk.model_fitted'").pluck().all()).toEqual(['tester']);
  });

  it('can be cancelled: nothing it would have written is kept, and one job runs at a time', async () => {
    const events = await bigBook(Math.ceil(WORKER_THRESHOLD.invoices / CLIENTS) + 1);
    let cancel: Promise<unknown> | null = null;
    let refusals: Promise<{ ok: boolean; error?: { code: string } }>[] = [];
    book.backend.subscribe((event) => {
      if (event.name !== 'job.progress' || cancel) return;
      refusals = [book.backend.dispatch('risk.recompute', {}), book.backend.dispatch('risk.cancel', { jobId: 'job_someoneelse0000' })];
      cancel = book.call('risk.cancel', { jobId: event.payload.jobId });
    });
    const result = await book.call('risk.recompute', {});
    expect(await cancel).toEqual({ cancelled: true, jobId: result.jobId });
    const [second, wrongJob] = await Promise.all(refusals);
    expect(second!.error?.code).toBe('conflict');
    expect(wrongJob!.error?.code).toBe('not_found');
    expect(result).toMatchObject({ cancelled: true, clients: 0, model: { source: 'default', fittedAt: null } });
    expect(book.backend.db.prepare('SELECT count(*) FROM risk_scores').pluck().get()).toBe(0);
    expect(progressOf(events).at(-1)).toMatchObject({ jobId: result.jobId, finished: true });
    expect(await book.call('risk.cancel', {})).toEqual({ cancelled: false, jobId: null });
  });

  it('refresh rescores what is stale, and nothing when nothing changed', async () => {
    await bigBook(3);
    const first = await book.call('risk.refresh', {});
    expect(first).toMatchObject({ clients: CLIENTS, cancelled: false });
    expect(book.backend.db.prepare("SELECT count(*) FROM risk_history WHERE date = '2026-11-26'").pluck().get()).toBe(CLIENTS);
    expect(await book.call('risk.refresh', {})).toMatchObject({ clients: 0, cancelled: false });
  });

  it("leave a big book's rescoring to the refresh job: a read rescores only the client it asks about", async () => {
    book = await openTestBook({ now: '2026-11-26T09:00:00Z' });
    const db = book.backend.db;
    const at = '2026-11-26T09:00:00.000Z';
    const many = WORKER_THRESHOLD.staleClients + 1;
    db.pragma('foreign_keys = OFF');
    db.transaction(() => {
      const client = db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES (?, ?, ?, 'en', 'USD', '[]', '[]', ?, ?)");
      const invoice = db.prepare(
        `INSERT INTO invoices (id, client_id, kind, status, issue_date, due_date, currency, tax_mode, net_minor, total_minor, open_minor, source, external_number, version, created_at, updated_at)
         VALUES (?, ?, 'invoice', 'issued', '2026-10-01', '2026-10-15', 'USD', 'exclusive', 5000, 5000, 5000, 'import', 'X-1', 2, ?, ?)`,
      );
      for (let c = 0; c < many; c += 1) {
        const n = String(c).padStart(5, '0');
        client.run(`cl_many${n}`, `Client ${c}`, `client ${c}`, at, at);
        invoice.run(`in_many${n}`, `cl_many${n}`, at, at);
      }
    })();
    db.pragma('foreign_keys = ON');
    expect((await book.call('risk.list', { limit: 5 })).items).toEqual([]);
    const one = await book.call('risk.client', { clientId: 'cl_many00007' });
    expect(one).toMatchObject({ asOf: '2026-11-26', factors: expect.arrayContaining([expect.objectContaining({ code: 'past_due_days', params: { days: 42 } })]) });
    expect(db.prepare('SELECT count(*) FROM risk_scores').pluck().get()).toBe(1);
    const before = workersStarted.count;
    expect(await book.call('risk.refresh', {})).toMatchObject({ clients: many - 1, cancelled: false });
    expect(workersStarted.count).toBe(before + 1);
    expect((await book.call('risk.list', { limit: 5 })).items).toHaveLength(5);
  });
});
