// The evidence bundle's CSV files: the records behind the PDF, for a lawyer's or an expert's own
// tools. Column names are fixed identifiers (not translated) so a script reads every bundle alike;
// amounts are whole minor units; UTF-8 with a byte order mark so spreadsheet programs read Chinese.
import { stringify } from 'csv-stringify/sync';
import type { EvidenceBook } from './gather.js';

export interface BundleFile {
  /** Path inside the ZIP, with forward slashes. */
  path: string;
  bytes: Buffer;
}

function csv(path: string, columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>): BundleFile {
  const text = stringify(
    rows.map((row) => row.map((cell) => (cell === null ? '' : typeof cell === 'boolean' ? (cell ? 'true' : 'false') : cell))),
    { header: true, columns: [...columns], bom: true, record_delimiter: 'unix' },
  );
  return { path, bytes: Buffer.from(text, 'utf8') };
}

export function csvFiles(book: EvidenceBook): BundleFile[] {
  return [
    csv(
      'csv/invoices.csv',
      ['id', 'number', 'kind', 'status', 'issue_date', 'due_date', 'currency', 'net_minor', 'tax_minor', 'total_minor', 'open_minor', 'source', 'disputed', 'credited_invoice_id', 'reason', 'void_reason', 'issued_sha256'],
      book.invoices.map((i) => [i.id, i.number, i.kind, i.status, i.issueDate, i.dueDate, i.currency, i.netMinor, i.taxMinor, i.totalMinor, i.openMinor, i.source, i.disputed, i.creditedInvoiceId, i.reason, i.voidReason, i.issuedHash]),
    ),
    csv(
      'csv/invoice_lines.csv',
      ['invoice_id', 'invoice_number', 'position', 'kind', 'description', 'quantity_milli', 'unit_price_minor', 'tax_rate_bp', 'net_minor', 'tax_minor', 'total_minor'],
      book.invoices.flatMap((i) => i.lines.map((l) => [i.id, i.number, l.position, l.kind, l.description, l.quantityMilli, l.unitPriceMinor, l.taxRateBp, l.netMinor, l.taxMinor, l.totalMinor])),
    ),
    csv(
      'csv/payments.csv',
      ['id', 'date', 'currency', 'amount_minor', 'method', 'reference', 'status', 'bounced_date', 'bounce_reason', 'applied_to'],
      book.payments.map((x) => [
        x.id,
        x.date,
        x.currency,
        x.amountMinor,
        x.method,
        x.reference,
        x.status,
        x.status === 'bounced' ? x.bouncedDate : null,
        x.status === 'bounced' ? x.bounceReason : null,
        x.allocations.map((a) => `${a.invoiceNumber}:${a.amountMinor}${a.reversedDate ? ` (reversed ${a.reversedDate})` : ''}`).join('; '),
      ]),
    ),
    csv(
      'csv/communications.csv',
      ['id', 'at', 'channel', 'kind', 'status', 'recipient', 'subject', 'content_sha256', 'document_id', 'detail', 'message_id', 'message_state', 'sent_at', 'provider_answer', 'last_error'],
      book.communications.map((c) => [c.id, c.at, c.channel, c.kind, c.status, c.recipient, c.subject, c.contentSha256, c.documentId, c.detail, c.messageId, c.messageState, c.sentAt, c.providerAnswer, c.lastError]),
    ),
    csv(
      'csv/panel_actions.csv',
      ['id', 'contract', 'account', 'kind', 'state', 'requested_by', 'reason', 'created_at', 'approved_by', 'approved_at', 'started_at', 'finished_at', 'dry_run', 'answer', 'error'],
      book.panelActions.map((a) => [a.id, a.contractLabel, a.account, a.kind, a.state, a.requestedBy, a.reason, a.createdAt, a.approvedBy, a.approvedAt, a.startedAt, a.finishedAt, a.dryRun, a.answer, a.errorMessage]),
    ),
    csv(
      'csv/ladder.csv',
      ['invoice_id', 'invoice_number', 'step', 'state', 'scheduled_on', 'done_on', 'decided_by', 'decided_at', 'reason', 'catch_up', 'outcomes_json', 'last_error'],
      book.rungs.map((r) => [r.invoiceId, r.invoiceNumber, r.stepKey, r.state, r.scheduledOn, r.doneOn, r.decidedBy, r.decidedAt, r.reason, r.catchUp, r.outcomes, r.lastError]),
    ),
    csv(
      'csv/audit_log.csv',
      ['seq', 'at', 'actor', 'action', 'entity', 'entity_id', 'data_json', 'prev_hash', 'hash'],
      book.audit.map((a) => [a.seq, a.at, a.actor, a.action, a.entity, a.entityId, a.data, a.prevHash, a.hash]),
    ),
  ];
}
