// Backup benchmark (the data-safety issue):
//   backup.verified_s  "Back up now" (backups.create through dispatch: SQLite's online backup, then
//                      integrity_check and the contents read back in a worker) of a book with
//                      1,000,000 invoices (imported history, so payments, allocations and the
//                      journal are there too). Baseline: copying the same database file with
//                      the operating system (copyFileSync), unverified — the floor for any copy.
import { copyFileSync, rmSync, statSync } from 'node:fs';
import { seededRandom } from '../../electron/core/demo/random.js';
import type { Output } from '../../shared/api/methods.js';
import { addDays, addMonths } from '../../shared/dates.js';
import { progress, report } from './benchReport.js';
import { bulkWrite, openBook, row, TODAY } from './historyBook.js';

const CLIENTS = 50_000;
const PER_CLIENT = 20;
const INVOICES = CLIENTS * PER_CLIENT;

const random = seededRandom(23);
const { backend, dataDir } = await openBook();
progress(`backup: writing ${INVOICES} invoices…`);
function* history() {
  for (let c = 0; c < CLIENTS; c += 1) {
    for (let k = 0; k < PER_CLIENT; k += 1) {
      const invoiceDate = addDays(addMonths('2019-12-01', k * 4), random.int(0, 27));
      const settled = random.chance(0.04) ? null : addDays(invoiceDate, random.int(1, 40));
      yield row(c, `B-${c}-${k}`, invoiceDate, random.int(500, 50_000), settled && settled <= TODAY ? settled : null);
    }
  }
}
bulkWrite(backend, history(), INVOICES);
backend.db.pragma('wal_checkpoint(TRUNCATE)');
const sizeMb = statSync(backend.dbFile).size / 1_048_576;

progress(`backup: copying the ${sizeMb.toFixed(0)} MB file as a baseline…`);
let start = performance.now();
copyFileSync(backend.dbFile, `${backend.dbFile}.copy`);
const copySeconds = (performance.now() - start) / 1000;
rmSync(`${backend.dbFile}.copy`);

progress('backup: backing up and verifying…');
start = performance.now();
const answer = await backend.dispatch('backups.create', {});
const backupSeconds = (performance.now() - start) / 1000;
if (!answer.ok) throw new Error(`backups.create failed: ${answer.error.message}`);
const { backup } = answer.value as Output<'backups.create'>;
if (!backup.verified || backup.contents?.invoices !== INVOICES) throw new Error('the backup does not hold the book');

report('backup.verified_s', 's', backupSeconds, copySeconds);
backend.close();
rmSync(dataDir, { recursive: true, force: true });
