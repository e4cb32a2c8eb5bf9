import type { Migration } from './index.js';

/** The register: the price list (plans) and the contracts clients hold, with their status history. */
export const registerMigration: Migration = {
  version: 2,
  name: 'register: plans, contracts, contract status history',
  up(db) {
    db.exec(`
      CREATE TABLE plans (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        prices_json TEXT NOT NULL,
        panel_kind TEXT NOT NULL,
        panel_package TEXT,
        restriction_plan_id TEXT REFERENCES plans(id),
        description TEXT,
        archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- Two current plans with one name would make every contract form ambiguous.
      CREATE UNIQUE INDEX plans_current_name ON plans(lower(name)) WHERE archived = 0;

      CREATE TABLE contracts (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        client_id TEXT NOT NULL REFERENCES clients(id),
        plan_id TEXT REFERENCES plans(id),
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        panel_kind TEXT NOT NULL,
        panel_account TEXT,
        price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        cycle TEXT NOT NULL CHECK (cycle IN ('monthly', 'quarterly', 'semiannual', 'annual', 'biennial')),
        pricing_model TEXT NOT NULL CHECK (pricing_model IN ('fixed', 'tiered', 'metered')),
        tiers_json TEXT,
        unit_label TEXT,
        start_date TEXT NOT NULL,
        next_due_date TEXT NOT NULL,
        end_date TEXT,
        expires_on TEXT,
        auto_renew INTEGER NOT NULL CHECK (auto_renew IN (0, 1)),
        terms_text TEXT,
        terms_version TEXT,
        signed_date TEXT,
        term_review_date TEXT,
        notes TEXT,
        status TEXT NOT NULL CHECK (status IN ('active', 'restricted', 'suspended', 'terminated', 'cancelled')),
        end_reason TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (end_date IS NULL OR end_date >= start_date),
        CHECK (next_due_date >= start_date)
      ) STRICT;
      CREATE INDEX contracts_by_client ON contracts(client_id, status);
      CREATE INDEX contracts_by_due ON contracts(next_due_date, id);
      CREATE INDEX contracts_by_review ON contracts(term_review_date) WHERE term_review_date IS NOT NULL;
      -- One panel account is one service: it may not sit on two live contracts at once.
      CREATE UNIQUE INDEX contracts_live_panel_account ON contracts(panel_kind, lower(panel_account))
        WHERE panel_account IS NOT NULL AND status IN ('active', 'restricted', 'suspended');

      CREATE TABLE contract_status_history (
        seq INTEGER PRIMARY KEY,
        contract_id TEXT NOT NULL REFERENCES contracts(id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        at TEXT NOT NULL,
        reason TEXT,
        actor TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contract_status_by_contract ON contract_status_history(contract_id, seq);

      -- Words of a contract (label or domain, panel account, client name) for the contracts view.
      CREATE VIRTUAL TABLE contract_search USING fts5(
        terms,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
    `);
  },
};
