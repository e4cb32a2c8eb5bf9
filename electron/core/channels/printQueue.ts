// The day's printed letters: everything the ladder queued for print on a business day, in one
// PDF (the archived bytes, merged page for page), so a reseller prints and posts them together.
// Letters printed for the first time are logged 'printed'; printing the day again logs nothing new.
import { businessDate } from '../../../shared/dates.js';
import { addDays } from '../../../shared/dates.js';
import type { Context } from '../context.js';
import { createArchive } from '../documents/archive.js';
import { mergePdfs } from '../documents/pdfMerge.js';

interface QueuedRow {
  id: string;
  clientId: string;
  at: string;
  recipient: string;
  kind: string;
  subject: string;
  documentId: string;
  contentSha256: string;
  printed: number;
}

export function lettersToPrint(ctx: Context, date: string) {
  const timeZone = ctx.settings.get('timeZone');
  // A business day is at most a day and a bit away from its UTC instants, whatever the time zone.
  const rows = ctx.db
    .prepare<[string, string], QueuedRow>(
      `SELECT q.id, q.client_id AS clientId, q.at, q.recipient, q.kind, q.subject, q.document_id AS documentId, q.content_sha256 AS contentSha256,
         EXISTS (SELECT 1 FROM communications p WHERE p.document_id = q.document_id AND p.channel = 'letter' AND p.status = 'printed') AS printed
       FROM communications q
       WHERE q.channel = 'letter' AND q.status = 'queued_for_print' AND q.document_id IS NOT NULL AND q.at >= ? AND q.at < ?
       ORDER BY q.seq`,
    )
    .all(addDays(date, -2), addDays(date, 2))
    .filter((row) => businessDate(new Date(row.at), timeZone) === date);
  if (rows.length === 0) return { pdfBase64: null, letters: 0, pages: 0, newlyPrinted: 0 };
  const archive = createArchive(ctx.db);
  const merged = mergePdfs(
    rows.map((row) => archive.bytes(row.documentId)),
    `Letters ${date}`,
  );
  const fresh = rows.filter((row) => row.printed === 0);
  if (fresh.length > 0) {
    ctx.transaction(() => {
      const at = ctx.clock.now().toISOString();
      for (const row of fresh) {
        archive.logCommunication(
          { clientId: row.clientId, channel: 'letter', status: 'printed', recipient: row.recipient, kind: row.kind, subject: row.subject, documentId: row.documentId, contentSha256: row.contentSha256 },
          at,
        );
      }
      ctx.audit.append({ action: 'letters.printed', entity: 'book', entityId: 'book', data: { date, letters: fresh.length } });
    });
  }
  return { pdfBase64: Buffer.from(merged.bytes).toString('base64'), letters: rows.length, pages: merged.pages, newlyPrinted: fresh.length };
}
