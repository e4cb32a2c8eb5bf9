// Accountant export benchmarks (issue 9):
//   export.journal_1m_s      1,000,000 journal lines to CSV through exports.csv (count, worker
//                            thread, formatting, file), in a child process running the built
//                            backend; baseline: Debian's `sqlite3 -csv` running the same query
//                            into a file. Medians of three runs each, taking turns. Target ratio ≤ 3.
//   export.journal_1m_peak_mb  peak resident memory of that child process (backend open, worker
//                            and all), the highest of the three. Target ≤ 200.
// The book is imported history (historyBook.ts): each paid invoice is six journal lines.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetQuery } from '../../electron/core/exports/datasets.js';
import { addDays } from '../../shared/dates.js';
import { median, progress, report, significant } from './benchReport.js';
import { bulkWrite, openBook, row } from './historyBook.js';

const LINES = 1_000_000;
const FROM = '2020-01-01';
const TO = '2026-12-31';
const RUNS = 3;

const { backend, dataDir } = await openBook();
const folder = mkdtempSync(join(tmpdir(), 'hostledger-bench-export-'));
try {
  const invoices = Math.ceil(LINES / 6);
  progress(`exports: writing ${invoices} paid invoices (${LINES} journal lines)…`);
  function* paid() {
    for (let n = 0; n < invoices; n += 1) {
      const date = addDays(FROM, n % 2500);
      yield row(n % 20_000, `J-${n}`, date, 1000 + (n % 9000), addDays(date, 10));
    }
  }
  bulkWrite(backend, paid(), invoices);
  const lines = backend.db.prepare<[], number>('SELECT count(*) FROM journal_lines').pluck().get()!;
  progress(`exports: ${lines} journal lines; building the backend…`);
  const dbFile = backend.dbFile;
  backend.close();
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });

  // Ours and the baseline take turns, three times each, and each reports its median: on a shared
  // machine the load changes from one minute to the next, and this way both see the same.
  const sql = datasetQuery('journal').sql.replaceAll('@from', `'${FROM}'`).replaceAll('@to', `'${TO}'`);
  const shell = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  const haveShell = !shell.error && shell.status === 0;
  const ours: number[] = [];
  const theirs: number[] = [];
  let peakMb = 0;
  for (let run = 1; run <= RUNS; run += 1) {
    const child = spawnSync(process.execPath, [join('test', 'bench', 'exportsChild.mjs'), dataDir, folder, FROM, TO], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`the export child failed (${child.status})`);
    const measured = JSON.parse(child.stdout.trim()) as { seconds: number; cpuSeconds: number; rows: number; bytes: number; peakMb: number };
    ours.push(measured.seconds);
    peakMb = Math.max(peakMb, measured.peakMb);
    progress(`exports: run ${run}: ${measured.rows} rows, ${measured.bytes} bytes in ${measured.seconds.toFixed(2)} s (CPU ${measured.cpuSeconds.toFixed(2)} s), peak ${measured.peakMb.toFixed(0)} MB`);
    if (!haveShell) continue;
    // The same query, its parameters written in, through the sqlite3 command-line shell.
    const out = join(folder, 'sqlite3.csv');
    const start = performance.now();
    // bash's `time` gives the shell's CPU seconds too (stderr), to compare with ours under load.
    const baseline = spawnSync('bash', ['-c', 'TIMEFORMAT=%U+%S; time sqlite3 -csv -header "$0" "$1" > "$2"', dbFile, sql, out], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    theirs.push((performance.now() - start) / 1000);
    if (baseline.status !== 0) throw new Error(`sqlite3 failed (${baseline.status})`);
    const cpu = baseline.stderr.trim().split('\n').at(-1)!.split('+').reduce((sum, part) => sum + Number(part), 0);
    progress(`exports: run ${run}: sqlite3 -csv wrote ${statSync(out).size} bytes in ${theirs.at(-1)!.toFixed(2)} s (CPU ${cpu.toFixed(2)} s)`);
  }
  if (haveShell) report('export.journal_1m_s', 's', median(ours), median(theirs));
  else process.stdout.write(`${JSON.stringify({ name: 'export.journal_1m_s', value: significant(median(ours)), unit: 's', note: 'no baseline: sqlite3 is not on PATH (apt-get install sqlite3)' })}\n`);
  report('export.journal_1m_peak_mb', 'MB', peakMb);
} finally {
  rmSync(folder, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
