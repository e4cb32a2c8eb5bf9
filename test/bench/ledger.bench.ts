// Ledger benchmarks (the billing issue):
//   payments.record_rate  100,000 payments through the ledger (recordPayment with no allocations
//                         named, so each pays its client's oldest open invoice), in a book of
//                         10,000 clients with 11 open invoices each, committed 1,000 to a
//                         transaction as an import of payments would; payments per second.
//   payments.record_dispatch_rate  the same through dispatch (payments.record), 2,000 calls, each
//                         its own transaction: with synchronous=FULL every commit waits for the
//                         disk, which bounds this rate, not the ledger.
//   reports.aging_ms      reports.aging through dispatch over a book of 1,000,000 invoices (50,000
//                         clients, 20 each over seven years, one in 25 still open); the median of
//                         five runs after a warm-up. Target ≤ 200 ms.
// Both books are imported history (historyBook.ts), so the ledger holds.
import { rmSync } from 'node:fs';
import { createAuditLog } from '../../electron/core/audit/auditLog.js';
import { createClientRepository } from '../../electron/core/clients/clientRepository.js';
import { createInvoiceStore } from '../../electron/core/billing/invoiceStore.js';
import { createJournal } from '../../electron/core/billing/journal.js';
import { createLedger } from '../../electron/core/billing/ledger.js';
import { createTaxRates } from '../../electron/core/billing/taxRates.js';
import { createSettings } from '../../electron/core/settings.js';
import { seededRandom } from '../../electron/core/demo/random.js';
import { addDays, addMonths } from '../../shared/dates.js';
import { median, progress, report } from './benchReport.js';
import { AT, bulkWrite, openBook, row, TODAY } from './historyBook.js';

async function recordRate(): Promise<void> {
  const CLIENTS = 10_000;
  const OPEN = 11;
  const PAYMENTS = 100_000;
  const THROUGH_DISPATCH = 2000;
  const PER_TRANSACTION = 1000;
  const { backend, dataDir } = await openBook();
  progress(`payments: writing ${CLIENTS * OPEN} open invoices…`);
  function* openInvoices() {
    for (let c = 0; c < CLIENTS; c += 1) for (let k = 0; k < OPEN; k += 1) yield row(c, `P-${c}-${k}`, addMonths('2025-11-01', k), 1299, null);
  }
  bulkWrite(backend, openInvoices(), CLIENTS * OPEN);
  const ids = backend.db.prepare<[], string>('SELECT id FROM clients ORDER BY seq').pluck().all();
  progress(`payments: ${THROUGH_DISPATCH} through dispatch…`);
  let start = performance.now();
  for (let i = 0; i < THROUGH_DISPATCH; i += 1) {
    const answer = await backend.dispatch('payments.record', { clientId: ids[i % CLIENTS], date: TODAY, amountMinor: 1299, method: 'card' });
    if (!answer.ok) throw new Error(`payments.record failed: ${answer.error.message}`);
  }
  const dispatchRate = THROUGH_DISPATCH / ((performance.now() - start) / 1000);

  progress(`payments: ${PAYMENTS} through the ledger…`);
  const db = backend.db;
  const clients = createClientRepository(db);
  const invoices = createInvoiceStore(db);
  const now = () => AT;
  const ledger = createLedger({
    db,
    invoices,
    journal: createJournal(db, now),
    taxRates: createTaxRates(db),
    settings: createSettings(db),
    audit: createAuditLog(db, { actor: () => 'bench', now: () => new Date(AT) }),
    now,
    today: () => TODAY,
    client: (id) => clients.get(id),
  });
  start = performance.now();
  for (let done = 0; done < PAYMENTS; done += PER_TRANSACTION) {
    db.transaction(() => {
      for (let i = done; i < done + PER_TRANSACTION; i += 1) ledger.recordPayment({ clientId: ids[(THROUGH_DISPATCH + i) % CLIENTS]!, date: TODAY, amountMinor: 1299, method: 'card' });
    })();
  }
  const ledgerRate = PAYMENTS / ((performance.now() - start) / 1000);
  const open = db.prepare("SELECT count(*) FROM invoices WHERE status = 'issued' AND open_minor > 0").pluck().get();
  if (open !== CLIENTS * OPEN - THROUGH_DISPATCH - PAYMENTS) throw new Error(`${open} invoices are open: the payments did not each pay one`);
  report('payments.record_rate', 'payments/s', ledgerRate);
  report('payments.record_dispatch_rate', 'payments/s', dispatchRate);
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}

async function agingMs(): Promise<void> {
  const CLIENTS = 50_000;
  const PER_CLIENT = 20;
  const INVOICES = CLIENTS * PER_CLIENT;
  const random = seededRandom(17);
  const { backend, dataDir } = await openBook();
  progress(`aging: writing ${INVOICES} invoices…`);
  // Each client's invoices over seven years, one every four months; one in 25 never settled (the
  // open ones fall in every bucket, most of them long overdue).
  function* history() {
    for (let c = 0; c < CLIENTS; c += 1) {
      for (let k = 0; k < PER_CLIENT; k += 1) {
        const invoiceDate = addDays(addMonths('2019-12-01', k * 4), random.int(0, 27));
        const settled = random.chance(0.04) ? null : addDays(invoiceDate, random.int(1, 40));
        yield row(c, `A-${c}-${k}`, invoiceDate, random.int(500, 50_000), settled && settled <= TODAY ? settled : null);
      }
    }
  }
  bulkWrite(backend, history(), INVOICES);
  const run = async () => {
    const answer = await backend.dispatch('reports.aging', { asOf: TODAY });
    if (!answer.ok) throw new Error(`reports.aging failed: ${answer.error.message}`);
  };
  await run();
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  report('reports.aging_ms', 'ms', median(times));
  backend.close();
  rmSync(dataDir, { recursive: true, force: true });
}

await recordRate();
await agingMs();
