// Arrears ladder benchmark (issue 8):
//   dunning.evaluate_s  load the ladder's state as of today and evaluate it, as the desk and the
//                       run do, for 25,000 contracts in a book with 1,000,000 invoices (40 monthly
//                       invoices per contract, one line each naming it; every contract's latest
//                       invoice open, one in five contracts two to four months behind; on nine
//                       contracts in ten the ladder has run daily, so their past rungs are
//                       recorded, the tenth never laddered (catch-up); one in fifty clients with a
//                       promise to pay; clients scored into bands). Target ≤ 2 s. Baseline: one SQL aggregate pass
//                       over the open invoices (count, open amount, oldest due date per client).
//   dunning.desk_s      the whole dunning.desk call on that book: state, evaluation, and the lines
//                       with names and warnings, through dispatch. No baseline.
// Shortcuts, to build the book in well under a minute: plain INSERTs in one transaction with
// foreign keys off — clients, contracts, invoices with one line each, rungs, promises, scores: the
// rows the ladder reads, not a book the ledger check would pass.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackend, fixedClock, memoryPreferences, memorySecretStore, silentLogger } from '../../electron/core/index.js';
import type { Context } from '../../electron/core/context.js';
import { loadLadderState } from '../../electron/core/ladder/loadLadderState.js';
import { addDays } from '../../shared/dates.js';
import { evaluateLadder } from '../../shared/ladder/evaluate.js';
import { DEFAULT_POLICY } from '../../shared/ladder/policy.js';
import { seededRandom } from '../fixtures/riskBook.js';
import { progress, report, timeMs } from './benchReport.js';

const CONTRACTS = 25_000;
const INVOICES_PER_CONTRACT = 40;
const CONTRACTS_PER_CLIENT = 2;
const TODAY = '2026-11-26';
const AT = '2026-11-26T09:00:00.000Z';
const BANDS = ['low', 'medium', 'high', 'critical'] as const;

