// The billing_runs table: one row per run, so the next run knows which days were already billed
// (the catch-up window starts the day after the last finished run) and the reseller sees history.
import type { Db } from '../../db/database.js';
import { newId } from '../../ids.js';

export type RunStatus = 'running' | 'finished' | 'failed' | 'cancelled';

interface RunRow {
  id: string;
  run_date: string;
  started_at: string;
  finished_at: string | null;
  invoices_issued: number;
  late_fees: number;
  status: RunStatus;
}

const toRecord = (row: RunRow) => ({
  id: row.id,
  runDate: row.run_date,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  invoicesIssued: row.invoices_issued,
  lateFees: row.late_fees,
  status: row.status,
});

export function createRunRecords(db: Db) {
  const lastFinished = db.prepare<[], string | null>(`SELECT max(run_date) FROM billing_runs WHERE status = 'finished'`).pluck();
  const insert = db.prepare(`INSERT INTO billing_runs (id, run_date, started_at, status) VALUES (?, ?, ?, 'running')`);
  const count = db.prepare('UPDATE billing_runs SET invoices_issued = invoices_issued + ?, late_fees = late_fees + ? WHERE id = ?');
  const finish = db.prepare('UPDATE billing_runs SET status = ?, finished_at = ? WHERE id = ?');
  // A run is only 'running' while a job of this process works on it; one left so by a crash failed.
  const abandon = db.prepare(`UPDATE billing_runs SET status = 'failed', finished_at = ? WHERE status = 'running'`);
  const recent = db.prepare<[number], RunRow>('SELECT * FROM billing_runs ORDER BY seq DESC LIMIT ?');

  return {
    /** The day of the last run that finished: every day up to it has been billed. */
    lastFinishedDay: (): string | null => lastFinished.get() ?? null,
    /** Opens a run (in its own short transaction, so the row is there while the run works). */
    start(runDate: string, at: string): string {
      const id = newId('br');
      db.transaction(() => {
        abandon.run(at);
        insert.run(id, runDate, at);
      }).immediate();
      return id;
    },
    /** Adds what a batch issued, inside the batch's transaction. */
    count: (id: string, invoices: number, lateFees: number) => count.run(invoices, lateFees, id),
    finish: (id: string, status: Exclude<RunStatus, 'running'>, at: string) => finish.run(status, at, id),
    recent: (limit: number) => recent.all(limit).map(toRecord),
  };
}

export type RunRecords = ReturnType<typeof createRunRecords>;
