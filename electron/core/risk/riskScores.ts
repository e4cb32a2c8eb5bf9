// Keeping the stored scores current: score a set of clients as of a day, write their current score
// and the day's history point. Which clients are stale: marked by the triggers of migration 004,
// scored on an earlier day, or never scored.
import { DEFAULT_MODEL, riskOf, scoreSummary, type RiskModel, type RiskScore } from '../../../shared/risk/model.js';
import type { Db } from '../db/database.js';
import { clientSummary, forEachClientSummary } from './clientSummaries.js';
import type { ClientSummary } from '../../../shared/risk/features.js';

/** Past this many stale clients one pass over the whole ledger is cheaper than a query per client. */
const WHOLE_BOOK_THRESHOLD = 200;

export function currentModel(db: Db): RiskModel {
  const row = db.prepare<[], { source: RiskModel['source']; intercept: number; weights_json: string; trained_on: number }>('SELECT source, intercept, weights_json, trained_on FROM risk_model WHERE id = 1').get();
  if (!row) return DEFAULT_MODEL;
  return { source: row.source, intercept: row.intercept, weights: JSON.parse(row.weights_json) as number[], trainedOn: row.trained_on };
}

/** One client's score as of any day, from what the book knew on it. */
export function scoreClientOn(db: Db, clientId: string, asOf: string, model: RiskModel): RiskScore {
  return scoreSummary(clientSummary(db, asOf, clientId), model);
}

export interface ScoreHooks {
  /** Hears every 5,000 clients scored. */
  progress?: (done: number, total: number) => void;
  /** Asked between batches; true stops before anything is written. */
  cancelled?: () => boolean;
}

export function createRiskScores(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO risk_scores (client_id, score, band, scored_on, scored_at, stale) VALUES (?, ?, ?, ?, ?, 0)
     ON CONFLICT (client_id) DO UPDATE SET score = excluded.score, band = excluded.band, scored_on = excluded.scored_on, scored_at = excluded.scored_at, stale = 0`,
  );
  const point = db.prepare('INSERT INTO risk_history (client_id, date, score, band) VALUES (?, ?, ?, ?) ON CONFLICT (client_id, date) DO UPDATE SET score = excluded.score, band = excluded.band');
  // Many clients at once: the day's history point of every client scored at `at` is the score just
  // written, copied in one statement rather than one each.
  const points = db.prepare(
    `INSERT INTO risk_history (client_id, date, score, band) SELECT client_id, scored_on, score, band FROM risk_scores WHERE scored_on = ? AND scored_at = ?
     ON CONFLICT (client_id, date) DO UPDATE SET score = excluded.score, band = excluded.band`,
  );

  /**
   * Scores the given clients (all of them when omitted) as of `today` and writes them in one
   * transaction; returns how many, or null when cancelled (nothing written then).
   */
  function scoreClients(model: RiskModel, today: string, at: string, clientIds?: readonly string[], hooks: ScoreHooks = {}): number | null {
    return db.transaction(() => {
      const few = clientIds !== undefined && clientIds.length <= WHOLE_BOOK_THRESHOLD;
      const total = clientIds?.length ?? db.prepare<[], number>('SELECT count(*) FROM clients').pluck().get()!;
      let done = 0;
      const write = (id: string, summary: ClientSummary) => {
        const { score, band } = riskOf(summary, model);
        upsert.run(id, score, band, today, at);
        if (few) point.run(id, today, score, band);
        done += 1;
        if (done % 5000 === 0) {
          hooks.progress?.(done, total);
          if (hooks.cancelled?.()) throw new Cancelled();
        }
      };
      if (few) {
        for (const id of clientIds) write(id, clientSummary(db, today, id));
      } else {
        // Past a few clients, one walk over the whole book is cheaper than a query per client.
        const wanted = clientIds === undefined ? null : new Set(clientIds);
        forEachClientSummary(db, today, (id, summary) => {
          if (wanted === null || wanted.has(id)) write(id, summary);
        });
        points.run(today, at);
      }
      hooks.progress?.(done, total);
      return done;
    })();
  }

  /** Clients whose score is marked stale, is from an earlier day, or was never computed. */
  function staleClients(today: string): string[] {
    return db
      .prepare<[string], string>(
        `SELECT client_id FROM risk_scores WHERE stale = 1 OR scored_on < ?
         UNION SELECT id FROM clients WHERE id NOT IN (SELECT client_id FROM risk_scores)`,
      )
      .pluck()
      .all(today);
  }

  return {
    staleClients,
    scoreClients(model: RiskModel, today: string, at: string, clientIds?: readonly string[], hooks?: ScoreHooks): number | null {
      try {
        return scoreClients(model, today, at, clientIds, hooks);
      } catch (error) {
        if (error instanceof Cancelled) return null; // the transaction rolled back
        throw error;
      }
    },
    /**
     * Brings stale scores up to today, as a read of them asks: one client's (risk.client, its
     * history), or every client's while there are at most `upTo` (risk.list). More than that — a
     * big book on the first read of a new day — is the refresh job's (riskJobs.ts), off this thread;
     * until it has run the list shows each score with the day it was computed.
     */
    refreshStale(today: string, at: string, scope: { clientId: string } | { upTo: number }): number {
      if ('clientId' in scope) {
        const current = db.prepare<[string, string], number>('SELECT 1 FROM risk_scores WHERE client_id = ? AND stale = 0 AND scored_on >= ?').pluck().get(scope.clientId, today);
        return current ? 0 : (scoreClients(currentModel(db), today, at, [scope.clientId]) ?? 0);
      }
      const stale = staleClients(today);
      return stale.length === 0 || stale.length > scope.upTo ? 0 : (scoreClients(currentModel(db), today, at, stale) ?? 0);
    },
  };
}

class Cancelled extends Error {}