const dataDir = mkdtempSync(join(tmpdir(), 'hostledger-bench-dunning-'));
const backend = await createBackend({ dataDir, clock: fixedClock(AT), prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger, actor: 'bench' });
const db = backend.db;
try {
  db.prepare(`INSERT INTO settings (key, value_json) VALUES ('timeZone', '"UTC"') ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`).run();
  progress(`dunning: writing ${CONTRACTS} contracts and ${CONTRACTS * INVOICES_PER_CONTRACT} invoices`);
  const built = await timeMs(() => {
    db.pragma('foreign_keys = OFF');
    const random = seededRandom(8);
    const client = db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES (?, ?, ?, 'en', 'USD', ?, ?, ?, ?)");
    const contract = db.prepare(
      `INSERT INTO contracts (id, client_id, kind, label, panel_kind, price_minor, currency, cycle, pricing_model, start_date, next_due_date, auto_renew, status, created_at, updated_at)
       VALUES (?, ?, 'shared_hosting', ?, 'cpanel', ?, 'USD', 'monthly', 'fixed', ?, ?, 1, 'active', ?, ?)`,
    );
    const invoice = db.prepare(
      `INSERT INTO invoices (id, client_id, kind, status, series, number, number_text, issue_date, due_date, currency, tax_mode, net_minor, total_minor, open_minor, source, version, created_at, updated_at)
       VALUES (?, ?, 'invoice', 'issued', 'invoice', ?, ?, ?, ?, 'USD', 'exclusive', ?, ?, ?, 'renewal', 2, ?, ?)`,
    );
    const line = db.prepare(
      `INSERT INTO invoice_lines (invoice_id, position, kind, description, contract_id, quantity_milli, unit_price_minor, tax_rate_bp, net_minor, tax_minor, total_minor)
       VALUES (?, 1, 'service', 'Hosting', ?, 1000, ?, 0, ?, 0, ?)`,
    );
    const rung = db.prepare("INSERT INTO dunning_rungs (invoice_id, step_key, client_id, policy_id, state, scheduled_on, done_on, updated_at) VALUES (?, ?, ?, 'dp_standard0', 'done', ?, ?, ?)");
    const promise = db.prepare("INSERT INTO promises (id, client_id, made_date, promised_date, amount_minor, currency, status) VALUES (?, ?, ?, ?, 1000, 'USD', 'open')");
    const score = db.prepare("INSERT INTO risk_scores (client_id, score, band, scored_on, scored_at) VALUES (?, ?, ?, ?, ?)");
    const firstIssue = addDays(TODAY, -30 * INVOICES_PER_CONTRACT + 20);
    let number = 0;
    db.transaction(() => {
      for (let k = 0; k < CONTRACTS; k += 1) {
        const c = Math.floor(k / CONTRACTS_PER_CLIENT);
        const clientId = `cl_bench${String(c).padStart(8, '0')}`;
        if (k % CONTRACTS_PER_CLIENT === 0) {
          client.run(clientId, `Client ${c}`, `client ${c}`, JSON.stringify(c % 7 === 0 ? ['email', 'letter'] : ['email']), JSON.stringify(c % 11 === 0 ? ['vip'] : []), AT, AT);
          score.run(clientId, 10 + (c % 90), BANDS[c % 4]!, TODAY, AT);
          if (c % 50 === 0) promise.run(`pr_bench${String(c).padStart(8, '0')}`, clientId, addDays(TODAY, -3), addDays(TODAY, 4));
        }
        const contractId = `ct_bench${String(k).padStart(8, '0')}`;
        const price = 1000 + Math.floor(random() * 9_000);
        // The day of the month each contract renews on spreads the latest due dates over a month.
        const shift = k % 30;
        contract.run(contractId, clientId, `site${k}.example`, price, addDays(firstIssue, shift), addDays(TODAY, shift + 5), AT, AT);
        const behind = k % 5 === 0 ? 2 + (k % 3) : 1;
        for (let m = 0; m < INVOICES_PER_CONTRACT; m += 1) {
          number += 1;
          const invoiceId = `in_b${String(number).padStart(9, '0')}`;
          const issueDate = addDays(firstIssue, 30 * m + shift - 30);
          const dueDate = addDays(issueDate, 14);
          const open = m >= INVOICES_PER_CONTRACT - behind;
          // The line first: the trigger that freezes an issued invoice's lines finds no invoice yet.
          line.run(invoiceId, contractId, price, price, price);
          invoice.run(invoiceId, clientId, number, `INV-${number}`, issueDate, dueDate, price, price, open ? price : 0, AT, AT);
          // Nine contracts in ten have had the ladder run daily: every step whose day has come is
          // recorded. The tenth has never been laddered (a first run's catch-up).
          if (open && k % 10 !== 0) {
            for (const step of DEFAULT_POLICY.steps) {
              const day = addDays(dueDate, step.offsetDays);
              if (day < TODAY) rung.run(invoiceId, step.key, clientId, day, day, AT);
            }
          }
        }
      }
    })();
    db.pragma('foreign_keys = ON');
  });
  const open = db.prepare("SELECT count(*) FROM invoices WHERE status = 'issued' AND open_minor > 0").pluck().get();
  progress(`dunning: book written in ${(built / 1000).toFixed(1)} s; ${String(open)} invoices open`);
  db.pragma('optimize');

  // The loader reads through the book's connection and the arrangement queries over it.
  const ctx = { db } as unknown as Context;
  let lines = 0;
  let loaded = 0;
  // CPU time of this thread too (SQLite works on it): on a machine shared with other work, close
  // to what the wall clock would say on an idle one.
  const cpuBefore = process.cpuUsage();
  const evaluate = await timeMs(async () => {
    let state: ReturnType<typeof loadLadderState> | null = null;
    loaded = await timeMs(() => (state = loadLadderState(ctx, TODAY)));
    lines = evaluateLadder(state!).lines.length;
  });
  const aggregate = await timeMs(() =>
    db.prepare("SELECT client_id, count(*), sum(open_minor), min(due_date) FROM invoices WHERE status = 'issued' AND open_minor > 0 GROUP BY client_id").all(),
  );
  const cpu = process.cpuUsage(cpuBefore);
  progress(`dunning: ${lines} ladder lines; loading the state took ${(loaded / 1000).toFixed(2)} s of ${(evaluate / 1000).toFixed(2)} s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`);
  report('dunning.evaluate_s', 's', evaluate / 1000, aggregate / 1000);

  let deskLines = 0;
  const desk = await timeMs(async () => {
    const answer = await backend.dispatch('dunning.desk', {});
    if (!answer.ok) throw new Error(answer.error.message);
    deskLines = (answer.value as { lines: unknown[] }).lines.length;
  });
  progress(`dunning: the desk lists ${deskLines} lines`);
  report('dunning.desk_s', 's', desk / 1000);
} finally {
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}
