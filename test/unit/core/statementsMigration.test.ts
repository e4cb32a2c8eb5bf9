import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/db/migrate.js';
import { bookAtVersion } from '../../fixtures/migrationBook.js';

describe('migration 8 (statements and client imports)', () => {
  it('adds the tables to a book with a payment; a line is stored once and linked to one payment at most', () => {
    const { db, migrateTo } = bookAtVersion(7);
    db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES ('cl_a', 'A', 'a', 'en', 'USD', '[]', '[]', 't', 't')").run();
    db.prepare("INSERT INTO payments (id, client_id, date, amount_minor, currency, method, status, created_at) VALUES ('pm_a', 'cl_a', '2026-11-01', 100, 'USD', 'cash', 'received', 't')").run();
    const report = migrateTo(8);
    expect(report.backupFile).not.toBeNull();
    expect(schemaVersion(db)).toBe(8);

    db.prepare("INSERT INTO bank_statements (id, format, line_count, new_lines, imported_at) VALUES ('bs_a', 'alipay', 2, 2, 't')").run();
    const line = (id: string, identity: string, status: string, payment: string | null) =>
      db.prepare("INSERT INTO statement_lines (id, statement_id, identity, row, date, amount_minor, currency, status, payment_id) VALUES (?, 'bs_a', ?, 2, '2026-11-01', 100, 'USD', ?, ?)").run(id, identity, status, payment);
    line('sl_a', 'h1', 'booked', 'pm_a');
    expect(() => line('sl_b', 'h1', 'open', null)).toThrow(/UNIQUE/);
    expect(() => line('sl_c', 'h2', 'booked', 'pm_a')).toThrow(/UNIQUE/);
    expect(() => line('sl_d', 'h3', 'booked', null)).toThrow(/CHECK/);
    expect(() => line('sl_e', 'h4', 'open', 'pm_nobody')).toThrow(/CHECK|FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO bank_statements (id, format, line_count, new_lines, imported_at) VALUES ('bs_b', 'bank', 0, 0, 't')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO client_import_rows (batch_id, entity, entity_id) VALUES ('ci_nobody', 'client', 'cl_a')").run()).toThrow(/FOREIGN KEY/);
  });
});
