// The batch layout on its worker thread: fonts parsed once for the thread, the documents laid out
// in order, progress after each, the bytes handed back without a copy.
import { parentPort, workerData } from 'node:worker_threads';
import { renderBatchHere, type WorkerInput, type WorkerMessage } from './batch.js';
import { loadFonts, useFontBytes } from './fonts.js';

const input = workerData as WorkerInput;
useFontBytes(input.fonts);
const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

renderBatchHere(input.models, loadFonts(), { title: input.title, progress: (done, total) => post({ type: 'progress', done, total }) }).then(
  (result) => {
    // Handed over, not copied; a view into a shared pool buffer is copied out first.
    const own = result.bytes.byteOffset === 0 && result.bytes.byteLength === result.bytes.buffer.byteLength ? result.bytes : result.bytes.slice();
    post({ type: 'done', result: { ...result, bytes: own } }, [own.buffer as ArrayBuffer]);
  },
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
