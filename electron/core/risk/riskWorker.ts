// A risk job in a worker thread: its own connection to the book (WAL lets the UI's thread read and
// write meanwhile), progress and the result posted back; a cancel arrives as a flag in shared memory.
import { parentPort, workerData } from 'node:worker_threads';
import { createAuditLog } from '../audit/auditLog.js';
import { openDatabase } from '../db/database.js';
import { runRiskJob } from './recompute.js';
import type { RiskWorkerInput, RiskWorkerMessage } from './riskJobs.js';

const input = workerData as RiskWorkerInput;
const post = (message: RiskWorkerMessage) => parentPort!.postMessage(message);

try {
  const db = openDatabase(input.dbFile, { nativeBinding: input.nativeBinding });
  try {
    db.pragma('cache_size = -65536'); // a whole-book pass touches many pages once
    const cancel = new Int32Array(input.cancel);
    const audit = createAuditLog(db, { actor: () => input.actor, now: () => new Date(input.at) });
    const result = runRiskJob(input.request, { db, audit, today: input.today, at: input.at }, { progress: (done, total) => post({ type: 'progress', done, total }), cancelled: () => Atomics.load(cancel, 0) === 1 });
    post({ type: 'done', result });
  } finally {
    db.close();
  }
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
}
