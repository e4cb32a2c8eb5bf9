// The billing run in a worker thread: its own connection to the book (WAL lets the UI's thread
// read and write between the run's batches), the same services, and messages back to the
// backend's thread for progress, changes and the result. A cancel arrives as a flag in shared
// memory, read between batches.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/database.js';
import { ApiError } from '../../errors.js';
import { BATCH_ITEMS, previewBilling, runBilling } from './billingRun.js';
import { servicesOver } from './runServices.js';
import type { JobRequest, WorkerInput, WorkerMessage } from './runJobs.js';

const input = workerData as WorkerInput;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

async function work(request: JobRequest): Promise<unknown> {
  const db = openDatabase(input.dbFile, { nativeBinding: input.nativeBinding });
  try {
    // A bigger page cache (64 MiB) for this connection: a run touches many index pages once.
    db.pragma('cache_size = -65536');
    const services = servicesOver(db, { at: input.at, actor: input.actor, runDay: request.runDay });
    const cancel = new Int32Array(input.cancel);
    const hooks = {
      progress: (done: number, total: number) => post({ type: 'progress', done, total }),
      changed: (clientIds: readonly string[], contracts: readonly { id: string; clientId: string }[]) => post({ type: 'changed', clientIds: [...clientIds], contracts: [...contracts] }),
      cancelled: () => Atomics.load(cancel, 0) === 1,
      pause: () => Promise.resolve(),
    };
    const batchItems = BATCH_ITEMS.worker;
    return request.mode === 'run' ? await runBilling(services, { runDay: request.runDay, jobId: input.jobId, batchItems }, hooks) : await previewBilling(services, { ...request, batchItems }, hooks);
  } finally {
    db.close();
  }
}

work(input.request).then(
  (result) => post({ type: 'done', result }),
  (error: unknown) =>
    post({
      type: 'failed',
      // An ApiError is the caller's to read; anything else is logged by dispatch on the other side.
      error: error instanceof ApiError ? { code: error.code, message: error.message, details: error.details } : { message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    }),
);
