// Batch printing: many letters (made now) and archived documents in one PDF, in a chosen order,
// with a register (CSV) of who got what on which pages. The letters are built on this thread (they
// read the book), rendered on worker threads (DESIGN §5), put together here (a copy of bytes, no
// layout), and archived only when the whole batch is done — a cancelled batch leaves nothing behind.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchResult, DocumentWarning } from '../../../shared/api/documents.js';
import type { ParsedInput } from '../../../shared/api/methods.js';
import type { BatchSortKey } from '../../../shared/documents/kinds.js';
import { documentTitle } from '../../../shared/documents/wording.js';
import type { Context } from '../context.js';
import { ApiError, conflict, invalidField, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { createArchive, type NewDocument } from './archive.js';
import { letterhead, recipientLine, recipientOf } from './builders/common.js';
import { prepareLetter, recordIssued, type IssueRecord } from './issue.js';
import type { DocumentModel } from './model.js';
import { mergePdfs } from './pdfMerge.js';
import type { Rendered } from './render.js';

export interface BatchWorkerInput {
  /** This worker's share of the letters, with their places in the batch. */
  letters: Array<{ index: number; model: DocumentModel }>;
  logo: Uint8Array | null;
  /** One Int32: 1 once the batch is to stop. */
  cancel: SharedArrayBuffer;
}

export type BatchWorkerMessage =
  | { type: 'progress'; done: number }
  | { type: 'done'; rendered: Array<{ index: number; result: Rendered }> }
  | { type: 'cancelled' }
  | { type: 'failed'; message: string };

const running = new WeakMap<Context, { jobId: string; cancel: Int32Array }>();

export function cancelBatch(ctx: Context, jobId?: string): { cancelled: boolean; jobId: string | null } {
  const batch = running.get(ctx);
  if (jobId !== undefined && batch?.jobId !== jobId) throw notFound('Batch job', jobId);
  if (!batch) return { cancelled: false, jobId: null };
  Atomics.store(batch.cancel, 0, 1);
  return { cancelled: true, jobId: batch.jobId };
}

/** Built, the compiled batchWorker.js beside this file; from source, through tsx like its parent. */
function spawn(input: BatchWorkerInput): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./batchWorker.js', import.meta.url), { workerData: input });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./batchWorker.ts', import.meta.url).href;
  return new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: input });
}

