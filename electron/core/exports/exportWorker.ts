// The worker thread of a large export (exportRunner.ts starts it): its own read-only connection,
// the rows streamed to the file, progress posted back, the cancel flag read from shared memory.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/database.js';
import { writeExport, type ExportRequest, type ExportOutcome } from './exportJob.js';

export interface ExportWorkerInput {
  dbFile: string;
  nativeBinding?: string;
  request: ExportRequest;
  /** One Int32: 1 once the export is to stop. */
  cancel: SharedArrayBuffer;
}

export type ExportWorkerMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; outcome: ExportOutcome } | { type: 'failed'; message: string; stack?: string };

const input = workerData as ExportWorkerInput;
const post = (message: ExportWorkerMessage) => parentPort!.postMessage(message);
const cancel = new Int32Array(input.cancel);

const db = openDatabase(input.dbFile, { nativeBinding: input.nativeBinding, readonly: true });
writeExport(db, input.request, { progress: (done, total) => post({ type: 'progress', done, total }), cancelled: () => Atomics.load(cancel, 0) === 1 }, true)
  .then((outcome) => post({ type: 'done', outcome }))
  .catch((error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined }))
  .finally(() => db.close());
