import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/db/migrate.js';
import { bookAtVersion } from '../../fixtures/migrationBook.js';

describe('migration 12 (risk: a year-long memory; every stored score rescored)', () => {
  it('marks every stored score stale and keeps the scores, the history and the fitted model', () => {
    const { db, migrateTo } = bookAtVersion(11);
    const client = db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES (?, ?, ?, 'en', 'USD', '[]', '[]', 't', 't')");
    const score = db.prepare("INSERT INTO risk_scores (client_id, score, band, scored_on, scored_at, stale) VALUES (?, ?, ?, '2026-11-25', 't', ?)");
    for (const [id, s, band, stale] of [['cl_a', 12, 'low', 0], ['cl_b', 61, 'high', 1]] as const) {
      client.run(id, id, id);
      score.run(id, s, band, stale);
    }
    db.prepare("INSERT INTO risk_history (client_id, date, score, band) VALUES ('cl_a', '2026-11-25', 12, 'low')").run();
    db.prepare("INSERT INTO risk_model (id, source, intercept, weights_json, trained_on, holdout_json, fitted_at) VALUES (1, 'fitted', 0.3, '[1,0.2]', 900, NULL, 't')").run();
    const model = db.prepare('SELECT * FROM risk_model').all();
    expect(model).toHaveLength(1);

    migrateTo(12);
    expect(schemaVersion(db)).toBe(12);
    expect(db.prepare('SELECT client_id, score, band, scored_on, stale FROM risk_scores ORDER BY client_id').all()).toEqual([
      { client_id: 'cl_a', score: 12, band: 'low', scored_on: '2026-11-25', stale: 1 },
      { client_id: 'cl_b', score: 61, band: 'high', scored_on: '2026-11-25', stale: 1 },
    ]);
    expect(db.prepare('SELECT count(*) FROM risk_history').pluck().get()).toBe(1);
    expect(db.prepare('SELECT * FROM risk_model').all()).toEqual(model);
  });
});
