import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/db/migrate.js';
import { bookAtVersion } from '../../fixtures/migrationBook.js';

/** A book at migration 3 with one client, and how to bring it to 4 (backing it up first, as a real one). */
function bookAtBilling() {
  const { db, migrateTo } = bookAtVersion(3);
  db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES ('cl_a', 'A', 'a', 'en', 'USD', '[]', '[]', 't', 't')").run();
  return { db, toRisk: () => migrateTo(4) };
}

describe('migration 4 (risk: scores, history, model, band treatments)', () => {
  it('adds the risk tables to a book that has clients, with default treatments per band', () => {
    const { db, toRisk } = bookAtBilling();
    toRisk();
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
    expect(db.prepare('SELECT band, restrict_days_earlier, renewals_as_proforma FROM risk_band_treatments ORDER BY restrict_days_earlier').all()).toEqual([
      { band: 'low', restrict_days_earlier: 0, renewals_as_proforma: 0 },
      { band: 'medium', restrict_days_earlier: 0, renewals_as_proforma: 0 },
      { band: 'high', restrict_days_earlier: 7, renewals_as_proforma: 0 },
      { band: 'critical', restrict_days_earlier: 14, renewals_as_proforma: 1 },
    ]);
    const insertScore = (score: number, band: string) => db.prepare("INSERT INTO risk_scores VALUES ('cl_a', ?, ?, '[]', '2026-11-26', 't', 0)").run(score, band);
    expect(() => insertScore(101, 'low')).toThrow(/CHECK/);
    expect(() => insertScore(10, 'severe')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO risk_scores VALUES ('cl_nobody', 1, 'low', '[]', 'd', 't', 0)").run()).toThrow(/FOREIGN KEY/);
    insertScore(10, 'low');
    db.prepare("INSERT INTO risk_history VALUES ('cl_a', '2026-11-26', 10, 'low')").run();
    expect(() => db.prepare("INSERT INTO risk_history VALUES ('cl_a', '2026-11-26', 11, 'low')").run()).toThrow(/UNIQUE/);
  });

  it("marks a client's score stale when an invoice, payment, promise or plan of theirs changes, and never adds a row", () => {
    const { db, toRisk } = bookAtBilling();
    toRisk();
    const stale = () => db.prepare<[], number>("SELECT stale FROM risk_scores WHERE client_id = 'cl_a'").pluck().get();
    const scored = () => db.prepare("UPDATE risk_scores SET stale = 0").run();
    db.prepare(
      "INSERT INTO invoices (id, client_id, kind, status, currency, tax_mode, source, created_at, updated_at) VALUES ('in_0', 'cl_a', 'invoice', 'draft', 'USD', 'exclusive', 'manual', 't', 't')",
    ).run();
    expect(db.prepare('SELECT count(*) FROM risk_scores').pluck().get()).toBe(0); // never scored: nothing to mark
    db.prepare("INSERT INTO risk_scores VALUES ('cl_a', 10, 'low', '[]', '2026-11-26', 't', 0)").run();
    db.prepare(
      "INSERT INTO invoices (id, client_id, kind, status, currency, tax_mode, source, created_at, updated_at) VALUES ('in_1', 'cl_a', 'invoice', 'draft', 'USD', 'exclusive', 'manual', 't', 't')",
    ).run();
    expect(stale()).toBe(1);
    scored();
    db.prepare("INSERT INTO payments (id, client_id, date, amount_minor, currency, method, status, created_at) VALUES ('pm_1', 'cl_a', '2026-11-01', 100, 'USD', 'cash', 'received', 't')").run();
    expect(stale()).toBe(1);
    scored();
    db.prepare("INSERT INTO allocations (payment_id, invoice_id, amount_minor, date) VALUES ('pm_1', 'in_1', 100, '2026-11-01')").run();
    expect(stale()).toBe(1);
    scored();
    db.prepare("INSERT INTO promises (id, client_id, made_date, promised_date, amount_minor, currency, status) VALUES ('pr_1', 'cl_a', '2026-11-01', '2026-11-10', 100, 'USD', 'open')").run();
    expect(stale()).toBe(1);
    scored();
    db.prepare("INSERT INTO payment_plans (id, client_id, created_date, total_minor, currency, status) VALUES ('pp_1', 'cl_a', '2026-11-01', 100, 'USD', 'active')").run();
    expect(stale()).toBe(0);
    db.prepare("UPDATE payment_plans SET status = 'broken' WHERE id = 'pp_1'").run();
    expect(stale()).toBe(1);
  });

  it("goes with the client: an undone import's clients take their scores with them", () => {
    const { db, toRisk } = bookAtBilling();
    toRisk();
    db.prepare("INSERT INTO risk_scores VALUES ('cl_a', 10, 'low', '[]', '2026-11-26', 't', 0)").run();
    db.prepare("INSERT INTO risk_history VALUES ('cl_a', '2026-11-26', 10, 'low')").run();
    db.prepare("DELETE FROM clients WHERE id = 'cl_a'").run();
    expect(db.prepare('SELECT (SELECT count(*) FROM risk_scores) + (SELECT count(*) FROM risk_history)').pluck().get()).toBe(0);
  });
});
