import type { Migration } from './index.js';
import { DEFAULT_POLICY } from '../../../../shared/ladder/policy.js';

/**
 * The arrears ladder: dunning policies and where they apply, each rung of each invoice (at most
 * once, ever: the primary key), the runs, the outgoing messages (email, SMS) and the phone calls
 * to make. A rung is written `running` (the intent) and committed before any message is sent or
 * panel action asked for; each action has its own idempotency key (the message key, late_fees'
 * (invoice, n), the panel action ids in the outcome), so a run that crashed resumes without doing
 * anything twice. Communications gain the reason a message failed or bounced.
 */
export const ladderMigration: Migration = {
  version: 7,
  name: 'ladder: dunning policies, rungs, runs, outgoing messages, call tasks',
  up(db) {
    db.exec(`
      CREATE TABLE dunning_policies (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
        -- Validated by shared/ladder/policy.ts on every write.
        policy_json TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX dunning_policies_one_default ON dunning_policies(is_default) WHERE is_default = 1;

      -- Where a policy applies; the most specific scope wins (contract, client, group, band).
      CREATE TABLE dunning_assignments (
        scope TEXT NOT NULL CHECK (scope IN ('contract', 'client', 'group', 'band')),
        target TEXT NOT NULL,
        policy_id TEXT NOT NULL REFERENCES dunning_policies(id),
        PRIMARY KEY (scope, target)
      ) STRICT;

      ALTER TABLE clients ADD COLUMN dunning_manual_only INTEGER NOT NULL DEFAULT 0 CHECK (dunning_manual_only IN (0, 1));

      CREATE TABLE dunning_runs (
        id TEXT PRIMARY KEY,
        as_of TEXT NOT NULL,
        started_by TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
        summary_json TEXT NOT NULL DEFAULT '{}'
      ) STRICT;

      CREATE TABLE dunning_rungs (
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        step_key TEXT NOT NULL,
        client_id TEXT NOT NULL REFERENCES clients(id),
        policy_id TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('approved', 'running', 'done', 'failed', 'skipped', 'missed', 'superseded', 'postponed')),
        scheduled_on TEXT NOT NULL,
        done_on TEXT,
        postponed_until TEXT,
        decided_by TEXT,
        decided_at TEXT,
        reason TEXT,
        catch_up INTEGER NOT NULL DEFAULT 0 CHECK (catch_up IN (0, 1)),
        run_id TEXT REFERENCES dunning_runs(id),
        attempts INTEGER NOT NULL DEFAULT 0,
        -- What each action did: [{kind, result, detail, refs}].
        outcomes_json TEXT NOT NULL DEFAULT '[]',
        -- Written with the intent, before anything is sent or asked for: the message key per
        -- letter and channel (shared with the client's other rungs in one message) and the panel
        -- action ids per contract, so a retry after a crash reuses them instead of doing it again.
        keys_json TEXT NOT NULL DEFAULT '{}',
        last_error TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (invoice_id, step_key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX dunning_rungs_by_client ON dunning_rungs(client_id, scheduled_on);

      -- Email and SMS: written (the intent) and committed before sending; the outcome is written after.
      CREATE TABLE outgoing_messages (
        id TEXT PRIMARY KEY,
        -- Idempotency: 'rung:<invoice>:<step>:<channel>' for the ladder, so a message is sent once.
        key TEXT NOT NULL UNIQUE,
        client_id TEXT NOT NULL REFERENCES clients(id),
        channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
        kind TEXT NOT NULL,
        recipient TEXT NOT NULL,
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        document_id TEXT REFERENCES documents(id),
        state TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        -- What the server said: the SMTP message id and response, the gateway's answer.
        provider_answer TEXT,
        created_at TEXT NOT NULL,
        sent_at TEXT
      ) STRICT;
      CREATE INDEX outgoing_messages_by_client ON outgoing_messages(client_id, created_at);

      -- Phone calls the ladder (or a person) asks for; the outcome is logged in communications.
      CREATE TABLE call_tasks (
        id TEXT PRIMARY KEY,
        key TEXT UNIQUE,
        client_id TEXT NOT NULL REFERENCES clients(id),
        invoice_id TEXT REFERENCES invoices(id),
        kind TEXT NOT NULL,
        phone TEXT,
        due_on TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('open', 'done', 'cancelled')),
        outcome TEXT,
        note TEXT,
        communication_id TEXT REFERENCES communications(id),
        created_at TEXT NOT NULL,
        done_at TEXT,
        done_by TEXT
      ) STRICT;
      CREATE INDEX call_tasks_open ON call_tasks(state, due_on);

      -- What the ladder reads every day, without touching the tables: the open invoices (the same
      -- rows as invoices_open_aging, with every column the ladder needs) and the contracts each
      -- invoice bills.
      CREATE INDEX invoices_open_ladder ON invoices(due_date, id, client_id, kind, source, currency, issue_date, total_minor, open_minor, number_text, external_number)
        WHERE status = 'issued' AND open_minor > 0;
      CREATE INDEX invoice_lines_contracts ON invoice_lines(invoice_id, contract_id) WHERE contract_id IS NOT NULL;

      ALTER TABLE communications ADD COLUMN detail TEXT;
      ALTER TABLE communications ADD COLUMN message_id TEXT REFERENCES outgoing_messages(id);
    `);
    // DESIGN §4's ladder as the book's default policy. (Dated by SQLite: a migration runs before the book's clock exists.)
    db.prepare(
      "INSERT INTO dunning_policies (id, name, is_default, policy_json, created_at, updated_at) VALUES ('dp_standard0', ?, 1, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
    ).run(DEFAULT_POLICY.name, JSON.stringify(DEFAULT_POLICY));
  },
};
