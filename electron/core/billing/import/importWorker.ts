// The worker thread of a large import: runs one job on its own connection and reports back
// (importRunner.ts starts it). Messages are plain objects: an ApiError's fields, not the class.
import { parentPort, workerData } from 'node:worker_threads';
import type { ApiErrorBody } from '../../../../shared/api/envelope.js';
import { ApiError } from '../../errors.js';
import { runJob, type JobEnv, type JobRequest } from './historyJobs.js';

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; error: ApiErrorBody & { code: ApiError['code'] } }
  | { type: 'crashed'; message: string; stack: string | undefined };

const { request, env } = workerData as { request: JobRequest; env: JobEnv };
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

try {
  post({ type: 'done', value: runJob(request, env, (done, total) => post({ type: 'progress', done, total })) });
} catch (error) {
  if (error instanceof ApiError) post({ type: 'failed', error: { code: error.code, message: error.message, details: error.details } });
  else post({ type: 'crashed', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
}
