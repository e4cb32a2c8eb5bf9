// Undoing an import: everything the batch wrote goes, and the clients it created unless something
// else now refers to them — but only while nothing outside the batch has touched its invoices and
// payments (a later payment, a credit note, a void, a dispute, a late fee, a plan, a bounce, a
// refund), and while the period lock does not cover its dates. Run by historyJobs.ts on a
// connection of its own, with foreign keys off: SQLite checks a deleted parent's children by
// scanning child columns that have no index (invoices.converted_invoice_id and others), once per
// deleted row, which for a large batch never ends. The checks below are what the keys would
// have guaranteed, made once per batch and inside the same write transaction.
import type { AuditLog } from '../../audit/auditLog.js';
import type { Db } from '../../db/database.js';
import { conflict, notFound } from '../../errors.js';
import { createSettings } from '../../settings.js';
import { IMPORTED_INVOICE_VERSION } from './historyWriter.js';

export interface BatchRow {
  id: string;
  kind: string;
  file_name: string | null;
  row_count: number;
  status: 'imported' | 'undone';
  created_at: string;
  undone_at: string | null;
}

export const toBatch = (row: BatchRow) => ({
  id: row.id,
  kind: row.kind,
  fileName: row.file_name,
  rowCount: row.row_count,
  status: row.status,
  createdAt: row.created_at,
  undoneAt: row.undone_at,
});

interface Touched {
  invoice: string;
  reason: string;
}

/** What outside the batch refers to its rows, worded for the person who asked to undo it. */
function touchedRows(db: Db, batchId: string): Touched[] {
  const b = { b: batchId, version: IMPORTED_INVOICE_VERSION };
  const queries: [string, (row: { number: string; detail: string | null }) => string][] = [
    [
      `SELECT i.external_number AS number, p.date AS detail FROM invoices i JOIN allocations a ON a.invoice_id = i.id JOIN payments p ON p.id = a.payment_id
       WHERE i.import_batch_id = @b AND p.import_batch_id IS NOT @b LIMIT 10`,
      (r) => `a payment of ${r.detail} recorded outside the import was applied to it`,
    ],
    [
      `SELECT i.external_number AS number, NULL AS detail FROM invoices i
       WHERE i.import_batch_id = @b AND (i.status <> 'issued' OR i.version <> @version
         OR EXISTS (SELECT 1 FROM invoices n WHERE n.credited_invoice_id = i.id)
         OR EXISTS (SELECT 1 FROM disputes d WHERE d.invoice_id = i.id)
         OR EXISTS (SELECT 1 FROM late_fees l WHERE l.invoice_id = i.id)
         OR EXISTS (SELECT 1 FROM plan_invoices pi WHERE pi.invoice_id = i.id)) LIMIT 10`,
      () => 'it has been changed since (credited, voided, disputed, charged a late fee or put in a payment plan)',
    ],
    [
      `SELECT i.external_number AS number, p.status AS detail FROM payments p JOIN allocations a ON a.payment_id = p.id JOIN invoices i ON i.id = a.invoice_id
       WHERE p.import_batch_id = @b AND (p.status <> 'received' OR a.reversed_date IS NOT NULL OR i.import_batch_id IS NOT @b
         OR EXISTS (SELECT 1 FROM refunds r WHERE r.payment_id = p.id)) LIMIT 10`,
      () => 'its imported payment has since bounced, been refunded or been applied elsewhere',
    ],
  ];
  return queries.flatMap(([sql, reason]) =>
    db
      .prepare<typeof b, { number: string; detail: string | null }>(sql)
      .all(b)
      .map((row) => ({ invoice: row.number, reason: reason(row) })),
  );
}

/** The clients the batch created, as its audit rows name them. */
function createdClients(db: Db, batchId: string): string[] {
  return db
    .prepare<[string], string>(`SELECT data_json FROM audit_log WHERE entity = 'import_batch' AND entity_id = ? AND action = 'import.rows_written' ORDER BY seq`)
    .pluck()
    .all(batchId)
    .flatMap((json) => (JSON.parse(json) as { clientsCreated: string[] }).clientsCreated);
}

