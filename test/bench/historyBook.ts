// A book of imported history for benchmarks, written with the history import's bulk path
// (import/historyWriter.ts): the same rows an import writes — invoices, lines, payments,
// allocations, journal — so the ledger holds. Used by the ledger and backup benchmarks.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditLog } from '../../electron/core/audit/auditLog.js';
import type { HistoryRow } from '../../electron/core/billing/import/historyRows.js';
import { createHistoryWriter } from '../../electron/core/billing/import/historyWriter.js';
import { createBackend, fixedClock, memoryPreferences, memorySecretStore, silentLogger, type Backend } from '../../electron/core/index.js';
import { addDays } from '../../shared/dates.js';
import { progress } from './benchReport.js';

export const TODAY = '2026-11-26';
export const AT = '2026-11-26T09:00:00.000Z';
const CHUNK = 20_000;

export async function openBook(): Promise<{ backend: Backend; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hostledger-bench-ledger-'));
  const backend = await createBackend({ dataDir, clock: fixedClock(AT), prefs: memoryPreferences(), secrets: memorySecretStore(), logger: silentLogger, actor: 'bench' });
  return { backend, dataDir };
}

/** Writes `rows` (customer ids become clients) as one import batch, in transactions of CHUNK rows. */
export function bulkWrite(backend: Backend, rows: Iterable<HistoryRow>, total: number): void {
  const db = backend.db;
  const audit = createAuditLog(db, { actor: () => 'bench', now: () => new Date(AT) });
  const writer = createHistoryWriter(db, { batchId: 'ib_benchbenchbench0', at: AT, taxMode: 'exclusive', audit });
  db.prepare(`INSERT INTO import_batches (id, kind, row_count, status, created_at) VALUES ('ib_benchbenchbench0', 'history', ?, 'imported', ?)`).run(total, AT);
  const clientIds = new Map<string, string>();
  let chunk: HistoryRow[] = [];
  const flush = () => {
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      const missing = [...new Set(chunk.map((r) => r.customerId).filter((c) => !clientIds.has(c)))];
      for (const [customerId, id] of writer.createClients(missing, 'USD')) clientIds.set(customerId, id);
      writer.writeRows(chunk.map((r) => ({ ...r, clientId: clientIds.get(r.customerId)! })));
    })();
    chunk = [];
  };
  let written = 0;
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length === CHUNK) {
      flush();
      written += CHUNK;
      if (written % 200_000 === 0) progress(`  ${written} of ${total} invoices written`);
    }
  }
  if (chunk.length > 0) flush();
}

export function row(customer: number, invoice: string, invoiceDate: string, amountMinor: number, settledDate: string | null): HistoryRow {
  return {
    row: 0,
    customerId: `C${String(customer).padStart(6, '0')}`,
    clientId: null,
    currency: 'USD',
    invoiceId: invoice,
    invoiceDate,
    dueDate: addDays(invoiceDate, 14),
    amountMinor,
    settledDate,
    paidMinor: settledDate ? amountMinor : 0,
    method: 'bank_transfer',
    reference: null,
    disputed: false,
  };
}
