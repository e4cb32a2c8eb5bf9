// The ladder's records: one row per rung (a step of one invoice: decided, running, done, failed,
// skipped, missed, superseded, postponed — at most once done, ever, by the primary key) and one
// per run. Plain statements over the book; the callers own the transactions.
import type { ActionOutcome, RunSummary, RungView } from '../../../shared/api/dunning.js';
import type { LadderLine, RungState } from '../../../shared/ladder/state.js';
import type { Db } from '../db/database.js';

/** The idempotency keys a rung's actions use, written with its intent. */
export interface RungKeys {
  /** `<letter>:<channel>` → the message key (one message may carry several of the client's rungs). */
  messages?: Record<string, string>;
  /** Contract id → the panel action ids asked for it. */
  panel?: Record<string, string[]>;
}

interface RungRow {
  invoice_id: string;
  invoice_number: string;
  step_key: string;
  state: RungState;
  scheduled_on: string;
  done_on: string | null;
  decided_by: string | null;
  reason: string | null;
  catch_up: 0 | 1;
  outcomes_json: string;
  updated_at: string;
}

interface RunRow {
  id: string;
  as_of: string;
  started_by: string;
  started_at: string;
  finished_at: string | null;
  cancelled: 0 | 1;
  summary_json: string;
}

export type RunCounts = Pick<RunSummary, 'done' | 'failed' | 'missed' | 'superseded' | 'waiting'>;
const NO_COUNTS: RunCounts = { done: 0, failed: 0, missed: 0, superseded: 0, waiting: 0 };

const toRun = (row: RunRow): RunSummary => ({
  runId: row.id,
  asOf: row.as_of,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  startedBy: row.started_by,
  ...NO_COUNTS,
  ...(JSON.parse(row.summary_json) as Partial<RunCounts>),
  cancelled: row.cancelled === 1,
});