/**
 * Deletes the batch's rows; then each client it created, unless that client was edited since or
 * anything else is now theirs. Call inside a write transaction on a connection with foreign keys off.
 */
export function removeBatch(db: Db, batchId: string) {
  const run = (sql: string) => db.prepare(sql).run({ b: batchId }).changes;
  run('DELETE FROM journal_lines WHERE entry_id IN (SELECT id FROM journal_entries WHERE import_batch_id = @b)');
  run('DELETE FROM journal_entries WHERE import_batch_id = @b');
  run('DELETE FROM allocations WHERE payment_id IN (SELECT id FROM payments WHERE import_batch_id = @b)');
  const paymentsRemoved = run('DELETE FROM payments WHERE import_batch_id = @b');
  run('DELETE FROM invoice_lines WHERE invoice_id IN (SELECT id FROM invoices WHERE import_batch_id = @b)');
  const invoicesRemoved = run('DELETE FROM invoices WHERE import_batch_id = @b');

  const claimed = db.prepare<[string], { seq: number; kept: 0 | 1 }>(
    `SELECT c.seq, (c.version > 1
       OR EXISTS (SELECT 1 FROM contracts WHERE client_id = c.id) OR EXISTS (SELECT 1 FROM invoices WHERE client_id = c.id)
       OR EXISTS (SELECT 1 FROM payments WHERE client_id = c.id) OR EXISTS (SELECT 1 FROM journal_entries WHERE client_id = c.id)
       OR EXISTS (SELECT 1 FROM promises WHERE client_id = c.id) OR EXISTS (SELECT 1 FROM payment_plans WHERE client_id = c.id)) AS kept
     FROM clients c WHERE c.id = ?`,
  );
  const deleteTerms = db.prepare('DELETE FROM client_search WHERE rowid = ?');
  const deleteClient = db.prepare('DELETE FROM clients WHERE id = ?');
  let clientsRemoved = 0;
  let clientsKept = 0;
  for (const id of createdClients(db, batchId)) {
    const client = claimed.get(id);
    if (!client) continue;
    if (client.kept) {
      clientsKept += 1;
      continue;
    }
    deleteTerms.run(client.seq);
    deleteClient.run(id);
    clientsRemoved += 1;
  }
  return { invoicesRemoved, paymentsRemoved, clientsRemoved, clientsKept };
}

export function undoBatch(db: Db, batchId: string, env: { at: string; audit: AuditLog }) {
  const batch = db.prepare<[string], BatchRow>('SELECT * FROM import_batches WHERE id = ?').get(batchId);
  if (!batch) throw notFound('Import', batchId);
  if (batch.status === 'undone') throw conflict(`That import was already undone on ${batch.undone_at}.`);
  const { lockDate } = createSettings(db).get('billing');
  const earliest = db.prepare<[string], string | null>('SELECT min(date) FROM journal_entries WHERE import_batch_id = ?').pluck().get(batchId);
  if (lockDate && earliest && earliest <= lockDate) {
    throw conflict(`The books are locked up to ${lockDate}, and this import has entries from ${earliest}: it can no longer be undone.`);
  }
  const touched = touchedRows(db, batchId);
  if (touched.length > 0) {
    const first = touched[0]!;
    throw conflict(`Imported invoice ${first.invoice} cannot be taken back: ${first.reason}. Undo that first.`, { conflicts: touched });
  }
  const removed = removeBatch(db, batchId);
  db.prepare(`UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?`).run(env.at, batchId);
  env.audit.append({ action: 'import.undone', entity: 'import_batch', entityId: batchId, data: removed });
  return { ...toBatch({ ...batch, status: 'undone', undone_at: env.at }), ...removed };
}
