// Where an export runs and how it is stopped. A large period goes to a worker thread with its own
// connection (DESIGN §5), so the windows stay answered while a million journal lines are written;
// a small one runs here, where starting a thread costs more than the export. One export or
// package at a time per book; each tells every window its progress and can be cancelled.
import { Worker } from 'node:worker_threads';
import type { Context } from '../context.js';
import { conflict, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { countRows } from './datasets.js';
import { writeExport, type ExportOutcome, type ExportRequest } from './exportJob.js';
import type { ExportWorkerInput, ExportWorkerMessage } from './exportWorker.js';

/** From this many rows an export goes to a worker thread (about a quarter of a second of work). */
export const WORKER_ROWS = 20_000;

export interface ExportJob {
  jobId: string;
  label: string;
  cancel: Int32Array;
  progress(done: number, total: number | null): void;
  cancelled(): boolean;
}

const jobs = new WeakMap<Context, ExportJob>();

function spawn(input: ExportWorkerInput): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./exportWorker.js', import.meta.url), { workerData: input });
  // Run from source (tests, tsx scripts): the worker compiles through tsx, as its parent does.
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./exportWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: input });
}

function inWorker(input: ExportWorkerInput, progress: (done: number, total: number) => void): Promise<ExportOutcome> {
  return new Promise((resolve, reject) => {
    const worker = spawn(input);
    let settled = false;
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') return progress(message.done, message.total);
      settled = true;
      if (message.type === 'done') resolve(message.outcome);
      else reject(Object.assign(new Error(`export worker: ${message.message}`), { stack: message.stack }));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the export worker stopped before it finished (exit code ${code})`));
    });
  });
}

/** Runs `work` as the book's one export job: job.progress events, the last one finished. */
export async function asExportJob<T>(ctx: Context, label: string, work: (job: ExportJob) => Promise<T>): Promise<T> {
  const running = jobs.get(ctx);
  if (running) throw conflict(`An export is already being written (job ${running.jobId}); wait for it or cancel it.`, { jobId: running.jobId });
  const jobId = newId('job');
  let last = { done: 0, total: null as number | null };
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  const job: ExportJob = {
    jobId,
    label,
    cancel,
    progress(done, total) {
      last = { done, total };
      ctx.events.emit('job.progress', { jobId, label, done, total, finished: false });
    },
    cancelled: () => Atomics.load(cancel, 0) === 1,
  };
  jobs.set(ctx, job);
  try {
    return await work(job);
  } finally {
    jobs.delete(ctx);
    ctx.events.emit('job.progress', { jobId, label, done: last.done, total: last.total, finished: true });
  }
}

/** Writes one dataset's file, in a worker when the period is large. */
export function runExport(ctx: Context, wanted: Omit<ExportRequest, 'total'>, control: { progress(done: number, total: number): void; cancel: Int32Array }): Promise<ExportOutcome> {
  const request: ExportRequest = { ...wanted, total: countRows(ctx.db, wanted.dataset, wanted.from, wanted.to) };
  if (request.total >= WORKER_ROWS) {
    return inWorker({ dbFile: ctx.db.name, nativeBinding: ctx.nativeBinding, request, cancel: control.cancel.buffer as SharedArrayBuffer }, control.progress);
  }
  return writeExport(ctx.db, request, { progress: control.progress, cancelled: () => Atomics.load(control.cancel, 0) === 1 }, false);
}

/** Stops the export in progress; it leaves no file. */
export function cancelExport(ctx: Context, jobId?: string): { cancelled: boolean; jobId: string | null } {
  const job = jobs.get(ctx);
  if (jobId !== undefined && job?.jobId !== jobId) throw notFound('Export job', jobId);
  if (!job) return { cancelled: false, jobId: null };
  Atomics.store(job.cancel, 0, 1);
  return { cancelled: true, jobId: job.jobId };
}
