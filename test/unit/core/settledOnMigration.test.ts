// Migration 9: each invoice's paid amount and settled day, filled in for the invoices a book already
// has and kept by triggers from then on, whatever writes the allocations and credit notes.
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/db/migrate.js';
import { bookAtVersion } from '../../fixtures/migrationBook.js';
import { recomputedSettlements, storedSettlements } from '../../fixtures/settledOn.js';

/** A book at migration 7 (foreign keys off: only the rows the columns are made of). */
function bookAtLadder() {
  const { db, migrateTo } = bookAtVersion(7);
  db.pragma('foreign_keys = OFF');
  db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES ('cl_a', 'A', 'a', 'en', 'USD', '[]', '[]', 't', 't')").run();
  return { db, toSettledOn: () => migrateTo(9) };
}

const invoice = (db: Database.Database, id: string, total: number, kind = 'invoice', credited: string | null = null, issueDate = '2026-01-01') =>
  db
    .prepare(
      `INSERT INTO invoices (id, client_id, kind, status, issue_date, due_date, currency, tax_mode, net_minor, total_minor, open_minor, source, external_number, credited_invoice_id, version, created_at, updated_at)
       VALUES (?, 'cl_a', ?, 'issued', ?, '2026-01-15', 'USD', 'exclusive', ?, ?, 0, 'import', ?, ?, 2, 't', 't')`,
    )
    .run(id, kind, issueDate, total, total, `X-${id}`, credited);
const allocate = (db: Database.Database, invoiceId: string, amount: number, date: string, reversed: string | null = null) =>
  db.prepare("INSERT INTO allocations (payment_id, invoice_id, amount_minor, date, reversed_date) VALUES ('pm_x', ?, ?, ?, ?)").run(invoiceId, amount, date, reversed);
const settlement = (db: Database.Database, id: string) => db.prepare('SELECT paid_minor AS paid, settled_on AS settledOn FROM invoices WHERE id = ?').get(id);

describe('migration 9 (what each invoice has been paid, and the day it became paid)', () => {
  it('fills them in for the invoices a book already has', () => {
    const { db, toSettledOn } = bookAtLadder();
    invoice(db, 'in_paid', 1000);
    allocate(db, 'in_paid', 400, '2026-01-10');
    allocate(db, 'in_paid', 600, '2026-01-20');
    invoice(db, 'in_part', 1000);
    allocate(db, 'in_part', 400, '2026-01-10');
    invoice(db, 'in_bounced', 1000);
    allocate(db, 'in_bounced', 1000, '2026-01-10', '2026-01-12');
    invoice(db, 'in_credited', 1000);
    allocate(db, 'in_credited', 500, '2026-01-05');
    invoice(db, 'cn_half', 500, 'credit_note', 'in_credited', '2026-02-01');
    toSettledOn();
    expect(schemaVersion(db)).toBe(9);
    expect(settlement(db, 'in_paid')).toEqual({ paid: 1000, settledOn: '2026-01-20' });
    expect(settlement(db, 'in_part')).toEqual({ paid: 400, settledOn: null });
    expect(settlement(db, 'in_bounced')).toEqual({ paid: 0, settledOn: null });
    expect(settlement(db, 'in_credited')).toEqual({ paid: 1000, settledOn: '2026-02-01' });
    expect(storedSettlements(db)).toEqual(recomputedSettlements(db));
  });

  it('keeps them as payments are applied, bounce, move and are removed, and as credit notes are issued and voided', () => {
    const { db, toSettledOn } = bookAtLadder();
    toSettledOn();
    invoice(db, 'in_a', 1000);
    invoice(db, 'in_b', 1000);
    allocate(db, 'in_a', 1000, '2026-01-10');
    expect(settlement(db, 'in_a')).toEqual({ paid: 1000, settledOn: '2026-01-10' });
    db.prepare("UPDATE allocations SET reversed_date = '2026-01-12' WHERE invoice_id = 'in_a'").run();
    expect(settlement(db, 'in_a')).toEqual({ paid: 0, settledOn: null });
    db.prepare("UPDATE allocations SET reversed_date = NULL, invoice_id = 'in_b' WHERE invoice_id = 'in_a'").run();
    expect([settlement(db, 'in_a'), settlement(db, 'in_b')]).toEqual([{ paid: 0, settledOn: null }, { paid: 1000, settledOn: '2026-01-10' }]);
    db.prepare("DELETE FROM allocations WHERE invoice_id = 'in_b'").run();
    expect(settlement(db, 'in_b')).toEqual({ paid: 0, settledOn: null });
    invoice(db, 'cn_a', 1000, 'credit_note', 'in_a', '2026-01-20');
    expect(settlement(db, 'in_a')).toEqual({ paid: 1000, settledOn: '2026-01-20' });
    db.prepare("UPDATE invoices SET status = 'void' WHERE id = 'cn_a'").run();
    expect(settlement(db, 'in_a')).toEqual({ paid: 0, settledOn: null });
    expect(storedSettlements(db)).toEqual(recomputedSettlements(db));
  });
});
