// The evidence bundle's work off the backend's thread (DESIGN §5): verifying the whole audit chain
// (a hash per row, however long the log) and laying out the PDF (seconds for a client with years of
// dealings). One thread per process, kept while bundles are being made: starting a thread and
// parsing the fonts in it costs more than laying out most bundles, and a reseller preparing a case
// makes several in a row. It keeps the process alive only while a bundle is in progress, and ends
// after a minute idle, giving back the memory its parsed fonts hold.
import { Worker } from 'node:worker_threads';
import type { Context } from '../context.js';
import { fontBytes, type FontBytes } from '../documents/pdf/fonts.js';
import type { AuditResult, BundlePdfInput } from './bundlePdf.js';

export interface EvidenceWorkerInput {
  fonts: FontBytes;
}

export type EvidenceJob = { kind: 'verify'; dbFile: string; nativeBinding?: string } | { kind: 'render'; pdf: BundlePdfInput };
export type EvidenceRequest = { id: number; job: EvidenceJob };
export type EvidenceAnswer = { type: 'progress'; done: number } | { type: 'verified'; audit: AuditResult } | { type: 'rendered'; bytes: Uint8Array; pages: number } | { type: 'failed'; message: string };
export type EvidenceMessage = { id: number } & EvidenceAnswer;

/** Built, the compiled evidenceWorker.js beside this file; from source (tests, tsx), through tsx like its parent. */
function spawn(input: EvidenceWorkerInput): Worker {
  // A long bundle keeps every page until the footers number them: room for a few hundred pages.
  const resourceLimits = { maxOldGenerationSizeMb: 256 };
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./evidenceWorker.js', import.meta.url), { workerData: input, resourceLimits });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./evidenceWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: input, resourceLimits });
}

interface Pending {
  answer: (message: EvidenceAnswer) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  idle: NodeJS.Timeout | null;
}

const IDLE_MS = 60_000;
let thread: Thread | null = null;
let nextRequest = 0;

function idle(current: Thread) {
  current.worker.unref();
  current.idle = setTimeout(() => {
    if (thread === current) thread = null;
    void current.worker.terminate();
  }, IDLE_MS);
  current.idle.unref();
}

function evidenceThread(): Thread {
  if (thread) return thread;
  const current: Thread = { worker: spawn({ fonts: fontBytes() }), pending: new Map(), idle: null };
  const fail = (error: Error) => {
    if (thread === current) thread = null;
    for (const request of current.pending.values()) request.reject(error);
    current.pending.clear();
    if (current.idle) clearTimeout(current.idle);
    void current.worker.terminate();
  };
  current.worker.on('message', ({ id, ...answer }: EvidenceMessage) => {
    const request = current.pending.get(id);
    if (!request) return;
    if (answer.type !== 'progress') {
      current.pending.delete(id);
      if (current.pending.size === 0) idle(current);
    }
    request.answer(answer);
  });
  current.worker.on('error', fail);
  current.worker.on('exit', (code) => fail(new Error(`the evidence worker stopped (exit code ${code})`)));
  thread = current;
  return current;
}

/** Sends one job; `answer` hears its progress and its result, `reject` a thread that died. */
function send(job: EvidenceJob, answer: (message: EvidenceAnswer) => void, reject: (error: Error) => void): void {
  const current = evidenceThread();
  if (current.idle) clearTimeout(current.idle);
  current.idle = null;
  current.worker.ref();
  const id = (nextRequest += 1);
  current.pending.set(id, { answer, reject });
  current.worker.postMessage({ id, job } satisfies EvidenceRequest);
}

/** Verifies the book's whole audit chain on its own read-only connection, off this thread. */
export function verifyAuditOffThread(ctx: Context): Promise<AuditResult> {
  return new Promise((resolve, reject) =>
    send(
      { kind: 'verify', dbFile: ctx.db.name, ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}) },
      (message) => {
        if (message.type === 'verified') resolve(message.audit);
        else if (message.type === 'failed') reject(new Error(message.message));
      },
      reject,
    ),
  );
}

/** Lays the PDF out off this thread; `laidOut` hears of each part as it is done. */
export function renderBundlePdfOffThread(input: BundlePdfInput, laidOut: (parts: number) => void): Promise<{ bytes: Uint8Array; pages: number }> {
  return new Promise((resolve, reject) =>
    send(
      { kind: 'render', pdf: input },
      (message) => {
        if (message.type === 'progress') laidOut(message.done);
        else if (message.type === 'rendered') resolve({ bytes: message.bytes, pages: message.pages });
        else if (message.type === 'failed') reject(new Error(message.message));
      },
      reject,
    ),
  );
}
