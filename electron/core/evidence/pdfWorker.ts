// The evidence bundle's PDF layout on its worker thread (DESIGN §5): the fonts come from the parent
// as shared bytes, each finished section is reported, and the bytes are handed back without a copy.
import { parentPort, workerData } from 'node:worker_threads';
import { useFontBytes } from '../documents/pdf/fonts.js';
import { renderBundlePdf, type PdfWorkerInput, type PdfWorkerMessage } from './bundlePdf.js';

const input = workerData as PdfWorkerInput;
useFontBytes(input.fonts);
const post = (message: PdfWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

renderBundlePdf(input.pdf, (done) => post({ type: 'progress', done })).then(
  (result) => {
    const own = result.bytes.byteOffset === 0 && result.bytes.byteLength === result.bytes.buffer.byteLength ? result.bytes : result.bytes.slice();
    post({ type: 'done', bytes: own, pages: result.pages }, [own.buffer as ArrayBuffer]);
  },
  (error: unknown) => post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
