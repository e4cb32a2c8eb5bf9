import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../electron/core/db/migrate.js';
import { DEFAULT_TEMPLATES } from '../../../shared/documents/defaultTemplates.js';
import { bookAtVersion } from '../../fixtures/migrationBook.js';

/** A book at migration 4 with one client and one invoice, brought to 5 (backed up first, as a real one). */
function bookAtRisk() {
  const { db, migrateTo } = bookAtVersion(4);
  db.prepare("INSERT INTO clients (id, name, sort_name, language, currency, channels_json, tags_json, created_at, updated_at) VALUES ('cl_a', 'A', 'a', 'en', 'USD', '[]', '[]', 't', 't')").run();
  const report = migrateTo(5);
  return { db, report };
}

const sha = 'a'.repeat(64);
const addDocument = (db: Database.Database, id: string, client: string | null = 'cl_a') =>
  db
    .prepare(
      `INSERT INTO documents (id, kind, client_id, title, language, mime, bytes, sha256, size_bytes, pages, created_at)
       VALUES (?, 'reminder', ?, 'Payment reminder', 'en', 'application/pdf', x'255044462d', ?, 5, 1, 't')`,
    )
    .run(id, client, sha);

describe('migration 5 (documents: company profile, templates, archive, communication log)', () => {
  it('adds the tables to a book that has clients, backing it up first, with every default template as version 1', () => {
    const { db, report } = bookAtRisk();
    expect(schemaVersion(db)).toBe(5);
    expect(report.backupFile).not.toBeNull();
    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
    const templates = db.prepare<[], { kind: string; language: string; version: number; subject: string; customised: number }>('SELECT kind, language, version, subject, customised FROM letter_templates').all();
    expect(templates).toHaveLength(18);
    expect(templates.every((t) => t.version === 1 && t.customised === 0)).toBe(true);
    expect(templates.find((t) => t.kind === 'final_notice' && t.language === 'zh-CN')?.subject).toBe(DEFAULT_TEMPLATES['zh-CN'].final_notice.subject);
    expect(db.prepare('SELECT count(*) FROM company_profile').pluck().get()).toBe(0);
  });

  it('keeps one company profile, with a logo only together with its type', () => {
    const { db } = bookAtRisk();
    const insert = (id: number, logo: Buffer | null, mime: string | null) =>
      db.prepare("INSERT INTO company_profile (id, name, logo, logo_mime, updated_at) VALUES (?, 'Cloudlet', ?, ?, 't')").run(id, logo, mime);
    expect(() => insert(2, null, null)).toThrow(/CHECK/);
    expect(() => insert(1, Buffer.from('x'), null)).toThrow(/CHECK/);
    expect(() => insert(1, Buffer.from('x'), 'image/gif')).toThrow(/CHECK/);
    insert(1, Buffer.from('x'), 'image/png');
    expect(() => db.prepare("UPDATE company_profile SET envelope_format = 'A4'").run()).toThrow(/CHECK/);
  });

  it('never changes or deletes an archived document, a communication log entry or a template version', () => {
    const { db } = bookAtRisk();
    addDocument(db, 'doc_1');
    db.prepare(
      "INSERT INTO communications (id, client_id, at, channel, status, recipient, kind, subject, document_id, content_sha256) VALUES ('com_1', 'cl_a', 't', 'letter', 'issued', 'A', 'reminder', 'Reminder', 'doc_1', ?)",
    ).run(sha);
    expect(() => db.prepare("UPDATE documents SET bytes = x'00' WHERE id = 'doc_1'").run()).toThrow(/archived documents never change/);
    expect(() => db.prepare("DELETE FROM documents WHERE id = 'doc_1'").run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE communications SET status = 'failed'").run()).toThrow(/never change/);
    expect(() => db.prepare('DELETE FROM communications').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE letter_templates SET body = 'x'").run()).toThrow(/never change/);
    expect(() => db.prepare('DELETE FROM letter_templates').run()).toThrow(/never deleted/);
    expect(db.prepare<[], Buffer>("SELECT bytes FROM documents WHERE id = 'doc_1'").pluck().get()!.toString()).toBe('%PDF-');
  });

  it('links documents and log entries to real clients and documents only, and keeps a source issued once', () => {
    const { db } = bookAtRisk();
    expect(() => addDocument(db, 'doc_x', 'cl_nobody')).toThrow(/FOREIGN KEY/);
    addDocument(db, 'doc_1');
    expect(() => addDocument(db, 'doc_1')).toThrow(/UNIQUE/);
    const keyed = (id: string) =>
      db
        .prepare(
          `INSERT INTO documents (id, kind, title, language, source_key, mime, bytes, sha256, size_bytes, pages, created_at)
           VALUES (?, 'invoice', 'Invoice', 'en', 'invoice:in_1', 'application/pdf', x'00', ?, 1, 1, 't')`,
        )
        .run(id, sha);
    keyed('doc_2');
    expect(() => keyed('doc_3')).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO communications (id, client_id, at, channel, status, recipient, kind, subject, document_id, content_sha256) VALUES ('com_2', 'cl_a', 't', 'letter', 'issued', 'A', 'k', 's', 'doc_none', ?)").run(sha),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db.prepare("INSERT INTO communications (id, client_id, at, channel, status, recipient, kind, subject, content_sha256) VALUES ('com_3', 'cl_a', 't', 'letter', 'issued', 'A', 'k', 's', 'short')").run(),
    ).toThrow(/CHECK/);
  });
});
