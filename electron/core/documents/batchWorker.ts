// Batch printing in a worker thread: renders its share of the letters (the fonts parsed once for
// the thread). A cancel arrives as a flag in shared memory, read between letters; the backend's
// thread merges and archives only a finished batch.
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchWorkerInput, BatchWorkerMessage } from './batch.js';
import { render, type Rendered } from './render.js';

const input = workerData as BatchWorkerInput;
const post = (message: BatchWorkerMessage) => parentPort!.postMessage(message);

async function work(): Promise<BatchWorkerMessage> {
  const cancel = new Int32Array(input.cancel);
  const rendered: Array<{ index: number; result: Rendered }> = [];
  for (const { index, model } of input.letters) {
    if (Atomics.load(cancel, 0) === 1) return { type: 'cancelled' };
    // The logo travels once per worker, not once per letter.
    rendered.push({ index, result: await render({ ...model, company: { ...model.company, logo: input.logo } }) });
    post({ type: 'progress', done: rendered.length });
  }
  return { type: 'done', rendered };
}

work().then(post, (error: unknown) => post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
