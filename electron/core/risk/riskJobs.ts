// Risk jobs on the backend's thread: one at a time per book, job.progress events, cancel. A big
// book's job runs in a worker thread with its own connection (DESIGN §5), so the UI's calls are
// answered meanwhile; a small one runs here, where starting a thread would cost more than the job.
import { Worker } from 'node:worker_threads';
import type { Context } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { runRiskJob, type RiskJobRequest, type RiskJobResult } from './recompute.js';
import { createRiskScores } from './riskScores.js';

export interface RiskWorkerInput {
  dbFile: string;
  nativeBinding?: string;
  actor: string;
  at: string;
  today: string;
  request: RiskJobRequest;
  /** One Int32: 1 once the job is to stop. */
  cancel: SharedArrayBuffer;
}

export type RiskWorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; result: RiskJobResult } | { type: 'failed'; message: string };

/**
 * From these sizes on a job goes to a worker: a refit over 10,000 invoices, or rescoring 2,000
 * clients, takes about a second on the team's machines.
 */
export const WORKER_THRESHOLD = { invoices: 10_000, staleClients: 2_000 };

const jobs = new WeakMap<Context, { jobId: string; cancel: Int32Array }>();

/** Stops the risk job in progress; nothing it would have written is kept. */
export function cancelRiskJob(ctx: Context, jobId?: string): { cancelled: boolean; jobId: string | null } {
  const job = jobs.get(ctx);
  if (jobId !== undefined && job?.jobId !== jobId) throw notFound('Risk job', jobId);
  if (!job) return { cancelled: false, jobId: null };
  Atomics.store(job.cancel, 0, 1);
  return { cancelled: true, jobId: job.jobId };
}

/** Built, the worker is the compiled riskWorker.js beside this file; from source (tests, tsx) it compiles through tsx, as its parent does. */
function spawn(input: RiskWorkerInput): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./riskWorker.js', import.meta.url), { workerData: input });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./riskWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: input });
}

function inWorker(input: RiskWorkerInput, progress: (done: number, total: number) => void): Promise<RiskJobResult> {
  return new Promise((resolve, reject) => {
    const worker = spawn(input);
    let settled = false;
    worker.on('message', (message: RiskWorkerMessage) => {
      if (message.type === 'progress') return progress(message.done, message.total);
      settled = true;
      if (message.type === 'done') resolve(message.result);
      else reject(new Error(message.message));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the risk worker stopped before it finished (exit code ${code})`));
    });
  });
}

function bigEnoughForWorker(ctx: Context, request: RiskJobRequest, today: string): boolean {
  if (request.mode === 'recompute') return ctx.db.prepare<[], number>("SELECT count(*) FROM invoices WHERE kind = 'invoice' AND status = 'issued'").pluck().get()! >= WORKER_THRESHOLD.invoices;
  return createRiskScores(ctx.db).staleClients(today).length >= WORKER_THRESHOLD.staleClients;
}

/** Runs a risk job where it fits and tells every window how it goes. */
export async function runRiskJobFor(ctx: Context, request: RiskJobRequest): Promise<RiskJobResult & { jobId: string }> {
  const running = jobs.get(ctx);
  if (running) throw conflict(`Payment risk is already being recomputed (job ${running.jobId}); wait for it or cancel it.`, { jobId: running.jobId });
  const jobId = newId('job');
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  jobs.set(ctx, { jobId, cancel });
  const label = `risk.${request.mode}`;
  let last = { done: 0, total: null as number | null };
  const progress = (done: number, total: number) => {
    last = { done, total };
    ctx.events.emit('job.progress', { jobId, label, done, total, finished: false });
  };
  try {
    const today = ctx.today();
    const at = ctx.clock.now().toISOString();
    const result =
      bigEnoughForWorker(ctx, request, today)
        ? await inWorker({ dbFile: ctx.db.name, nativeBinding: ctx.nativeBinding, actor: ctx.actor, at, today, request, cancel: cancel.buffer as SharedArrayBuffer }, progress)
        : runRiskJob(request, { db: ctx.db, audit: ctx.audit, today, at }, { progress, cancelled: () => Atomics.load(cancel, 0) === 1 });
    return { ...result, jobId };
  } finally {
    jobs.delete(ctx);
    ctx.events.emit('job.progress', { jobId, label, done: last.done, total: last.total, finished: true });
  }
}
