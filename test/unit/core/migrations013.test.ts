import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/db/migrate.js';
import { bookAtVersion } from '../../fixtures/migrationBook.js';

describe('migration 13 (risk: when a client usually pays, early counting)', () => {
  it('marks every stored score stale, drops the fitted model of the old scale, keeps the history, and indexes the settled day and the day numbers today’s summary reads', () => {
    const { db, migrateTo } = bookAtVersion(12);
    db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES ('cl_a', 'A', 'a', 'en', 'USD', '[]', '[]', 't', 't')").run();
    db.prepare("INSERT INTO risk_scores (client_id, score, band, scored_on, scored_at, stale) VALUES ('cl_a', 12, 'low', '2026-11-25', 't', 0)").run();
    db.prepare("INSERT INTO risk_history (client_id, date, score, band) VALUES ('cl_a', '2026-11-25', 12, 'low')").run();
    db.prepare("INSERT INTO risk_model (id, source, intercept, weights_json, trained_on, holdout_json, fitted_at) VALUES (1, 'fitted', 0.3, '[1,0.2]', 900, NULL, 't')").run();

    migrateTo(13);
    expect(schemaVersion(db)).toBe(13);
    expect(db.prepare('SELECT stale FROM risk_scores').pluck().all()).toEqual([1]);
    expect(db.prepare('SELECT count(*) FROM risk_model').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM risk_history').pluck().get()).toBe(1);
    // Expressions are listed without a name (null): the day numbers today's summary reads.
    const columns = (index: string) => db.prepare(`SELECT name FROM pragma_index_xinfo('${index}') WHERE key = 1`).pluck().all();
    expect(columns('invoices_risk_on_time')).toEqual(['client_id', 'issue_date', 'due_date', 'settled_on', 'total_minor', 'disputed', null, null]);
    expect(columns('invoices_risk_late')).toEqual(['client_id', 'issue_date', 'due_date', 'settled_on', 'total_minor', 'disputed', null, null]);
    expect(columns('invoices_risk_unsettled')).toEqual(['client_id', 'issue_date', 'due_date', 'total_minor', 'paid_minor', null, null]);
  });
});
