// PDF benchmarks (the documents issue):
//   pdf.invoice_rate   2,000 one-page Chinese invoices (Noto Sans SC embedded as a subset), one
//                      worker thread per core, invoices per second. Baseline: the same 2,000
//                      invoices' texts written by pdfkit in its built-in Helvetica without layout,
//                      on the same cores — the library's own limit. Target ≥ 150/s on 2 cores.
//   pdf.invoice_cpu_ms CPU time per invoice in that run, all threads (rate on free cores ≈
//                      cores × 1000 ÷ this).
//   pdf.peak_rss_mb    the process's peak resident memory during that run (main thread and
//                      workers together). Target ≤ 300.
//   pdf.batch500_s     500 letters of every kind, both languages, into one PDF through renderBatch
//                      (worker start and font parsing included).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fontBytes, PDF_WORKER_LIMITS, renderBatch } from '../../electron/core/documents/pdf/index.js';
import { progress, report, timeMs } from './benchReport.js';
import { benchLetter } from './pdfBenchModels.js';

const INVOICES = 2_000;
const LETTERS = 500;
const CORES = Math.max(1, Math.min(2, availableParallelism()));

function worker(mode: 'cjk' | 'helvetica', from: number, to: number): Promise<void> {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./pdfBenchWorker.ts', import.meta.url).href;
  const thread = new Worker(`import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`, { eval: true, workerData: { mode, from, to, fonts: fontBytes() }, resourceLimits: PDF_WORKER_LIMITS });
  return new Promise((resolve, reject) => {
    thread.once('message', () => resolve());
    thread.once('error', reject);
    thread.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench worker exited with ${code}`))));
  });
}

/** Splits the invoices over one worker per core; resolves when all are written. */
function run(mode: 'cjk' | 'helvetica'): Promise<unknown> {
  const share = Math.ceil(INVOICES / CORES);
  return Promise.all(Array.from({ length: CORES }, (_, c) => worker(mode, c * share, Math.min(INVOICES, (c + 1) * share))));
}

progress(`pdf: ${INVOICES} invoices, Helvetica baseline, ${CORES} workers`);
const baselineMs = await timeMs(() => run('helvetica'));

progress(`pdf: ${INVOICES} invoices with Noto Sans SC, ${CORES} workers`);
let peak = process.memoryUsage.rss();
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
const cpu = process.cpuUsage();
const cjkMs = await timeMs(() => run('cjk'));
const cpuUsed = process.cpuUsage(cpu);
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage.rss());

report('pdf.invoice_rate', 'invoices/s', INVOICES / (cjkMs / 1000), INVOICES / (baselineMs / 1000));
report('pdf.peak_rss_mb', 'MB', peak / 1024 / 1024);
// CPU time per invoice over all threads (worker start and font parsing included): what the rate
// would be on cores of its own, when other work shares the machine during the run.
report('pdf.invoice_cpu_ms', 'ms', (cpuUsed.user + cpuUsed.system) / 1000 / INVOICES);

progress(`pdf: ${LETTERS} letters into one PDF`);
const letters = Array.from({ length: LETTERS }, (_, i) => benchLetter(i));
let pages = 0;
const batchMs = await timeMs(async () => {
  pages = (await renderBatch(letters)).pages;
});
progress(`pdf: batch of ${LETTERS} letters, ${pages} pages`);
report('pdf.batch500_s', 's', batchMs / 1000);