export function createRungStore(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO dunning_rungs (invoice_id, step_key, client_id, policy_id, state, scheduled_on, postponed_until, decided_by, decided_at, reason, catch_up, run_id, updated_at)
     VALUES (@invoiceId, @stepKey, @clientId, @policyId, @state, @scheduledOn, @postponedUntil, @decidedBy, @decidedAt, @reason, @catchUp, @runId, @at)
     ON CONFLICT (invoice_id, step_key) DO UPDATE SET state = excluded.state, policy_id = excluded.policy_id, scheduled_on = excluded.scheduled_on,
       postponed_until = excluded.postponed_until, decided_by = coalesce(excluded.decided_by, decided_by), decided_at = coalesce(excluded.decided_at, decided_at),
       reason = coalesce(excluded.reason, reason), catch_up = excluded.catch_up, run_id = coalesce(excluded.run_id, run_id), updated_at = excluded.updated_at`,
  );
  const running = db.prepare(
    `UPDATE dunning_rungs SET state = 'running', attempts = attempts + 1, run_id = @runId, updated_at = @at WHERE invoice_id = @invoiceId AND step_key = @stepKey`,
  );
  const getKeys = db.prepare<[string, string], string>('SELECT keys_json FROM dunning_rungs WHERE invoice_id = ? AND step_key = ?').pluck();
  const putKeys = db.prepare('UPDATE dunning_rungs SET keys_json = ? WHERE invoice_id = ? AND step_key = ?');
  const finish = db.prepare(
    `UPDATE dunning_rungs SET state = @state, done_on = @doneOn, outcomes_json = @outcomes, last_error = @lastError, updated_at = @at WHERE invoice_id = @invoiceId AND step_key = @stepKey`,
  );
  const outcomesOf = db.prepare<[string, string], string | null>('SELECT outcomes_json FROM dunning_rungs WHERE invoice_id = ? AND step_key = ?').pluck();
  const decidedBy = db.prepare<[string, string], string | null>('SELECT decided_by FROM dunning_rungs WHERE invoice_id = ? AND step_key = ?').pluck();
  const byClient = db.prepare<[string], RungRow>(
    `SELECT r.invoice_id, coalesce(i.number_text, i.external_number, i.id) AS invoice_number, r.step_key, r.state, r.scheduled_on, r.done_on, r.decided_by, r.reason,
       r.catch_up, r.outcomes_json, r.updated_at
     FROM dunning_rungs r JOIN invoices i ON i.id = r.invoice_id WHERE r.client_id = ? ORDER BY r.scheduled_on, i.due_date, invoice_number, r.step_key`,
  );
  const insertRun = db.prepare('INSERT INTO dunning_runs (id, as_of, started_by, started_at) VALUES (?, ?, ?, ?)');
  const endRun = db.prepare('UPDATE dunning_runs SET finished_at = ?, cancelled = ?, summary_json = ? WHERE id = ?');
  const recentRuns = db.prepare<[number], RunRow>('SELECT * FROM dunning_runs ORDER BY started_at DESC, rowid DESC LIMIT ?');

  const ref = (line: Pick<LadderLine, 'invoiceId' | 'stepKey'>) => ({ invoiceId: line.invoiceId, stepKey: line.stepKey });

  return {
    /** A person's decision (approved, skipped, postponed) or a catch-up record (missed, superseded). */
    record(line: LadderLine, state: RungState, at: string, extra: { decidedBy?: string; reason?: string | null; postponedUntil?: string | null; runId?: string } = {}): void {
      upsert.run({
        ...ref(line),
        clientId: line.clientId,
        policyId: line.policyId,
        state,
        scheduledOn: line.scheduledOn,
        postponedUntil: extra.postponedUntil ?? null,
        decidedBy: extra.decidedBy ?? null,
        decidedAt: extra.decidedBy ? at : null,
        reason: extra.reason ?? null,
        catchUp: line.catchUp ? 1 : 0,
        runId: extra.runId ?? null,
        at,
      });
    },
    /** The intent: the rung is being carried out by a run (written and committed before any action). */
    markRunning(line: LadderLine, runId: string, at: string): void {
      upsert.run({ ...ref(line), clientId: line.clientId, policyId: line.policyId, state: 'running', scheduledOn: line.scheduledOn, postponedUntil: null, decidedBy: null, decidedAt: null, reason: null, catchUp: line.catchUp ? 1 : 0, runId, at });
      running.run({ ...ref(line), runId, at });
    },
    keys(line: Pick<LadderLine, 'invoiceId' | 'stepKey'>): RungKeys {
      return JSON.parse(getKeys.get(line.invoiceId, line.stepKey) ?? '{}') as RungKeys;
    },
    setKeys(line: Pick<LadderLine, 'invoiceId' | 'stepKey'>, keys: RungKeys): void {
      putKeys.run(JSON.stringify(keys), line.invoiceId, line.stepKey);
    },
    finish(line: Pick<LadderLine, 'invoiceId' | 'stepKey'>, state: RungState, outcomes: ActionOutcome[], doneOn: string | null, error: string | null, at: string): void {
      finish.run({ ...ref(line), state, doneOn, outcomes: JSON.stringify(outcomes), lastError: error, at });
    },
    /** What failed on the rung's last attempt (the sentence of last_error, action by action). */
    failures: (line: Pick<LadderLine, 'invoiceId' | 'stepKey'>): ActionOutcome[] =>
      (JSON.parse(outcomesOf.get(line.invoiceId, line.stepKey) ?? '[]') as ActionOutcome[]).filter((outcome) => outcome.result === 'failed'),
    decidedBy: (line: Pick<LadderLine, 'invoiceId' | 'stepKey'>) => decidedBy.get(line.invoiceId, line.stepKey) ?? null,
    history(clientId: string): RungView[] {
      return byClient.all(clientId).map((row) => ({
        invoiceId: row.invoice_id,
        invoiceNumber: row.invoice_number,
        stepKey: row.step_key,
        state: row.state,
        scheduledOn: row.scheduled_on,
        doneOn: row.done_on,
        decidedBy: row.decided_by,
        reason: row.reason,
        catchUp: row.catch_up === 1,
        outcomes: JSON.parse(row.outcomes_json) as ActionOutcome[],
        updatedAt: row.updated_at,
      }));
    },
    startRun(id: string, asOf: string, startedBy: string, at: string): void {
      insertRun.run(id, asOf, startedBy, at);
    },
    endRun(id: string, at: string, cancelled: boolean, counts: RunCounts): void {
      endRun.run(at, cancelled ? 1 : 0, JSON.stringify(counts), id);
    },
    runs: (limit: number): RunSummary[] => recentRuns.all(limit).map(toRun),
  };
}

export type RungStore = ReturnType<typeof createRungStore>;

/** One store per open book: its statements are prepared once. */
const stores = new WeakMap<Db, RungStore>();
export const rungStore = (db: Db): RungStore => stores.get(db) ?? stores.set(db, createRungStore(db)).get(db)!;
