import type { Migration } from './index.js';

/**
 * The score's definition changed (features.ts): an invoice's weight now halves every year instead of
 * every 90 days, and 'deteriorating' compares the last 90 days with that long-run rate. Every stored
 * score was worked out the old way, and a client's page works its reasons out the new way, so each
 * is marked stale: the next read or refresh rescores it. A fitted model is kept — its weights are on
 * the same scales — until the next recompute refits it; the history points stay as they were scored.
 */
export const riskMemoryMigration: Migration = {
  version: 12,
  name: 'risk: a year-long memory; every stored score rescored',
  up(db) {
    db.exec('UPDATE risk_scores SET stale = 1');
  },
};
