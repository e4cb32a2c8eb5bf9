// Risk benchmark (the payment risk issue):
//   risk.score_all_s  score every client of a book of 100,000 clients and 2,000,000 invoices (20
//                     monthly invoices each; per client a habit — on time, sometimes late, often
//                     late — and one in ten with invoices still open past due) as the recompute does:
//                     read the histories out of the ledger, compute the factors and the score, write
//                     the current score and the day's history point. Target ≤ 3 s. Baseline: one
//                     SQL aggregate pass over the same invoices (count, total, open, oldest due per
//                     client), the least any score over this history has to read.
// Shortcuts, to build the book in well under a minute: plain INSERTs in one transaction with
// foreign keys off — clients, invoices (no lines, no journal) and allocations (no payment rows):
// exactly the rows the score reads, not a book the ledger check would pass. Migration 009's
// triggers still keep each invoice's paid amount and settled day as its allocation is written.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, fixedClock, memoryPreferences, memorySecretStore, silentLogger } from '../../electron/core/index.js';
import { createRiskScores } from '../../electron/core/risk/riskScores.js';
import { addDays } from '../../shared/dates.js';
import { DEFAULT_MODEL } from '../../shared/risk/model.js';
import { seededRandom } from '../fixtures/riskBook.js';
import { progress, report, timeMs } from './benchReport.js';

const CLIENTS = 100_000;
const INVOICES_PER_CLIENT = 20;
const TODAY = '2026-11-26';
const AT = '2026-11-26T09:00:00.000Z';
const FIRST_ISSUE = '2025-03-01';

const dataDir = mkdtempSync(join(tmpdir(), 'hostledger-bench-risk-'));
const backend = await createBackend({ dataDir, clock: fixedClock(AT), prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger, actor: 'bench' });
const db = backend.db;
try {
  progress(`risk: writing ${CLIENTS} clients and ${CLIENTS * INVOICES_PER_CLIENT} invoices`);
  const built = await timeMs(() => {
    db.pragma('foreign_keys = OFF');
    const random = seededRandom(42);
    const client = db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES (?, ?, ?, 'en', 'USD', '[]', '[]', ?, ?)");
    const invoice = db.prepare(
      `INSERT INTO invoices (id, client_id, kind, status, issue_date, due_date, currency, tax_mode, net_minor, total_minor, open_minor, source, external_number, version, created_at, updated_at)
       VALUES (?, ?, 'invoice', 'issued', ?, ?, 'USD', 'exclusive', ?, ?, ?, 'import', ?, 2, ?, ?)`,
    );
    const allocation = db.prepare("INSERT INTO allocations (payment_id, invoice_id, amount_minor, date) VALUES ('pm_bench', ?, ?, ?)");
    const issueDates = Array.from({ length: INVOICES_PER_CLIENT }, (_, m) => addDays(FIRST_ISSUE, 30 * m));
    const dueDates = issueDates.map((d) => addDays(d, 14));
    db.transaction(() => {
      for (let c = 0; c < CLIENTS; c += 1) {
        const clientId = `cl_bench${String(c).padStart(8, '0')}`;
        client.run(clientId, `Client ${c}`, `client ${c}`, AT, AT);
        const lateness = [0.03, 0.2, 0.6][c % 3];
        const stopsPaying = c % 10 === 0 ? INVOICES_PER_CLIENT - 3 : INVOICES_PER_CLIENT;
        const amount = 1000 + Math.floor(random() * 20_000);
        for (let m = 0; m < INVOICES_PER_CLIENT; m += 1) {
          const invoiceId = `in_b${String(c * INVOICES_PER_CLIENT + m).padStart(9, '0')}`;
          const paid = m < stopsPaying && dueDates[m] < TODAY;
          invoice.run(invoiceId, clientId, issueDates[m], dueDates[m], amount, amount, paid ? 0 : amount, `B-${m}`, AT, AT);
          if (paid) allocation.run(invoiceId, amount, addDays(dueDates[m], random() < lateness ? 5 + Math.floor(random() * 40) : -3));
        }
      }
    })();
    db.pragma('foreign_keys = ON');
  });
  progress(`risk: book written in ${(built / 1000).toFixed(1)} s`);

  const scores = createRiskScores(db);
  const scoreAll = await timeMs(() => scores.scoreClients(DEFAULT_MODEL, TODAY, AT));
  const aggregate = await timeMs(() =>
    db
      .prepare(
        `SELECT client_id, count(*), sum(total_minor), sum(open_minor), min(CASE WHEN open_minor > 0 THEN due_date END)
         FROM invoices WHERE kind = 'invoice' AND status = 'issued' GROUP BY client_id`,
      )
      .all(),
  );
  const scored = db.prepare('SELECT count(*) FROM risk_scores').pluck().get();
  progress(`risk: ${String(scored)} clients scored`);
  report('risk.score_all_s', 's', scoreAll / 1000, aggregate / 1000);
} finally {
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
