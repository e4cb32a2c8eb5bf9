// The evidence bundle's PDF thread (DESIGN §5): the fonts come from the parent as shared bytes and
// are parsed once for the thread's life; each request is laid out in turn, each finished part is
// reported, and the bytes are handed back without a copy.
import { parentPort, workerData } from 'node:worker_threads';
import { useFontBytes } from '../documents/pdf/fonts.js';
import { renderBundlePdf, type PdfWorkerInput, type PdfWorkerMessage, type PdfWorkerRequest } from './bundlePdf.js';

useFontBytes((workerData as PdfWorkerInput).fonts);
const post = (message: PdfWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

// One at a time, in the order asked: a second bundle waits for the first rather than sharing the core.
let queue: Promise<void> = Promise.resolve();
parentPort!.on('message', ({ id, pdf }: PdfWorkerRequest) => {
  queue = queue.then(() =>
    renderBundlePdf(pdf, (done) => post({ id, type: 'progress', done })).then(
      (result) => {
        const own = result.bytes.byteOffset === 0 && result.bytes.byteLength === result.bytes.buffer.byteLength ? result.bytes : result.bytes.slice();
        post({ id, type: 'done', bytes: own, pages: result.pages }, [own.buffer as ArrayBuffer]);
      },
      (error: unknown) => post({ id, type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    ),
  );
});
