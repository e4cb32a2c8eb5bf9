// Batch printing: many documents in one PDF, in the order given, each starting on a new page with
// its own "page x of y". The layout runs on a worker thread (DESIGN §5) so the backend keeps
// answering the UI; progress comes back per document, and an abort stops the worker at once.
import { Worker } from 'node:worker_threads';
import type { DocumentModel } from '../model.js';
import { fontBytes, type FontBytes, type Fonts } from './fonts.js';
import { documentDate, finish, layOut } from './renderDocument.js';
import { newPdf } from './sheet.js';
import type { RenderWarning } from './warnings.js';

export interface BatchDocument {
  /** Position in the models given (and in the PDF). */
  index: number;
  /** 1-based page of the batch PDF where this document starts. */
  firstPage: number;
  pages: number;
  warnings: RenderWarning[];
}

export interface BatchResult {
  bytes: Uint8Array;
  pages: number;
  documents: BatchDocument[];
}

export interface BatchOptions {
  /** The batch PDF's title (metadata), already translated; defaults to the first document's. */
  title?: string;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Thrown (as the promise's rejection) when the signal aborts a batch. */
export class BatchCancelled extends Error {
  constructor() {
    super('The batch was cancelled before it finished.');
    this.name = 'BatchCancelled';
  }
}

/** Lays the batch out on this thread; `cancelled` is asked between documents. */
export async function renderBatchHere(models: readonly DocumentModel[], fonts: Fonts, hooks: { title?: string; progress?: (done: number, total: number) => void; cancelled?: () => boolean } = {}): Promise<BatchResult> {
  const first = models[0];
  const doc = newPdf({
    title: hooks.title ?? first?.title ?? '',
    author: first?.company.name ?? '',
    language: first?.language ?? 'en',
    date: first ? documentDate(first) : new Date(Date.UTC(2000, 0, 1)),
  });
  const documents: BatchDocument[] = [];
  for (const [index, model] of models.entries()) {
    if (hooks.cancelled?.()) throw new BatchCancelled();
    const laid = layOut(doc, model, fonts);
    documents.push({ index, firstPage: laid.firstPage + 1, pages: laid.pages, warnings: laid.warnings.items });
    hooks.progress?.(index + 1, models.length);
  }
  // pdfkit cannot write a PDF without pages: an empty batch is one blank page.
  if (models.length === 0) doc.addPage();
  const range = doc.bufferedPageRange();
  const pages = range.start + range.count;
  return { bytes: await finish(doc), pages, documents };
}

export interface WorkerInput {
  models: DocumentModel[];
  title?: string;
  fonts: FontBytes;
}

export type WorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; result: BatchResult } | { type: 'failed'; message: string };

/**
 * A PDF worker's heap: its live data is the fonts' tables and one document's pages (each
 * document's pages are written out once numbered), so a cap keeps V8 from letting garbage pile up
 * to several times that before collecting — the difference between ~150 and ~70 MB a thread.
 */
export const PDF_WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 };

/**
 * The worker's entry point. Built, it is the compiled batchWorker.js beside this file; from
 * source (tests, `tsx` scripts) the worker compiles TypeScript through tsx, as its parent does.
 */
function spawn(input: WorkerInput): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./batchWorker.js', import.meta.url), { workerData: input, resourceLimits: PDF_WORKER_LIMITS });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./batchWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: input, resourceLimits: PDF_WORKER_LIMITS });
}

/** Renders the documents into one PDF on a worker thread. */
export function renderBatch(models: readonly DocumentModel[], options: BatchOptions = {}): Promise<BatchResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new BatchCancelled());
      return;
    }
    const worker = spawn({ models: [...models], title: options.title, fonts: fontBytes() });
    let settled = false;
    const settle = (then: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      then();
    };
    const abort = () => {
      settle(() => reject(new BatchCancelled()));
      void worker.terminate();
    };
    options.signal?.addEventListener('abort', abort, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        if (!settled) options.onProgress?.(message.done, message.total);
      } else if (message.type === 'done') settle(() => resolve(message.result));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the PDF batch worker stopped before it finished (exit code ${code})`))));
  });
}
