// Accountant export benchmarks (issue 9):
//   export.journal_1m_s      1,000,000 journal lines to CSV through exports.csv (count, worker
//                            thread, formatting, file), in a child process running the built
//                            backend; baseline: Debian's `sqlite3 -csv` running the same query
//                            into a file. Target ratio ≤ 3.
//   export.journal_1m_peak_mb  peak resident memory of that child process (backend open, worker
//                            and all). Target ≤ 200.
// The book is imported history (historyBook.ts): each paid invoice is six journal lines.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { datasetQuery } from '../../electron/core/exports/datasets.js';
import { addDays } from '../../shared/dates.js';
import { progress, report, significant } from './benchReport.js';
import { bulkWrite, openBook, row } from './historyBook.js';

const LINES = 1_000_000;
const FROM = '2020-01-01';
const TO = '2026-12-31';

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

  progress('exports: exporting the journal…');
  const child = spawnSync(process.execPath, [join('test', 'bench', 'exportsChild.mjs'), dataDir, folder, FROM, TO], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`the export child failed (${child.status})`);
  const measured = JSON.parse(child.stdout.trim()) as { seconds: number; rows: number; bytes: number; peakMb: number };
  progress(`exports: ${measured.rows} rows, ${measured.bytes} bytes in ${measured.seconds.toFixed(2)} s`);

  // The same query, its parameters written in, through the sqlite3 command-line shell.
  const sql = datasetQuery('journal').sql.replaceAll('@from', `'${FROM}'`).replaceAll('@to', `'${TO}'`);
  const shell = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  if (shell.error || shell.status !== 0) {
    process.stdout.write(`${JSON.stringify({ name: 'export.journal_1m_s', value: significant(measured.seconds), unit: 's', note: 'no baseline: sqlite3 is not on PATH (apt-get install sqlite3)' })}\n`);
  } else {
    const out = join(folder, 'sqlite3.csv');
    const start = performance.now();
    const run = spawnSync('sh', ['-c', `sqlite3 -csv -header "$0" "$1" > "$2"`, dbFile, sql, out], { stdio: ['ignore', 'ignore', 'inherit'] });
    const baseline = (performance.now() - start) / 1000;
    if (run.status !== 0) throw new Error(`sqlite3 failed (${run.status})`);
    progress(`exports: sqlite3 -csv wrote ${statSync(out).size} bytes in ${baseline.toFixed(2)} s`);
    report('export.journal_1m_s', 's', measured.seconds, baseline);
  }
  report('export.journal_1m_peak_mb', 'MB', measured.peakMb);
} finally {
  rmSync(folder, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
