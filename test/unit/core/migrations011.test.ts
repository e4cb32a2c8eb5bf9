import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/db/migrate.js';
import { bookAtVersion } from '../../fixtures/migrationBook.js';

describe('migration 11 (risk: reasons worked out on request, not stored; no index by band)', () => {
  it('keeps every stored score and history point, drops the stored reasons and the band index, and a band is walked by score', () => {
    const { db, migrateTo } = bookAtVersion(10);
    const client = db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES (?, ?, ?, 'en', 'USD', '[]', '[]', 't', 't')");
    const score = db.prepare("INSERT INTO risk_scores (client_id, score, band, factors_json, scored_on, scored_at) VALUES (?, ?, ?, '[{\"code\":\"late_rate\"}]', '2026-11-25', 't')");
    const point = db.prepare('INSERT INTO risk_history (client_id, date, score, band) VALUES (?, ?, ?, ?)');
    for (const [id, s, band] of [['cl_a', 12, 'low'], ['cl_b', 61, 'high'], ['cl_c', 88, 'critical']] as const) {
      client.run(id, id, id);
      score.run(id, s, band);
      point.run(id, '2026-11-24', s - 1, band);
      point.run(id, '2026-11-25', s, band);
    }
    migrateTo(11);
    expect(schemaVersion(db)).toBe(11);
    expect(db.prepare('SELECT client_id, score, band, scored_on, stale FROM risk_scores ORDER BY client_id').all()).toEqual([
      { client_id: 'cl_a', score: 12, band: 'low', scored_on: '2026-11-25', stale: 0 },
      { client_id: 'cl_b', score: 61, band: 'high', scored_on: '2026-11-25', stale: 0 },
      { client_id: 'cl_c', score: 88, band: 'critical', scored_on: '2026-11-25', stale: 0 },
    ]);
    expect(db.prepare('SELECT count(*) FROM risk_history').pluck().get()).toBe(6);
    expect(db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all('risk_scores')).not.toContain('factors_json');
    expect(db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'risk_scores'").pluck().all()).not.toContain('risk_scores_by_band');
    const plan = db.prepare<[], { detail: string }>('EXPLAIN QUERY PLAN SELECT client_id FROM risk_scores WHERE score BETWEEN 50 AND 74 ORDER BY score DESC, client_id DESC LIMIT 10').all().map((r) => r.detail).join('\n');
    expect(plan).toContain('COVERING INDEX risk_scores_by_score (score>? AND score<?)');
  });
});
