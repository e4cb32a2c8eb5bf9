// The two risk jobs, the same on the backend's thread and in a worker (riskJobs.ts decides where):
//   recompute: refit the weights on the book's own history (kept only if they beat the defaults on
//     its newest invoices) and rescore every client as of today — the model and the scores are
//     written in one transaction, so a cancelled or failed job leaves the book as it was;
//   refresh: rescore the clients whose scores are stale (the daily run, after days past due grew).
import { chooseModel, FIT_ITERATIONS, FitCancelled } from '../../../shared/risk/fit.js';
import type { AuditLog } from '../audit/auditLog.js';
import type { Db } from '../db/database.js';
import { examplesOf } from './invoiceOutcomes.js';
import { loadHistories } from './paymentHistories.js';
import { createRiskScores, currentModel } from './riskScores.js';

export interface JobHooks {
  progress: (done: number, total: number) => void;
  cancelled: () => boolean;
}

export type RiskJobRequest = { mode: 'recompute' } | { mode: 'refresh' };

export interface RiskJobResult {
  clients: number;
  cancelled: boolean;
}

export interface RiskJobEnv {
  db: Db;
  audit: AuditLog;
  today: string;
  /** The moment the job started (ISO): the scores and the model carry it. */
  at: string;
}

class Stop extends Error {}

function recompute({ db, audit, today, at }: RiskJobEnv, hooks: JobHooks): RiskJobResult {
  const clientCount = db.prepare<[], number>('SELECT count(*) FROM clients').pluck().get()!;
  // Progress counts fit iterations (two fits at most) and then clients scored.
  const total = 2 * FIT_ITERATIONS + clientCount;
  let done = 0;
  hooks.progress(0, total);
  // Labelled with what is known today: invoices still open and not yet due are left out.
  const examples = examplesOf(loadHistories(db), { from: '0000-01-01', to: today }, today);
  if (hooks.cancelled()) return { clients: 0, cancelled: true };
  let choice: ReturnType<typeof chooseModel>;
  try {
    const iteration = () => {
      done += 1;
      if (done % 20 === 0) hooks.progress(done, total);
    };
    choice = chooseModel(examples, today, { iteration, cancelled: hooks.cancelled });
  } catch (error) {
    if (error instanceof FitCancelled) return { clients: 0, cancelled: true };
    throw error;
  }
  const { model, holdout } = choice;
  const fitted = 2 * FIT_ITERATIONS;
  try {
    return db.transaction(() => {
      db.prepare(
        `INSERT INTO risk_model (id, source, intercept, weights_json, trained_on, holdout_json, fitted_at) VALUES (1, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET source = excluded.source, intercept = excluded.intercept, weights_json = excluded.weights_json, trained_on = excluded.trained_on, holdout_json = excluded.holdout_json, fitted_at = excluded.fitted_at`,
      ).run(model.source, model.intercept, JSON.stringify(model.weights), model.trainedOn, holdout ? JSON.stringify(holdout) : null, at);
      audit.append({ action: 'risk.model_fitted', entity: 'risk_model', entityId: '1', data: { source: model.source, trainedOn: model.trainedOn, holdout } });
      const clients = createRiskScores(db).scoreClients(model, today, at, undefined, { progress: (n) => hooks.progress(fitted + n, total), cancelled: hooks.cancelled });
      if (clients === null) throw new Stop(); // undoes the model too
      return { clients, cancelled: false };
    })();
  } catch (error) {
    if (error instanceof Stop) return { clients: 0, cancelled: true };
    throw error;
  }
}

function refresh({ db, today, at }: RiskJobEnv, hooks: JobHooks): RiskJobResult {
  const scores = createRiskScores(db);
  const stale = scores.staleClients(today);
  const clients = stale.length === 0 ? 0 : scores.scoreClients(currentModel(db), today, at, stale, hooks);
  return clients === null ? { clients: 0, cancelled: true } : { clients, cancelled: false };
}

export function runRiskJob(request: RiskJobRequest, env: RiskJobEnv, hooks: JobHooks): RiskJobResult {
  return request.mode === 'recompute' ? recompute(env, hooks) : refresh(env, hooks);
}
