// The import's three jobs — preview, commit, undo — each on a database connection of its own, so
// the same code runs in a worker thread (large files) or in the caller's thread (small ones).
// A commit writes in transactions of CHUNK_ROWS rows, each BEGIN IMMEDIATE so it waits its turn
// behind the app's own writes instead of failing, and reports progress after each.
import type { RowError } from '../../../../shared/api/imports.js';
import { createAuditLog } from '../../audit/auditLog.js';
import { openDatabase, type Db } from '../../db/database.js';
import { ApiError, conflict } from '../../errors.js';
import { createSettings } from '../../settings.js';
import { planImport, summarize, type ImportPlan } from './historyPlan.js';
import type { HistoryRow } from './historyRows.js';
import { removeBatch, toBatch, undoBatch } from './historyUndo.js';
import { createHistoryWriter, type WrittenRow } from './historyWriter.js';

/** Rows per transaction: short enough that a window's own write waits well under a second. */
export const CHUNK_ROWS = 2000;

export interface JobEnv {
  dbFile: string;
  nativeBinding?: string;
  /** The moment the job was asked for (ISO), and that day in the book's time zone. */
  at: string;
  today: string;
  actor: string;
}

export type JobRequest =
  | { kind: 'preview'; csv: string; createMissingClients: boolean }
  | { kind: 'commit'; csv: string; fileName: string | null; createMissingClients: boolean; batchId: string }
  | { kind: 'undo'; batchId: string };

export type Progress = (done: number, total: number) => void;

/** A commit refused for its rows: invalid_input naming the csv field, every row error in details. */
function rowErrors(plan: ImportPlan): ApiError {
  const first = plan.errors[0]!;
  const where = first.column ? `row ${first.row}, ${first.column}` : `row ${first.row}`;
  const message = `${plan.errorCount} problem${plan.errorCount === 1 ? '' : 's'} in the file, nothing was imported. The first: ${where}: ${first.message}`;
  return new ApiError('invalid_input', message, {
    fields: [{ field: 'csv', code: 'invalid', message }],
    errorCount: plan.errorCount,
    rows: plan.errors satisfies RowError[],
  });
}

function commit(db: Db, request: Extract<JobRequest, { kind: 'commit' }>, env: JobEnv, progress: Progress) {
  const plan = planImport(db, request.csv, { createMissingClients: request.createMissingClients, today: env.today });
  if (plan.errorCount > 0) throw rowErrors(plan);
  const settings = createSettings(db);
  const audit = createAuditLog(db, { actor: () => env.actor, now: () => new Date(env.at) });
  const writer = createHistoryWriter(db, {
    batchId: request.batchId,
    at: env.at,
    taxMode: settings.get('billing').taxMode,
    audit,
  });
  const clientIds = new Map<string, string>();
  const total = plan.rows.length;
  const counts = { invoices: 0, payments: 0, clientsCreated: 0 };
  let started = false;

  const writeChunk = (rows: readonly HistoryRow[], last: boolean) => {
    if (!started) {
      db.prepare(`INSERT INTO import_batches (id, kind, file_name, row_count, status, created_at) VALUES (?, 'history', ?, ?, 'imported', ?)`).run(request.batchId, request.fileName, total, env.at);
      audit.append({ action: 'import.started', entity: 'import_batch', entityId: request.batchId, data: { fileName: request.fileName, rows: total, createMissingClients: request.createMissingClients } });
      started = true;
    }
    // The lock may have moved since the rows were checked; a chunk is refused whole if so.
    const { lockDate } = settings.get('billing');
    const locked = lockDate ? rows.find((r) => r.invoiceDate <= lockDate || (r.settledDate !== null && r.settledDate <= lockDate)) : undefined;
    if (locked) throw conflict(`The books were locked up to ${lockDate} during the import (row ${locked.row}); nothing of it was kept.`);
    const missing = [...new Set(rows.filter((r) => r.clientId === null && !clientIds.has(r.customerId)).map((r) => r.customerId))];
    const created = writer.createClients(missing, plan.newClientCurrency);
    for (const [customerId, id] of created) clientIds.set(customerId, id);
    const written = writer.writeRows(rows.map((r): WrittenRow => ({ ...r, clientId: r.clientId ?? clientIds.get(r.customerId)! })));
    counts.invoices += written.invoices;
    counts.payments += written.payments;
    counts.clientsCreated += created.size;
    audit.append({
      action: 'import.rows_written',
      entity: 'import_batch',
      entityId: request.batchId,
      data: { rows: [rows[0]!.row, rows.at(-1)!.row], ...written, clientsCreated: [...created.values()] },
    });
    if (last) audit.append({ action: 'import.committed', entity: 'import_batch', entityId: request.batchId, data: counts });
  };

  try {
    for (let start = 0; start < total; start += CHUNK_ROWS) {
      const rows = plan.rows.slice(start, start + CHUNK_ROWS);
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON'); // historyWriter.ts: lines before their invoice
        writeChunk(rows, start + CHUNK_ROWS >= total);
      }).immediate();
      progress(Math.min(start + CHUNK_ROWS, total), total);
    }
  } catch (error) {
    // Take back what the earlier chunks wrote, so a failed import leaves no half of itself.
    if (started) {
      db.pragma('foreign_keys = OFF'); // see historyUndo.ts
      db.transaction(() => {
        removeBatch(db, request.batchId);
        db.prepare(`UPDATE import_batches SET status = 'undone', undone_at = ? WHERE id = ?`).run(env.at, request.batchId);
        audit.append({ action: 'import.failed', entity: 'import_batch', entityId: request.batchId, data: { message: error instanceof Error ? error.message : String(error) } });
      }).immediate();
    }
    throw error;
  }
  const batch = db.prepare<[string], Parameters<typeof toBatch>[0]>('SELECT * FROM import_batches WHERE id = ?').get(request.batchId)!;
  return { ...toBatch(batch), ...counts };
}

/** Runs one job on its own connection and closes it; throws ApiError for what the caller did wrong. */
export function runJob(request: JobRequest, env: JobEnv, progress: Progress): unknown {
  const db = openDatabase(env.dbFile, { nativeBinding: env.nativeBinding });
  try {
    // A bigger page cache (64 MiB) for this connection: a large import touches many index pages.
    db.pragma('cache_size = -65536');
    switch (request.kind) {
      case 'preview':
        return summarize(planImport(db, request.csv, { createMissingClients: request.createMissingClients, today: env.today }));
      case 'commit':
        return commit(db, request, env, progress);
      case 'undo': {
        db.pragma('foreign_keys = OFF');
        const audit = createAuditLog(db, { actor: () => env.actor, now: () => new Date(env.at) });
        return db.transaction(() => undoBatch(db, request.batchId, { at: env.at, audit })).immediate();
      }
    }
  } finally {
    db.close();
  }
}
