// Dashboard benchmark (the reports issue):
//   dashboard.data_ms  every dashboard figure through dispatch (`dashboard.data`, as of today) over
//                      a book of 1,000,000 invoices (50,000 clients, 20 each over seven years, one
//                      in 25 still open), each client with a live contract and a risk score, and a
//                      ladder rung on every other overdue invoice; the median of five runs after a
//                      warm-up. Baseline: one plain SQL pass over the invoices (count and sums per
//                      currency). Target ≤ 300 ms.
import { rmSync } from 'node:fs';
import { seededRandom } from '../../electron/core/demo/random.js';
import type { Output } from '../../shared/api/methods.js';
import { addDays, addMonths } from '../../shared/dates.js';
import { median, progress, report } from './benchReport.js';
import { AT, bulkWrite, openBook, row, TODAY } from './historyBook.js';

const CLIENTS = 50_000;
const PER_CLIENT = 20;
const INVOICES = CLIENTS * PER_CLIENT;
const CYCLES = ['monthly', 'quarterly', 'semiannual', 'annual', 'biennial'] as const;
const BANDS = [
  [25, 'low'],
  [50, 'medium'],
  [75, 'high'],
  [101, 'critical'],
] as const;

const random = seededRandom(23);
const { backend, dataDir } = await openBook();
progress(`dashboard: writing ${INVOICES} invoices…`);
function* history() {
  for (let c = 0; c < CLIENTS; c += 1) {
    for (let k = 0; k < PER_CLIENT; k += 1) {
      const invoiceDate = addDays(addMonths('2019-12-01', k * 4), random.int(0, 27));
      const settled = random.chance(0.04) ? null : addDays(invoiceDate, random.int(1, 40));
      yield row(c, `D-${c}-${k}`, invoiceDate, random.int(500, 50_000), settled && settled <= TODAY ? settled : null);
    }
  }
}
bulkWrite(backend, history(), INVOICES);

progress('dashboard: contracts, risk scores and ladder rungs…');
const db = backend.db;
db.transaction(() => {
  const clients = db.prepare<[], string>('SELECT id FROM clients ORDER BY seq').pluck().all();
  const contract = db.prepare(
    `INSERT INTO contracts (id, client_id, kind, label, panel_kind, price_minor, currency, cycle, pricing_model, start_date, next_due_date, auto_renew, status, created_at, updated_at)
     VALUES (?, ?, 'shared_hosting', ?, 'none', ?, 'USD', ?, 'fixed', ?, ?, 1, ?, ?, ?)`,
  );
  const score = db.prepare("INSERT INTO risk_scores (client_id, score, band, scored_on, scored_at) VALUES (?, ?, ?, ?, ?)");
  clients.forEach((clientId, i) => {
    const start = addDays('2019-01-01', random.int(0, 2800));
    contract.run(`ct_bench${String(i).padStart(8, '0')}`, clientId, `site${i}.example`, random.int(500, 20_000), CYCLES[i % CYCLES.length], start, addDays(TODAY, random.int(1, 60)), random.chance(0.9) ? 'active' : 'terminated', AT, AT);
    const value = random.int(0, 100);
    score.run(clientId, value, BANDS.find(([limit]) => value < limit)![1], TODAY, AT);
  });
  const overdue = db.prepare<[string], { id: string; client_id: string; due_date: string }>("SELECT id, client_id, due_date FROM invoices WHERE status = 'issued' AND open_minor > 0 AND due_date < ?").all(TODAY);
  const rung = db.prepare("INSERT INTO dunning_rungs (invoice_id, step_key, client_id, policy_id, state, scheduled_on, done_on, updated_at) VALUES (?, ?, ?, 'dp_standard0', 'done', ?, ?, ?)");
  overdue.forEach((invoice, i) => {
    if (i % 2 === 0) rung.run(invoice.id, i % 4 === 0 ? 'first_notice' : 'final_notice', invoice.client_id, addDays(invoice.due_date, 1), addDays(invoice.due_date, 1), AT);
  });
})();
db.pragma('optimize');

const run = async () => {
  const answer = await backend.dispatch('dashboard.data', { asOf: TODAY });
  if (!answer.ok) throw new Error(`dashboard.data failed: ${answer.error.message}`);
  const data = answer.value as Output<'dashboard.data'>;
  if (data.aging.over90 === 0 || data.mrrMinor === 0) throw new Error('the dashboard found no arrears or no MRR: the book was not written');
};
const baseline = () => db.prepare('SELECT currency, count(*), sum(total_minor), sum(open_minor) FROM invoices GROUP BY currency').all();
await run();
baseline();
const times: number[] = [];
const plain: number[] = [];
for (let i = 0; i < 5; i += 1) {
  let start = performance.now();
  await run();
  times.push(performance.now() - start);
  start = performance.now();
  baseline();
  plain.push(performance.now() - start);
}
report('dashboard.data_ms', 'ms', median(times), median(plain));
backend.close();
rmSync(dataDir, { recursive: true, force: true });
