import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/db/migrate.js';
import { DEFAULT_POLICY, dunningPolicySchema } from '../../../shared/ladder/policy.js';
import { bookAtVersion } from '../../fixtures/migrationBook.js';

describe('migration 7 (ladder: policies, rungs, runs, outgoing messages, call tasks)', () => {
  it('adds the default policy, keeps clients and communications, and holds each rung of an invoice once', () => {
    const { db, migrateTo } = bookAtVersion(6);
    db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES ('cl_a', 'A', 'a', 'en', 'USD', '[]', '[]', 't', 't')").run();
    db.prepare(
      `INSERT INTO invoices (id, client_id, kind, status, series, number, number_text, issue_date, due_date, currency, tax_mode, total_minor, open_minor, source, created_at, updated_at)
       VALUES ('in_a', 'cl_a', 'invoice', 'issued', 'invoice', 1, 'INV-1', '2026-11-01', '2026-11-15', 'USD', 'exclusive', 1000, 1000, 'manual', 't', 't')`,
    ).run();

    const report = migrateTo(7);
    expect(report.backupFile).not.toBeNull();
    expect(schemaVersion(db)).toBe(7);
    // The client keeps its row and is not manual-only; the default policy is DESIGN §4's and valid.
    expect(db.prepare("SELECT dunning_manual_only FROM clients WHERE id = 'cl_a'").pluck().get()).toBe(0);
    const policies = db.prepare<[], { id: string; is_default: number; policy_json: string; version: number }>('SELECT id, is_default, policy_json, version FROM dunning_policies').all();
    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatchObject({ id: 'dp_standard0', is_default: 1, version: 1 });
    expect(dunningPolicySchema.parse(JSON.parse(policies[0]!.policy_json))).toEqual(DEFAULT_POLICY);

    // One default at most; assignments point at policies; scopes are the four known ones.
    expect(() => db.prepare("INSERT INTO dunning_policies (id, name, is_default, policy_json, created_at, updated_at) VALUES ('dp_b', 'B', 1, '{}', 't', 't')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO dunning_assignments (scope, target, policy_id) VALUES ('client', 'cl_a', 'dp_nobody')").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO dunning_assignments (scope, target, policy_id) VALUES ('planet', 'x', 'dp_standard0')").run()).toThrow(/CHECK/);

    // A rung is recorded once per invoice and step; its state is one of the known ones.
    const rung = db.prepare("INSERT INTO dunning_rungs (invoice_id, step_key, client_id, policy_id, state, scheduled_on, updated_at) VALUES ('in_a', ?, 'cl_a', 'dp_standard0', ?, '2026-11-16', 't')");
    rung.run('first_notice', 'done');
    expect(() => rung.run('first_notice', 'running')).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => rung.run('second_notice', 'sent')).toThrow(/CHECK/);
    expect(db.prepare("SELECT keys_json, outcomes_json, attempts FROM dunning_rungs WHERE step_key = 'first_notice'").get()).toEqual({ keys_json: '{}', outcomes_json: '[]', attempts: 0 });

    // A message key is sent once; call task keys are unique too.
    const message = db.prepare("INSERT INTO outgoing_messages (id, key, client_id, channel, kind, recipient, subject, body, state, created_at) VALUES (?, 'rung:in_a:first_notice:email', 'cl_a', 'email', 'first_notice', 'a@example.com', 's', 'b', 'sending', 't')");
    message.run('om_1');
    expect(() => message.run('om_2')).toThrow(/UNIQUE/);
    const call = db.prepare("INSERT INTO call_tasks (id, key, client_id, kind, due_on, state, created_at) VALUES (?, 'rung:in_a:first_notice:call', 'cl_a', 'first_notice', '2026-11-16', 'open', 't')");
    call.run('ct_1');
    expect(() => call.run('ct_2')).toThrow(/UNIQUE/);
    db.prepare(
      "INSERT INTO communications (id, client_id, at, channel, status, recipient, kind, subject, content_sha256, message_id, detail) VALUES ('co_1', 'cl_a', 't', 'email', 'failed', 'a@example.com', 'first_notice', 's', ?, 'om_1', '550 mailbox unavailable')",
    ).run('0'.repeat(64));
    expect(() => db.prepare("UPDATE communications SET message_id = 'om_nobody'").run()).toThrow();
    expect(db.prepare("SELECT count(*) FROM pragma_table_info('communications') WHERE name IN ('detail', 'message_id')").pluck().get()).toBe(2);
  });
});
