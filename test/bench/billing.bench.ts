// Billing benchmark (the billing issue):
//   billing.daily_run_s  The daily billing run (billing.run through dispatch, worker thread and all)
//                        in a book with 25,000 active contracts and 1,000,000 historical invoices,
//                        on an ordinary day: yesterday's run finished, so today's renewals (about
//                        one contract in thirty: the monthly ones due in 14 days, and a few
//                        quarterly, half-yearly and yearly ones) and today's late fees are issued.
//                        Target ≤ 3 s. Baseline: the one SQL query selecting the due contracts.
//
// The history is written fast, with plain prepared statements in one transaction, and only as
// consistent as the run needs: every invoice is issued with a number of the invoice series (the
// counter continues after them), one line and its journal entry (receivable against revenue);
// payments are not written — a paid invoice simply has nothing open — so the ledger check would
// not hold on this book; no issued-invoice hashes or audit rows are written for the history. Each
// contract's current period is in `renewals`. One invoice in a hundred is still open, so the run
// has overdue invoices to look through for late fees.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DUE_CONTRACTS_SQL } from '../../electron/core/billing/run/dueWork.js';
import { createClientRepository, type ClientRecord } from '../../electron/core/clients/clientRepository.js';
import { seededRandom } from '../../electron/core/demo/random.js';
import { createBackend, fixedClock, memoryPreferences, memorySecretStore, silentLogger, type Backend } from '../../electron/core/index.js';
import { createContractRepository, type ContractRecord } from '../../electron/core/register/contractRepository.js';
import { ACCOUNTS } from '../../shared/billing/accounts.js';
import { addDays, addMonths } from '../../shared/dates.js';
import type { BillingCycle } from '../../shared/domain/billingCycle.js';
import { median, progress, report } from './benchReport.js';

const CLIENTS = 10_000;
const CONTRACTS = 25_000;
const HISTORY = 1_000_000;
const TODAY = '2026-11-26';
const AT = '2026-11-25T09:00:00.000Z';
const LEAD_DAYS = 14;

/** The mix of a reseller's book: mostly monthly hosting, some longer terms. */
const CYCLES: { cycle: BillingCycle; share: number; days: number }[] = [
  { cycle: 'monthly', share: 0.7, days: 30 },
  { cycle: 'quarterly', share: 0.1, days: 91 },
  { cycle: 'semiannual', share: 0.05, days: 182 },
  { cycle: 'annual', share: 0.15, days: 365 },
];

function makeClients(): ClientRecord[] {
  return Array.from({ length: CLIENTS }, (_, i) => ({
    id: `cl_${i.toString(36).padStart(16, '0')}`,
    name: `Client ${i}`,
    company: null,
    contactName: null,
    email: `billing${i}@example.com`,
    billingEmail: null,
    phone: null,
    address: null,
    country: 'US',
    taxId: null,
    language: i % 3 === 0 ? 'zh-CN' : 'en',
    currency: 'USD',
    channels: ['email'],
    notes: null,
    tags: [],
    taxRateId: null,
    taxExemptReason: null,
    prepay: false,
  }));
}

/** Due dates spread over each cycle from LEAD_DAYS on: yesterday's run invoiced everything before. */
function makeContracts(): ContractRecord[] {
  const random = seededRandom(5);
  return Array.from({ length: CONTRACTS }, (_, i) => {
    let pick = random.next();
    const { cycle, days } = CYCLES.find((c) => (pick -= c.share) < 0) ?? CYCLES[0]!;
    const nextDueDate = addDays(TODAY, LEAD_DAYS + (i % days));
    return {
      id: `ct_${i.toString(36).padStart(16, '0')}`,
      clientId: `cl_${(i % CLIENTS).toString(36).padStart(16, '0')}`,
      planId: null,
      kind: 'shared_hosting',
      label: `site${i}.example`,
      panelKind: 'cpanel',
      panelAccount: `u${i}`,
      priceMinor: 500 + random.int(0, 4000),
      currency: 'USD',
      cycle,
      pricingModel: 'fixed',
      tiers: null,
      unitLabel: null,
      startDate: addMonths(nextDueDate, -36),
      nextDueDate,
      endDate: null,
      expiresOn: null,
      autoRenew: true,
      termsText: null,
      termsVersion: null,
      signedDate: null,
      termReviewDate: null,
      notes: null,
      status: 'active',
      endReason: null,
    };
  });
}

