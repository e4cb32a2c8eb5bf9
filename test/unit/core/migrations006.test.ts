import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/db/migrate.js';
import { bookAtVersion } from '../../fixtures/migrationBook.js';

describe('migration 6 (panels: connections, contract links, the action queue)', () => {
  it('adds the tables to a book with a contract, leaves the contract unlinked, and keeps states and kinds to the known ones', () => {
    const { db, migrateTo } = bookAtVersion(5);
    db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES ('cl_a', 'A', 'a', 'en', 'USD', '[]', '[]', 't', 't')").run();
    db.prepare(
      `INSERT INTO contracts (id, client_id, kind, label, panel_kind, panel_account, price_minor, currency, cycle, pricing_model, start_date, next_due_date, auto_renew, status, created_at, updated_at)
       VALUES ('ct_a', 'cl_a', 'shared_hosting', 'a.example', 'cpanel', 'auser', 100, 'USD', 'monthly', 'fixed', '2026-01-01', '2026-12-01', 1, 'active', 't', 't')`,
    ).run();
    const report = migrateTo(6);
    expect(report.backupFile).not.toBeNull();
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare("SELECT panel_connection_id FROM contracts WHERE id = 'ct_a'").pluck().get()).toBeNull();
    expect(db.prepare('SELECT approvals_json, dry_run FROM panel_queue_settings').get()).toEqual({ approvals_json: '{}', dry_run: 0 });

    db.prepare("INSERT INTO panel_connections (id, kind, name, host, port, created_at, updated_at) VALUES ('pc_a', 'cpanel', 'WHM', 'h', 2087, 't', 't')").run();
    expect(() => db.prepare("INSERT INTO panel_connections (id, kind, name, host, port, created_at, updated_at) VALUES ('pc_b', 'cpanel', 'WHM', 'h', 2087, 't', 't')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO panel_connections (id, kind, name, host, port, created_at, updated_at) VALUES ('pc_c', 'cpanel2', 'X', 'h', 2087, 't', 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE contracts SET panel_connection_id = 'pc_nobody'").run()).toThrow(/FOREIGN KEY/);
    db.prepare("UPDATE contracts SET panel_connection_id = 'pc_a'").run();
    const insert = (state: string, kind: string) =>
      db.prepare("INSERT INTO panel_actions (id, contract_id, connection_id, account, kind, state, requested_by, created_at, updated_at) VALUES (?, 'ct_a', 'pc_a', 'auser', ?, ?, 'me', 't', 't')").run(`pa_${state}_${kind}`, kind, state);
    insert('queued', 'suspend');
    expect(() => insert('paused', 'suspend')).toThrow(/CHECK/);
    expect(() => insert('queued', 'reboot')).toThrow(/CHECK/);
  });
});
