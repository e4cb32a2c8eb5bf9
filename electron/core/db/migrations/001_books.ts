import type { Migration } from './index.js';

/** The first schema: settings of the books, the audit chain, and clients with their search index. */
export const booksMigration: Migration = {
  version: 1,
  name: 'books: settings, audit log, clients',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        data_json TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX audit_by_entity ON audit_log(entity, entity_id, seq);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      CREATE TABLE clients (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        sort_name TEXT NOT NULL,
        company TEXT,
        contact_name TEXT,
        email TEXT,
        billing_email TEXT,
        phone TEXT,
        address_json TEXT,
        country TEXT,
        tax_id TEXT,
        language TEXT NOT NULL CHECK (language IN ('en', 'zh-CN')),
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        channels_json TEXT NOT NULL,
        notes TEXT,
        tags_json TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- sort_name: the name folded for ordering (see search/sortKey.ts); SQLite's NOCASE only folds ASCII.
      CREATE INDEX clients_by_name ON clients(sort_name, id);
      CREATE INDEX clients_by_status_name ON clients(status, sort_name, id);

      -- One row per client (rowid = clients.seq) holding the words search matches against;
      -- see search/searchTerms.ts for how text becomes terms.
      CREATE VIRTUAL TABLE client_search USING fts5(
        terms,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '1 2 3'
      );
    `);
  },
};
