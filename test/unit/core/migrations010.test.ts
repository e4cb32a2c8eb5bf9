import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/db/migrate.js';
import { bookAtVersion } from '../../fixtures/migrationBook.js';

describe('migration 10 (reports: covering indexes for the dashboard)', () => {
  it('adds the indexes to a book at version 7, and the dashboard queries use them without visiting invoice rows', () => {
    const { db, migrateTo } = bookAtVersion(7);
    migrateTo(10);
    expect(schemaVersion(db)).toBe(10);
    const indexes = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE '%for_reports'").pluck().all();
    expect(indexes.sort()).toEqual(['invoices_due_for_reports', 'invoices_issued_for_reports', 'invoices_open_for_reports', 'payments_for_reports']);
    const plan = (sql: string) => db.prepare<[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all().map((r) => r.detail).join('\n');
    expect(plan("SELECT sum(amount_minor) FROM payments WHERE currency = 'USD' AND status = 'received' AND date BETWEEN '2025-01-01' AND '2026-11-26'")).toContain('COVERING INDEX payments_for_reports');
    expect(plan("SELECT sum(open_minor) FROM invoices INDEXED BY invoices_open_for_reports WHERE currency = 'USD' AND due_date < '2026-11-26' AND status = 'issued' AND open_minor > 0 AND kind = 'invoice' AND id > ''")).toContain('COVERING INDEX invoices_open_for_reports');
    expect(plan("SELECT sum(total_minor) FROM invoices WHERE currency = 'USD' AND issue_date > '2026-08-28' AND issue_date <= '2026-11-26' AND kind = 'invoice' AND status = 'issued'")).toContain('COVERING INDEX invoices_issued_for_reports');
  });
});