function writeHistory(backend: Backend, clients: ClientRecord[], contracts: ContractRecord[]): void {
  const db = backend.db;
  const clientRepo = createClientRepository(db);
  const contractRepo = createContractRepository(db);
  const insertInvoice = db.prepare(
    `INSERT INTO invoices (id, client_id, kind, status, series, number, number_text, issue_date, due_date, currency, tax_mode, net_minor, tax_minor, total_minor, open_minor, source, created_at, updated_at)
     VALUES (?, ?, 'invoice', 'issued', 'invoice', ?, ?, ?, ?, 'USD', 'exclusive', ?, 0, ?, ?, 'renewal', ?, ?)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO invoice_lines (invoice_id, position, kind, description, contract_id, period_start, period_end, quantity_milli, unit_price_minor, tax_rate_bp, net_minor, tax_minor, total_minor)
     VALUES (?, 1, 'service', ?, ?, ?, ?, 1000, ?, 0, ?, 0, ?)`,
  );
  const insertEntry = db.prepare(`INSERT INTO journal_entries (id, date, kind, ref_type, ref_id, client_id, memo, created_at) VALUES (?, ?, 'invoice.issued', 'invoice', ?, ?, ?, ?)`);
  const insertJournalLine = db.prepare('INSERT INTO journal_lines (entry_id, account, client_id, currency, debit_minor, credit_minor) VALUES (?, ?, ?, ?, ?, ?)');
  const insertRenewal = db.prepare('INSERT INTO renewals (contract_id, period_start, period_end, invoice_id) VALUES (?, ?, ?, ?)');
  const perContract = HISTORY / CONTRACTS;
  // A bulk load of rows that reference each other by construction, not bookkeeping: no foreign-key
  // lookups, no write-ahead log or fsync while it runs, a large page cache.
  db.pragma('foreign_keys = OFF');
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  db.transaction(() => {
    for (const client of clients) clientRepo.insert(client, AT);
    for (const contract of contracts) contractRepo.insert(contract, { clientName: `Client ${contract.id}`, planName: null }, AT, 'bench');
    let number = 0;
    // Month by month, oldest first, so numbers follow dates as the run keeps them.
    for (let month = perContract; month >= 1; month -= 1) {
      for (const contract of contracts) {
        number += 1;
        const periodStart = addMonths(contract.nextDueDate, -month, Number(contract.nextDueDate.slice(8)));
        const periodEnd = addDays(addMonths(periodStart, 1, Number(contract.nextDueDate.slice(8))), -1);
        const issueDate = addDays(periodStart, -LEAD_DAYS);
        const id = `in_h${number.toString(36).padStart(12, '0')}`;
        const text = `INV-${issueDate.slice(0, 4)}-${String(number).padStart(7, '0')}`;
        const open = number % 100 === 0 ? contract.priceMinor : 0;
        // The line first: the triggers let no line join an issued invoice.
        insertLine.run(id, `${contract.label}, ${periodStart} – ${periodEnd}`, contract.id, periodStart, periodEnd, contract.priceMinor, contract.priceMinor, contract.priceMinor);
        insertInvoice.run(id, contract.clientId, number, text, issueDate, periodStart, contract.priceMinor, contract.priceMinor, open, AT, AT);
        const entry = `je_h${number.toString(36).padStart(12, '0')}`;
        insertEntry.run(entry, issueDate, id, contract.clientId, `Invoice ${text}`, AT);
        insertJournalLine.run(entry, ACCOUNTS.receivables, contract.clientId, 'USD', contract.priceMinor, 0);
        insertJournalLine.run(entry, ACCOUNTS.revenue, null, 'USD', 0, contract.priceMinor);
        if (month === 1) insertRenewal.run(contract.id, periodStart, periodEnd, id);
      }
      if (month % 10 === 0) progress(`history: ${number.toLocaleString('en')} invoices…`);
    }
    db.prepare(`UPDATE number_series SET next_number = ? WHERE series = 'invoice'`).run(number + 1);
    // Yesterday's run finished: today is an ordinary day, not a catch-up.
    db.prepare(`INSERT INTO billing_runs (id, run_date, started_at, finished_at, status) VALUES ('br_bench0000000000', ?, ?, ?, 'finished')`).run(addDays(TODAY, -1), AT, AT);
  })();
  // Back to how a book is opened (DESIGN §3) for the run.
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('cache_size = -2000');
}

const dataDir = mkdtempSync(join(tmpdir(), 'hostledger-bench-billing-'));
try {
  const backend = await createBackend({ dataDir, clock: fixedClock(`${TODAY}T09:00:00Z`), prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger, actor: 'bench' });
  backend.db.prepare(`INSERT INTO settings (key, value_json) VALUES ('timeZone', '"UTC"') ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json`).run();
  const settings = await backend.dispatch('billingSettings.update', {
    lateFee: { enabled: true, kind: 'fixed', fixedMinorByCurrency: { USD: 500 }, percentBp: 0, afterDays: 5, repeat: 'once', capMinorByCurrency: {} },
  });
  if (!settings.ok) throw new Error(settings.error.message);
  progress(`building ${CONTRACTS.toLocaleString('en')} contracts and ${HISTORY.toLocaleString('en')} historical invoices…`);
  const started = performance.now();
  writeHistory(backend, makeClients(), makeContracts());
  progress(`history written in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const dueQuery = backend.db.prepare(DUE_CONTRACTS_SQL);
  const queryTimes = Array.from({ length: 7 }, () => {
    const start = performance.now();
    dueQuery.all({ until: addDays(TODAY, LEAD_DAYS) });
    return performance.now() - start;
  });
  const due = dueQuery.all({ until: addDays(TODAY, LEAD_DAYS) }).length;

  let planned = 0;
  backend.subscribe((event) => {
    if (event.name === 'job.progress' && event.payload.done === 0 && !event.payload.finished) planned = performance.now();
  });
  const start = performance.now();
  const answer = await backend.dispatch('billing.run', {});
  const seconds = (performance.now() - start) / 1000;
  if (!answer.ok) throw new Error(`billing.run failed: ${answer.error.message}`);
  const { counts } = answer.value as { counts: { invoices: number; lateFees: number } };
  progress(`daily run: ${due} contracts due, ${counts.invoices} invoices and ${counts.lateFees} late fees in ${seconds.toFixed(2)} s (worker started and work planned after ${((planned - start) / 1000).toFixed(2)} s)`);
  report('billing.daily_run_s', 's', seconds, median(queryTimes) / 1000);
  backend.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
