// The archive: every issued document stored once, bytes and all, with its SHA-256. Rows are never
// changed or deleted (triggers refuse it), so reopening a document gives back what was issued.
import { createHash } from 'node:crypto';
import type { ArchivedDocument, Communication, DocumentWarning } from '../../../shared/api/documents.js';
import type { DocumentKind } from '../../../shared/documents/kinds.js';
import type { Language } from '../../../shared/domain/language.js';
import type { Db } from '../db/database.js';
import { ApiError } from '../errors.js';
import { newId } from '../ids.js';

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export interface NewDocument {
  kind: DocumentKind;
  clientId: string | null;
  invoiceId: string | null;
  title: string;
  language: Language;
  templateVersion: number | null;
  batchId: string | null;
  sourceKey: string | null;
  mime: 'application/pdf' | 'text/csv';
  bytes: Uint8Array;
  pages: number;
  warnings: DocumentWarning[];
}

interface DocumentRow {
  id: string;
  kind: DocumentKind;
  client_id: string | null;
  client_name: string | null;
  invoice_id: string | null;
  title: string;
  language: Language;
  template_version: number | null;
  batch_id: string | null;
  mime: 'application/pdf' | 'text/csv';
  sha256: string;
  size_bytes: number;
  pages: number;
  warnings_json: string;
  created_at: string;
  seq: number;
}

const META = `d.seq, d.id, d.kind, d.client_id, c.name AS client_name, d.invoice_id, d.title, d.language, d.template_version, d.batch_id, d.mime,
  d.sha256, d.size_bytes, d.pages, d.warnings_json, d.created_at FROM documents d LEFT JOIN clients c ON c.id = d.client_id`;

const toDocument = (row: DocumentRow): ArchivedDocument => ({
  id: row.id,
  kind: row.kind,
  clientId: row.client_id,
  clientName: row.client_name,
  invoiceId: row.invoice_id,
  title: row.title,
  language: row.language,
  templateVersion: row.template_version,
  batchId: row.batch_id,
  mime: row.mime,
  sha256: row.sha256,
  sizeBytes: row.size_bytes,
  pages: row.pages,
  createdAt: row.created_at,
  warnings: JSON.parse(row.warnings_json) as DocumentWarning[],
});

/** Cursors are the archive's own sequence numbers, written as text. */
function parseCursor(cursor: string | undefined): number | null {
  if (cursor === undefined) return null;
  if (!/^[1-9][0-9]{0,15}$/.test(cursor)) {
    throw new ApiError('invalid_input', 'The page cursor is not one HostLedger handed out.', {
      fields: [{ field: 'cursor', code: 'invalid', message: 'The page cursor is not one HostLedger handed out.' }],
    });
  }
  return Number(cursor);
}

export function createArchive(db: Db) {
  const insert = db.prepare(
    `INSERT INTO documents (id, kind, client_id, invoice_id, title, language, template_version, batch_id, source_key, mime, bytes, sha256, size_bytes, pages, warnings_json, created_at)
     VALUES (@id, @kind, @clientId, @invoiceId, @title, @language, @templateVersion, @batchId, @sourceKey, @mime, @bytes, @sha256, @size, @pages, @warnings, @at)`,
  );
  const byId = db.prepare<[string], DocumentRow>(`SELECT ${META} WHERE d.id = ?`);
  const bySource = db.prepare<[string], DocumentRow>(`SELECT ${META} WHERE d.source_key = ?`);
  const bytesOf = db.prepare<[string], Buffer>('SELECT bytes FROM documents WHERE id = ?').pluck();
  const insertCommunication = db.prepare(
    `INSERT INTO communications (id, client_id, at, channel, status, recipient, kind, subject, document_id, content_sha256, detail, message_id)
     VALUES (@id, @clientId, @at, @channel, @status, @recipient, @kind, @subject, @documentId, @contentSha256, @detail, @messageId)`,
  );

  return {
    /** Stores a document (inside the caller's transaction). */
    add(document: NewDocument, at: string): ArchivedDocument {
      const id = newId('doc');
      insert.run({
        id,
        kind: document.kind,
        clientId: document.clientId,
        invoiceId: document.invoiceId,
        title: document.title,
        language: document.language,
        templateVersion: document.templateVersion,
        batchId: document.batchId,
        sourceKey: document.sourceKey,
        mime: document.mime,
        bytes: Buffer.from(document.bytes.buffer, document.bytes.byteOffset, document.bytes.byteLength),
        sha256: sha256(document.bytes),
        size: document.bytes.byteLength,
        pages: document.pages,
        warnings: JSON.stringify(document.warnings),
        at,
      });
      return toDocument(byId.get(id)!);
    },
    get(id: string): ArchivedDocument | null {
      const row = byId.get(id);
      return row ? toDocument(row) : null;
    },
    bySourceKey(key: string): ArchivedDocument | null {
      const row = bySource.get(key);
      return row ? toDocument(row) : null;
    },
    bytes: (id: string): Buffer => bytesOf.get(id)!,
    list(filters: { clientId?: string; kind?: DocumentKind; invoiceId?: string; batchId?: string }, limit: number, cursor?: string) {
      const before = parseCursor(cursor);
      const rows = db
        .prepare<Record<string, unknown>, DocumentRow>(
          `SELECT ${META} WHERE (@clientId IS NULL OR d.client_id = @clientId) AND (@kind IS NULL OR d.kind = @kind)
             AND (@invoiceId IS NULL OR d.invoice_id = @invoiceId) AND (@batchId IS NULL OR d.batch_id = @batchId) AND (@before IS NULL OR d.seq < @before)
           ORDER BY d.seq DESC LIMIT @limit`,
        )
        .all({ clientId: filters.clientId ?? null, kind: filters.kind ?? null, invoiceId: filters.invoiceId ?? null, batchId: filters.batchId ?? null, before, limit: limit + 1 });
      const more = rows.length > limit;
      const items = rows.slice(0, limit);
      return { items: items.map(toDocument), nextCursor: more ? String(items.at(-1)!.seq) : null };
    },

    /** Records something sent or handed to a client (inside the caller's transaction); an email or SMS names its outgoing message. */
    logCommunication(entry: Omit<Communication, 'id' | 'at' | 'detail'> & { detail?: string | null; messageId?: string | null }, at: string): Communication {
      const { messageId = null, ...rest } = entry;
      const row = { id: newId('com'), at, ...rest, detail: rest.detail ?? null };
      insertCommunication.run({ ...row, messageId });
      return row;
    },
    communications(clientId: string, limit: number, cursor?: string) {
      const before = parseCursor(cursor);
      const rows = db
        .prepare<Record<string, unknown>, Communication & { seq: number; clientId: string }>(
          `SELECT seq, id, client_id AS clientId, at, channel, status, recipient, kind, subject, document_id AS documentId, content_sha256 AS contentSha256, detail
           FROM communications WHERE client_id = @clientId AND (@before IS NULL OR seq < @before) ORDER BY seq DESC LIMIT @limit`,
        )
        .all({ clientId, before, limit: limit + 1 });
      const more = rows.length > limit;
      const items = rows.slice(0, limit);
      return { items: items.map(({ seq: _seq, ...rest }) => rest), nextCursor: more ? String(items.at(-1)!.seq) : null };
    },
  };
}

export type Archive = ReturnType<typeof createArchive>;
