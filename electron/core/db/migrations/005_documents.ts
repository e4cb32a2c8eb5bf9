import type { Migration } from './index.js';
import { DEFAULT_TEMPLATES } from '../../../../shared/documents/defaultTemplates.js';
import { LETTER_KINDS } from '../../../../shared/documents/kinds.js';
import { LANGUAGES } from '../../../../shared/domain/language.js';

const refuse = (table: string, what: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${what} never change'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${what} are never deleted'); END;`;

/**
 * Documents: the company profile printed on them, the letter templates (every version kept, so an
 * issued letter names the wording it used), the archive of issued documents and the communication
 * log. Archived bytes live in the database, not in files beside it: the book is then one file that
 * backups, VACUUM INTO and the pre-migration copy take whole, and the immutability triggers guard
 * the bytes as well as their description. Archive and log rows are never updated or deleted.
 */
export const documentsMigration: Migration = {
  version: 5,
  name: 'documents: company profile, letter templates, the archive and the communication log',
  up(db) {
    db.exec(`
      CREATE TABLE company_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        address_json TEXT NOT NULL DEFAULT '[]',
        tax_id TEXT,
        email TEXT,
        phone TEXT,
        website TEXT,
        payment_json TEXT NOT NULL DEFAULT '[]',
        logo BLOB,
        logo_mime TEXT CHECK (logo_mime IN ('image/png', 'image/jpeg')),
        logo_width INTEGER,
        logo_height INTEGER,
        envelope_format TEXT NOT NULL DEFAULT 'DL' CHECK (envelope_format IN ('DL', 'C5')),
        envelope_window TEXT NOT NULL DEFAULT 'left' CHECK (envelope_window IN ('left', 'right')),
        updated_at TEXT NOT NULL,
        CHECK ((logo IS NULL) = (logo_mime IS NULL))
      ) STRICT;

      -- Every version of every template; the current one is the highest version of its kind and language.
      CREATE TABLE letter_templates (
        kind TEXT NOT NULL,
        language TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version >= 1),
        subject TEXT NOT NULL,
        body TEXT NOT NULL,
        customised INTEGER NOT NULL CHECK (customised IN (0, 1)),
        created_at TEXT NOT NULL,
        PRIMARY KEY (kind, language, version)
      ) STRICT;
      ${refuse('letter_templates', 'template versions')}

      CREATE TABLE documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        client_id TEXT REFERENCES clients(id),
        invoice_id TEXT REFERENCES invoices(id),
        title TEXT NOT NULL,
        language TEXT NOT NULL,
        template_version INTEGER,
        batch_id TEXT REFERENCES documents(id),
        -- What makes a request the same document: 'invoice:<id>' (issued once), 'statement:…' (the same data); null for letters.
        source_key TEXT UNIQUE,
        mime TEXT NOT NULL CHECK (mime IN ('application/pdf', 'text/csv')),
        bytes BLOB NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size_bytes INTEGER NOT NULL,
        pages INTEGER NOT NULL,
        warnings_json TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX documents_by_client ON documents(client_id, seq);
      CREATE INDEX documents_by_invoice ON documents(invoice_id, seq);
      CREATE INDEX documents_by_batch ON documents(batch_id);
      ${refuse('documents', 'archived documents')}

      -- Everything sent or handed to a client. Channel and status are open lists: the arrears ladder adds email, SMS and calls.
      CREATE TABLE communications (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        client_id TEXT NOT NULL REFERENCES clients(id),
        at TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (length(channel) BETWEEN 1 AND 30),
        status TEXT NOT NULL CHECK (length(status) BETWEEN 1 AND 30),
        recipient TEXT NOT NULL,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        document_id TEXT REFERENCES documents(id),
        content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64)
      ) STRICT;
      CREATE INDEX communications_by_client ON communications(client_id, seq);
      ${refuse('communications', 'communication log entries')}
    `);
    // The default wording as version 1, so the first letter issued can name the version it used.
    // (Dated by SQLite: a migration runs before the book's clock exists.)
    const insert = db.prepare("INSERT INTO letter_templates VALUES (?, ?, 1, ?, ?, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))");
    for (const language of LANGUAGES) {
      for (const kind of LETTER_KINDS) insert.run(kind, language, DEFAULT_TEMPLATES[language][kind].subject, DEFAULT_TEMPLATES[language][kind].body);
    }
  },
};
