// Batch printing in a worker thread: renders the letters (the fonts parsed once for the thread),
// then puts them and the archived documents chosen into one PDF. A cancel arrives as a flag in
// shared memory, read between documents; the backend's thread archives only a finished batch.
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchWorkerInput, BatchWorkerMessage } from './batch.js';
import { mergePdfs } from './pdfMerge.js';
import { render, type Rendered } from './render.js';

const input = workerData as BatchWorkerInput;
const post = (message: BatchWorkerMessage) => parentPort!.postMessage(message);

async function work(): Promise<BatchWorkerMessage> {
  const cancel = new Int32Array(input.cancel);
  const total = input.items.length + 1;
  const rendered: Array<Rendered | null> = [];
  const parts: Uint8Array[] = [];
  for (const [i, item] of input.items.entries()) {
    if (Atomics.load(cancel, 0) === 1) return { type: 'cancelled' };
    if (item.type === 'model') {
      // The logo travels once, not once per letter.
      const result = await render({ ...item.model, company: { ...item.model.company, logo: input.logo } });
      rendered.push(result);
      parts.push(result.bytes);
    } else {
      rendered.push(null);
      parts.push(item.bytes);
    }
    post({ type: 'progress', done: i + 1, total });
  }
  if (Atomics.load(cancel, 0) === 1) return { type: 'cancelled' };
  const merged = mergePdfs(parts, input.title);
  post({ type: 'progress', done: total, total });
  return { type: 'done', rendered, merged };
}

work().then(post, (error: unknown) => post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
