// Billing jobs on the backend's thread: one run at a time per book, progress as job.progress
// events, changed accounts and contracts as their events, and cancel. A run with little to do
// works on this thread in batches, yielding between them; a larger one goes to a worker thread
// with its own connection (DESIGN §5), so the UI's calls are answered while it works.
import { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../../../shared/api/envelope.js';
import type { Context } from '../../context.js';
import { ApiError, conflict, notFound } from '../../errors.js';
import { newId } from '../../ids.js';
import { BATCH_ITEMS, previewBilling, runBilling, type RunHooks } from './billingRun.js';
import { servicesOf } from './runServices.js';

export type JobRequest = { mode: 'run'; runDay: string } | { mode: 'preview'; runDay: string; through: string; limit: number };

export interface WorkerInput {
  dbFile: string;
  nativeBinding?: string;
  at: string;
  actor: string;
  jobId: string;
  request: JobRequest;
  /** One Int32: 1 once the run is to stop. */
  cancel: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'changed'; clientIds: string[]; contracts: { id: string; clientId: string }[] }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; error: { code?: Exclude<ErrorCode, 'internal'>; message: string; details?: ApiError['details'] } };

/** Below about this many documents to issue, starting a thread costs more than the run takes. */
export const WORKER_THRESHOLD = 200;

export type Host = 'worker' | 'thread';

const runs = new WeakMap<Context, { jobId: string; cancel: Int32Array }>();

/** Stops the run in progress after its current batch. */
export function cancelRun(ctx: Context, jobId?: string): { cancelled: boolean; jobId: string | null } {
  const run = runs.get(ctx);
  if (jobId !== undefined && run?.jobId !== jobId) throw notFound('Billing job', jobId);
  if (!run) return { cancelled: false, jobId: null };
  Atomics.store(run.cancel, 0, 1);
  return { cancelled: true, jobId: run.jobId };
}

/**
 * The worker's entry point. Built, it is the compiled runWorker.js beside this file; from source
 * (tests, `tsx` scripts) the worker compiles TypeScript through tsx, as its parent does.
 */
function spawn(input: WorkerInput): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./runWorker.js', import.meta.url), { workerData: input });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./runWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: input });
}

function inWorker(input: WorkerInput, hooks: Pick<RunHooks, 'progress' | 'changed'>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = spawn(input);
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') hooks.progress(message.done, message.total);
      else if (message.type === 'changed') hooks.changed(message.clientIds, message.contracts);
      else {
        settled = true;
        if (message.type === 'done') resolve(message.result);
        else reject(message.error.code ? new ApiError(message.error.code, message.error.message, message.error.details) : new Error(message.error.message));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the billing worker stopped before it finished (exit code ${code})`));
    });
  });
}

/** Runs a billing job where it fits and tells every window how it goes. */
export async function runJob(ctx: Context, request: JobRequest, host: Host): Promise<unknown> {
  const jobId = newId('job');
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  if (request.mode === 'run') {
    const running = runs.get(ctx);
    if (running) throw conflict(`A billing run is already in progress (job ${running.jobId}); wait for it or cancel it.`, { jobId: running.jobId });
    runs.set(ctx, { jobId, cancel });
  }
  const label = `billing.${request.mode}`;
  let last = { done: 0, total: null as number | null };
  const hooks: RunHooks = {
    progress(done, total) {
      last = { done, total };
      ctx.events.emit('job.progress', { jobId, label, done, total, finished: false });
    },
    changed(clientIds, contracts) {
      for (const clientId of clientIds) ctx.events.emit('accounts.changed', { clientId });
      for (const contract of contracts) ctx.events.emit('contracts.changed', contract);
    },
    cancelled: () => Atomics.load(cancel, 0) === 1,
    pause: () => new Promise((resume) => setImmediate(resume)),
  };
  try {
    if (host === 'worker') {
      const at = ctx.clock.now().toISOString();
      return await inWorker({ dbFile: ctx.db.name, nativeBinding: ctx.nativeBinding, at, actor: ctx.actor, jobId, request, cancel: cancel.buffer as SharedArrayBuffer }, hooks);
    }
    const services = servicesOf(ctx);
    const batchItems = BATCH_ITEMS.thread;
    return request.mode === 'run' ? await runBilling(services, { runDay: request.runDay, jobId, batchItems }, hooks) : await previewBilling(services, { ...request, batchItems }, hooks);
  } finally {
    if (request.mode === 'run') runs.delete(ctx);
    ctx.events.emit('job.progress', { jobId, label, done: last.done, total: last.total, finished: true });
  }
}
