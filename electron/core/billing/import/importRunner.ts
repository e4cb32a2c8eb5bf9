// Where an import job runs. A large file goes to a worker thread with its own database connection
// (DESIGN §5), so the event loop that answers the windows stays free while it parses, checks and
// writes; a small one runs right here, since starting a worker costs more than the job.
import { Worker } from 'node:worker_threads';
import { ApiError } from '../../errors.js';
import { runJob, type JobEnv, type JobRequest, type Progress } from './historyJobs.js';
import type { WorkerMessage } from './importWorker.js';

function startWorker(workerData: { request: JobRequest; env: JobEnv }): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./importWorker.js', import.meta.url), { workerData });
  // Run from source (tests, tsx scripts): the worker loads its TypeScript through tsx, as its parent does.
  const entry = new URL('./importWorker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
  return new Worker(boot, { eval: true, workerData });
}

function runInWorker(request: JobRequest, env: JobEnv, progress: Progress): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ request, env });
    let answered = false;
    const answer = (settle: () => void) => {
      if (answered) return;
      answered = true;
      settle();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') progress(message.done, message.total);
      else if (message.type === 'done') answer(() => resolve(message.value));
      else if (message.type === 'failed') answer(() => reject(new ApiError(message.error.code, message.error.message, message.error.details)));
      else answer(() => reject(Object.assign(new Error(`import worker: ${message.message}`), { stack: message.stack })));
    });
    worker.on('error', (error) => answer(() => reject(error)));
    worker.on('exit', (code) => answer(() => reject(new Error(`the import worker stopped (exit code ${code}) before it answered`))));
  });
}

export async function runImportJob(request: JobRequest, env: JobEnv, options: { inWorker: boolean; progress: Progress }): Promise<unknown> {
  return options.inWorker ? runInWorker(request, env, options.progress) : runJob(request, env, options.progress);
}
