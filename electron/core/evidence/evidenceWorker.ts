// The evidence bundle's worker thread (see evidenceThread.ts): the fonts come from the parent as
// shared bytes and are parsed once for the thread's life; jobs run one at a time in the order
// asked — the audit chain verified on a read-only connection of its own, the PDF laid out with
// each part reported and its bytes handed back without a copy.
import { parentPort, workerData } from 'node:worker_threads';
import { createAuditLog } from '../audit/auditLog.js';
import { openDatabase } from '../db/database.js';
import { useFontBytes } from '../documents/pdf/fonts.js';
import { renderBundlePdf } from './bundlePdf.js';
import type { EvidenceJob, EvidenceMessage, EvidenceRequest, EvidenceWorkerInput } from './evidenceThread.js';

useFontBytes((workerData as EvidenceWorkerInput).fonts);
const post = (message: EvidenceMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

async function run(id: number, job: EvidenceJob): Promise<void> {
  if (job.kind === 'verify') {
    const db = openDatabase(job.dbFile, { readonly: true, nativeBinding: job.nativeBinding });
    try {
      const result = createAuditLog(db, { actor: () => 'verifier', now: () => new Date() }).verify();
      post({ id, type: 'verified', audit: { ok: result.ok, checked: result.checked, brokenAt: result.brokenAt ?? null } });
    } finally {
      db.close();
    }
    return;
  }
  const result = await renderBundlePdf(job.pdf, (done) => post({ id, type: 'progress', done }));
  const own = result.bytes.byteOffset === 0 && result.bytes.byteLength === result.bytes.buffer.byteLength ? result.bytes : result.bytes.slice();
  post({ id, type: 'rendered', bytes: own, pages: result.pages }, [own.buffer as ArrayBuffer]);
}

let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', ({ id, job }: EvidenceRequest) => {
  queue = queue.then(() => run(id, job).catch((error: unknown) => post({ id, type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) })));
});