function inWorker(input: BatchWorkerInput, progress: (done: number) => void): Promise<BatchWorkerMessage> {
  return new Promise((resolve, reject) => {
    const worker = spawn(input);
    let settled = false;
    worker.on('message', (message: BatchWorkerMessage) => {
      if (message.type === 'progress') return progress(message.done);
      settled = true;
      if (message.type === 'failed') reject(new Error(message.message));
      else resolve(message);
      void worker.terminate();
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the batch printing worker stopped before it finished (exit code ${code})`));
    });
  });
}

/** Fewer letters than this per worker, and a second thread costs more than it saves. */
const LETTERS_PER_WORKER = 40;
/** Each worker parses the fonts for itself (about 130 MB with its letters): two halve the time and bound the memory. */
const MAX_WORKERS = 2;

/**
 * Renders the letters on up to two workers (the thread answering the UI only waits meanwhile),
 * each its share in turn; null when cancelled.
 */
async function renderLetters(letters: BatchWorkerInput['letters'], logo: Uint8Array | null, cancel: Int32Array, progress: (done: number) => void): Promise<Map<number, Rendered> | null> {
  if (letters.length === 0) return new Map();
  const workers = Math.max(1, Math.min(availableParallelism(), Math.ceil(letters.length / LETTERS_PER_WORKER), MAX_WORKERS));
  const shares = Array.from({ length: workers }, (_, w) => letters.filter((_, i) => i % workers === w));
  const done = shares.map(() => 0);
  const outcomes = await Promise.all(
    shares.map((share, w) =>
      inWorker({ letters: share, logo, cancel: cancel.buffer as SharedArrayBuffer }, (count) => {
        done[w] = count;
        progress(done.reduce((sum, n) => sum + n, 0));
      }),
    ),
  );
  if (outcomes.some((outcome) => outcome.type !== 'done')) return null;
  return new Map(outcomes.flatMap((outcome) => (outcome.type === 'done' ? outcome.rendered.map(({ index, result }) => [index, result] as const) : [])));
}

interface BatchItem {
  letter: (IssueRecord & { model: DocumentModel }) | null;
  archived: { id: string; bytes: Uint8Array; title: string; pages: number; sha256: string; clientId: string | null; kind: string } | null;
  clientId: string | null;
  clientName: string;
  sort: Record<BatchSortKey, string | number>;
  /** The client's currency: amounts owed are compared only within one. */
  currency: string;
}

/** Prefixes the fields of a refusal about one letter with where that letter is in the request. */
function within<T>(prefix: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ApiError && error.details?.fields) {
      const fields = error.details.fields.map((f) => ({ ...f, field: f.field === 'clientId' || f.field.startsWith('params.') ? `${prefix}.${f.field}` : f.field }));
      throw new ApiError(error.code, error.message, { ...error.details, fields });
    }
    throw error;
  }
}

function sortFields(ctx: Context, clientId: string | null): Pick<BatchItem, 'sort' | 'currency'> {
  const client = clientId ? ctx.clients.get(clientId) : null;
  const summary = client ? ctx.accounts.summary(client.id, ctx.today()) : null;
  return {
    sort: {
      client_name: client?.name.toLocaleLowerCase() ?? '',
      postcode: client?.address?.postalCode ?? '',
      address: client ? recipientLine(recipientOf(client)).toLocaleLowerCase() : '',
      amount: summary?.openMinor ?? 0,
      days_overdue: summary?.oldestOverdueDays ?? 0,
    },
    currency: client?.currency ?? '',
  };
}

const csvCell = (value: string | number) => {
  // A cell a spreadsheet would read as a formula is kept as text.
  const text = typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export async function runBatch(ctx: Context, input: ParsedInput<'documents.batch'>): Promise<BatchResult> {
  if (running.has(ctx)) throw conflict('A batch is being printed already: wait for it to finish or cancel it.', { jobId: running.get(ctx)!.jobId });
  const archive = createArchive(ctx.db);
  const head = input.letters.length > 0 ? letterhead(ctx, 'issue') : null;

  const items: BatchItem[] = [];
  input.letters.forEach((request, i) => {
    const prepared = within(`letters.${i}`, () => prepareLetter(ctx, request.clientId, request.kind, request.params, head!));
    items.push({ letter: { ...prepared.record, model: prepared.model }, archived: null, clientId: request.clientId, clientName: prepared.record.client.name, ...sortFields(ctx, request.clientId) });
  });
  input.documentIds.forEach((id, i) => {
    const document = archive.get(id);
    if (!document) throw invalidField({ field: `documentIds.${i}`, code: 'unknown_reference', message: 'That document is not in the archive.' });
    if (document.mime !== 'application/pdf') throw invalidField({ field: `documentIds.${i}`, code: 'not_allowed', message: 'A register is a CSV file: it cannot be printed in a batch.' });
    const bytes = archive.bytes(id);
    items.push({
      letter: null,
      archived: { id, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), title: document.title, pages: document.pages, sha256: document.sha256, clientId: document.clientId, kind: document.kind },
      clientId: document.clientId,
      clientName: document.clientName ?? '',
      ...sortFields(ctx, document.clientId),
    });
  });

  const key = input.sortBy;
  const direction = input.descending ? -1 : 1;
  // A stable sort: equal keys keep the order they were asked for in. Amounts owed in different
  // currencies are not compared: by amount, the letters go currency by currency (in code order).
  items.sort((a, b) => {
    if (key === 'amount' && a.currency !== b.currency) return a.currency.localeCompare(b.currency);
    const x = a.sort[key];
    const y = b.sort[key];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order * direction;
  });

  const jobId = newId('job');
  const cancel = new Int32Array(new SharedArrayBuffer(4));
  running.set(ctx, { jobId, cancel });
  const label = 'documents.batch';
  let last = { done: 0, total: items.length + 1 };
  ctx.events.emit('job.progress', { jobId, label, done: 0, total: last.total, finished: false });
  const today = ctx.today();
  const language = head ? items.find((item) => item.letter)?.letter?.client.language ?? 'en' : 'en';
  try {
    const letters = items.flatMap((item, index) => (item.letter ? [{ index, model: { ...item.letter.model, company: { ...item.letter.model.company, logo: null } } }] : []));
    const archivedCount = items.length - letters.length;
    const renderedByIndex = await renderLetters(letters, head?.company.logo ?? null, cancel, (done) => {
      last = { done: archivedCount + done, total: last.total };
      ctx.events.emit('job.progress', { jobId, label, done: last.done, total: last.total, finished: false });
    });
    if (!renderedByIndex || Atomics.load(cancel, 0) === 1) return { jobId, status: 'cancelled', batch: null, register: null, registerCsv: null, documents: 0, pages: 0, warnings: [] };
    const rendered = items.map((_, i) => renderedByIndex.get(i) ?? null);
    // Merging copies bytes, no layout: about half a second for 500 letters on a busy 2-core machine.
    const merged = mergePdfs(
      items.map((item, i) => (item.letter ? rendered[i]!.bytes : item.archived!.bytes)),
      documentTitle(language, 'batch', { count: items.length }),
    );
    last = { done: last.total, total: last.total };
    ctx.events.emit('job.progress', { jobId, label, done: last.done, total: last.total, finished: false });

    const warnings: DocumentWarning[] = rendered.flatMap((result, i) =>
      (result?.warnings ?? []).map((w) => ({ ...w, field: `${i + 1}:${w.field ?? ''}`, message: `${items[i]!.clientName}: ${w.message}` })),
    );
    return ctx.transaction(() => {
      const at = ctx.clock.now().toISOString();
      const batch = archive.add(
        {
          kind: 'batch',
          clientId: null,
          invoiceId: null,
          title: documentTitle(language, 'batch', { count: items.length }),
          language,
          templateVersion: null,
          batchId: null,
          sourceKey: null,
          mime: 'application/pdf',
          bytes: merged.bytes,
          pages: merged.pages,
          warnings,
        },
        at,
      );
      const rows: Array<Array<string | number>> = [['position', 'client', 'document_id', 'kind', 'title', 'first_page', 'pages', 'sha256']];
      items.forEach((item, i) => {
        const firstPage = merged.firstPages[i]!;
        if (item.letter) {
          const result = rendered[i]!;
          const record: IssueRecord = { ...item.letter, document: { ...item.letter.document, batchId: batch.id } };
          const document = recordIssued(ctx, record, result, 'printed');
          rows.push([i + 1, item.clientName, document.id, document.kind, document.title, firstPage, result.pages, document.sha256]);
        } else {
          const archived = item.archived!;
          // Printed again: the log says so, linked to the document as it was first issued.
          if (archived.clientId) {
            const client = ctx.clients.get(archived.clientId)!;
            archive.logCommunication(
              { clientId: client.id, channel: 'letter', status: 'printed', recipient: recipientLine(recipientOf(client)), kind: archived.kind, subject: archived.title, documentId: archived.id, contentSha256: archived.sha256 },
              at,
            );
          }
          rows.push([i + 1, item.clientName, archived.id, archived.kind, archived.title, firstPage, archived.pages, archived.sha256]);
        }
      });
      const csv = `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
      const registerDoc: NewDocument = {
        kind: 'batch_register',
        clientId: null,
        invoiceId: null,
        title: documentTitle(language, 'batch_register', { date: today }),
        language,
        templateVersion: null,
        batchId: batch.id,
        sourceKey: null,
        mime: 'text/csv',
        bytes: new TextEncoder().encode(csv),
        pages: 0,
        warnings: [],
      };
      const register = archive.add(registerDoc, at);
      ctx.audit.append({ action: 'documents.batch_printed', entity: 'document', entityId: batch.id, data: { documents: items.length, pages: merged.pages, register: register.id, sha256: batch.sha256 } });
      return { jobId, status: 'finished' as const, batch, register, registerCsv: csv, documents: items.length, pages: merged.pages, warnings };
    });
  } finally {
    running.delete(ctx);
    ctx.events.emit('job.progress', { jobId, label, done: last.done, total: last.total, finished: true });
  }
}
