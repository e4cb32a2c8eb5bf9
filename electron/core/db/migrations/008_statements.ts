import type { Migration } from './index.js';

/**
 * Bank and wallet statements, and imports of clients and contracts. A statement line's identity is
 * a hash of what the bank says about it (UNIQUE), so importing the same statement twice stores
 * nothing new; a line is linked to the payment it was booked as (UNIQUE), so it is never booked
 * twice. A client import is a batch that names every client and contract it created, so an undo
 * removes exactly those.
 */
export const statementsMigration: Migration = {
  version: 8,
  name: 'statements: bank statements and their lines, client and contract imports',
  up(db) {
    db.exec(`
      CREATE TABLE bank_statements (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        format TEXT NOT NULL CHECK (format IN ('generic', 'alipay', 'wechat', 'paypal')),
        file_name TEXT,
        line_count INTEGER NOT NULL,
        new_lines INTEGER NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE statement_lines (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        statement_id TEXT NOT NULL REFERENCES bank_statements(id),
        -- SHA-256 of date, amount, currency, reference, counterparty and the line's place among identical lines.
        identity TEXT NOT NULL UNIQUE,
        row INTEGER NOT NULL,
        date TEXT NOT NULL,
        -- Signed: money in is positive, money out negative.
        amount_minor INTEGER NOT NULL,
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        reference TEXT,
        counterparty TEXT,
        status TEXT NOT NULL CHECK (status IN ('open', 'booked', 'ignored', 'outgoing')),
        payment_id TEXT UNIQUE REFERENCES payments(id),
        decided_at TEXT,
        CHECK ((status = 'booked') = (payment_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX statement_lines_by_statement ON statement_lines(statement_id, row);
      CREATE INDEX statement_lines_by_status ON statement_lines(status, date);

      CREATE TABLE client_import_batches (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL CHECK (source IN ('generic', 'whmcs', 'blesta')),
        file_name TEXT,
        row_count INTEGER NOT NULL,
        clients_created INTEGER NOT NULL,
        contracts_created INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('imported', 'undone')),
        created_at TEXT NOT NULL,
        undone_at TEXT
      ) STRICT;

      -- What a client import created; an undo deletes exactly these.
      CREATE TABLE client_import_rows (
        batch_id TEXT NOT NULL REFERENCES client_import_batches(id),
        entity TEXT NOT NULL CHECK (entity IN ('client', 'contract')),
        entity_id TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id)
      ) STRICT;
      CREATE INDEX client_import_rows_by_batch ON client_import_rows(batch_id);
    `);
  },
};
