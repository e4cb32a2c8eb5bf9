// Keeping the stored scores current: score a set of clients as of a day, write their current score
// and the day's history point. Which clients are stale: marked by the triggers of migration 004,
// scored on an earlier day, or never scored.
import type { PaymentHistory } from '../../../shared/risk/history.js';
import { DEFAULT_MODEL, scoreHistory, type RiskModel, type RiskScore } from '../../../shared/risk/model.js';
import type { Db } from '../db/database.js';
import { eachHistoryOn, loadHistories, type ClientHistory } from './paymentHistories.js';

/** Past this many stale clients one pass over the whole ledger is cheaper than a query per client. */
const WHOLE_BOOK_THRESHOLD = 200;

export function historyAsOf(client: ClientHistory | undefined, asOf: string): PaymentHistory {
  return {
    asOf,
    invoices: client?.invoices ?? [],
    bouncedDates: client?.bouncedDates ?? [],
    brokenPromiseDates: client?.brokenPromiseDates ?? [],
    brokenPlanDates: client?.brokenPlanDates ?? [],
    newInvoiceMinor: null,
  };
}

export function currentModel(db: Db): RiskModel {
  const row = db.prepare<[], { source: RiskModel['source']; intercept: number; weights_json: string; trained_on: number }>('SELECT source, intercept, weights_json, trained_on FROM risk_model WHERE id = 1').get();
  if (!row) return DEFAULT_MODEL;
  return { source: row.source, intercept: row.intercept, weights: JSON.parse(row.weights_json) as number[], trainedOn: row.trained_on };
}

export function createRiskScores(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO risk_scores (client_id, score, band, factors_json, scored_on, scored_at, stale) VALUES (?, ?, ?, ?, ?, ?, 0)
     ON CONFLICT (client_id) DO UPDATE SET score = excluded.score, band = excluded.band, factors_json = excluded.factors_json, scored_on = excluded.scored_on, scored_at = excluded.scored_at, stale = 0`,
  );
  const point = db.prepare('INSERT INTO risk_history (client_id, date, score, band) VALUES (?, ?, ?, ?) ON CONFLICT (client_id, date) DO UPDATE SET score = excluded.score, band = excluded.band');

  function save(clientId: string, result: RiskScore, today: string, at: string): void {
    upsert.run(clientId, result.score, result.band, JSON.stringify(result.factors), today, at);
    point.run(clientId, today, result.score, result.band);
  }

  /** Scores the given clients (all of them when omitted) as of `today`; `each` hears every 1,000. */
  function scoreClients(model: RiskModel, today: string, at: string, clientIds?: readonly string[], each?: (done: number, total: number) => void): number {
    const ids = clientIds ?? db.prepare<[], string>('SELECT id FROM clients').pluck().all();
    // Scores are written after the read: better-sqlite3 writes nothing while a query is being iterated.
    const scored: [string, RiskScore][] = [];
    const score = (id: string, history: ClientHistory | undefined) => {
      scored.push([id, scoreHistory(historyAsOf(history, today), model)]);
      if (each && scored.length % 1000 === 0) each(scored.length, ids.length);
    };
    db.transaction(() => {
      if (clientIds !== undefined && ids.length <= WHOLE_BOOK_THRESHOLD) {
        for (const id of ids) score(id, loadHistories(db, { clientId: id, scoringOn: today }).get(id));
      } else {
        const wanted = new Set(ids);
        eachHistoryOn(db, today, (id, history) => {
          if (wanted.delete(id)) score(id, history);
        });
        for (const id of wanted) score(id, undefined); // no invoices yet
      }
      for (const [id, result] of scored) save(id, result, today, at);
    })();
    each?.(ids.length, ids.length);
    return ids.length;
  }

  return {
    scoreClients,
    /** Brings every stale score up to today; cheap when nothing changed since the last read. */
    refreshStale(today: string, at: string): number {
      const stale = db
        .prepare<[string], string>(
          `SELECT client_id FROM risk_scores WHERE stale = 1 OR scored_on < ?
           UNION SELECT id FROM clients WHERE id NOT IN (SELECT client_id FROM risk_scores)`,
        )
        .pluck()
        .all(today);
      return stale.length === 0 ? 0 : scoreClients(currentModel(db), today, at, stale);
    },
  };
}
