import type { Migration } from './index.js';

/**
 * Control panels: the connections (no secret in here: credentials live in the SecretStore under
 * `panel:<id>:<field>`), which connection each contract's account lives on, and the durable action
 * queue. An action row is written (the intent) and committed before anything is sent to a panel,
 * and its outcome is written in a second transaction, so after a crash an action left `running`
 * can be reconciled by reading the panel instead of being sent again.
 */
export const panelsMigration: Migration = {
  version: 6,
  name: 'panels: connections, contract links, the action queue and its settings',
  up(db) {
    db.exec(`
      CREATE TABLE panel_connections (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('cpanel', 'plesk', 'directadmin', 'virtualizor', 'solusvm', 'proxmox', 'hestiacp', 'virtualmin', 'btpanel', 'webhook')),
        name TEXT NOT NULL,
        host TEXT NOT NULL,
        port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
        options_json TEXT NOT NULL DEFAULT '{}',
        -- The certificate the reseller accepted (trust on first use); null until pinned.
        pinned_sha256 TEXT,
        pinned_subject TEXT,
        pinned_valid_to TEXT,
        last_test_at TEXT,
        last_test_ok INTEGER CHECK (last_test_ok IN (0, 1)),
        last_test_message TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX panel_connections_by_name ON panel_connections(name);

      ALTER TABLE contracts ADD COLUMN panel_connection_id TEXT REFERENCES panel_connections(id);
      CREATE INDEX contracts_by_panel_connection ON contracts(panel_connection_id) WHERE panel_connection_id IS NOT NULL;

      CREATE TABLE panel_actions (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        contract_id TEXT NOT NULL REFERENCES contracts(id),
        -- Where and on which account, as they were when the action was asked for.
        connection_id TEXT NOT NULL REFERENCES panel_connections(id),
        account TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('limit_bandwidth', 'restore_bandwidth', 'downgrade', 'restore_package', 'backup', 'suspend', 'unsuspend', 'terminate', 'manual_backup')),
        state TEXT NOT NULL CHECK (state IN ('pending_approval', 'queued', 'running', 'succeeded', 'failed', 'cancelled')),
        -- A user's name, 'ladder' or 'payment'.
        requested_by TEXT NOT NULL,
        reason TEXT,
        -- What to set: {bandwidth}, {packageName}, {previous} for restores.
        params_json TEXT NOT NULL DEFAULT '{}',
        -- Starts only once this action succeeded (the backup before a suspension).
        depends_on TEXT REFERENCES panel_actions(id),
        -- The panel cannot back up: never runs without a person approving it.
        no_backup INTEGER NOT NULL DEFAULT 0 CHECK (no_backup IN (0, 1)),
        approved_by TEXT,
        approved_at TEXT,
        -- Termination: approved, then confirmed by typing the account name.
        confirmed_by TEXT,
        confirmed_at TEXT,
        dry_run INTEGER NOT NULL DEFAULT 0 CHECK (dry_run IN (0, 1)),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        -- The panel's reference of a backup in progress (polled; resumed after a restart).
        backup_ref TEXT,
        -- What was there before (read in the intent step), to restore later.
        previous_json TEXT,
        -- The panel's answer, secrets removed.
        answer TEXT,
        error_kind TEXT,
        error_message TEXT,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX panel_actions_by_state ON panel_actions(state, seq);
      CREATE INDEX panel_actions_by_contract ON panel_actions(contract_id, seq);
      CREATE INDEX panel_actions_by_account ON panel_actions(connection_id, account, state);

      -- One row: which action kinds wait for approval, and dry-run mode.
      CREATE TABLE panel_queue_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        approvals_json TEXT NOT NULL,
        dry_run INTEGER NOT NULL CHECK (dry_run IN (0, 1))
      ) STRICT;
      INSERT INTO panel_queue_settings VALUES (1, '{}', 0);
    `);
  },
};
