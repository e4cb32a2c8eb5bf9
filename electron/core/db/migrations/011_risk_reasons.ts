import type { Migration } from './index.js';

/**
 * Less to write on every rescore of a book of 100,000 clients:
 * - a stored score keeps its score and band only. Its reasons are worked out when a client's page
 *   asks (risk.client), from the same summary and model: writing every client's reasons was a third
 *   of the rescore's time, for pages few open;
 * - no index by band: a band is a range of scores (BAND_SCORES), so a list filtered by band walks
 *   the index by score within that range.
 */
export const riskReasonsMigration: Migration = {
  version: 11,
  name: 'risk: reasons worked out on request, not stored; no index by band',
  up(db) {
    db.exec(`
      ALTER TABLE risk_scores DROP COLUMN factors_json;
      DROP INDEX risk_scores_by_band;
    `);
  },
};
