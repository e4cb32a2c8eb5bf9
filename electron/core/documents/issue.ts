// Issuing: a document rendered once, stored in the archive, recorded in the client's
// communication log and on their timeline (an audit row about the client), all in one
// transaction. Rendering happens before it, outside: a transaction cannot span an await.
import type { ArchivedDocument, DocumentResult } from '../../../shared/api/documents.js';
import type { ParsedInput } from '../../../shared/api/methods.js';
import type { Client } from '../../../shared/domain/client.js';
import type { LetterKind } from '../../../shared/documents/kinds.js';
import { documentTitle } from '../../../shared/documents/wording.js';
import type { Context } from '../context.js';
import { invalidField } from '../errors.js';
import { createArchive, sha256, type NewDocument } from './archive.js';
import { letterhead, recipientLine, recipientOf, requireClient, type Letterhead } from './builders/common.js';
import { invoiceDetail } from '../billing/invoiceDetail.js';
import { buildInvoice } from './builders/invoice.js';
import { composeLetter, gatherFacts, type LetterParams } from './builders/letter.js';
import { buildStatement } from './builders/statement.js';
import type { DocumentModel, LetterDocument } from './model.js';
import { render, type Rendered } from './render.js';
import { createTemplateStore } from './templateStore.js';

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

export interface IssueRecord {
  document: Omit<NewDocument, 'bytes' | 'pages' | 'warnings'>;
  client: Client;
  subject: string;
}

/**
 * Stores a rendered document and logs it as handed to the client (inside the caller's
 * transaction). `channel` null archives it without a log entry: an email or SMS logs itself once
 * the server has answered, as sent or failed.
 */
export function recordIssued(ctx: Context, record: IssueRecord, rendered: Rendered, status = 'issued', channel: 'letter' | null = 'letter'): ArchivedDocument {
  const archive = createArchive(ctx.db);
  const at = ctx.clock.now().toISOString();
  const document = archive.add({ ...record.document, bytes: rendered.bytes, pages: rendered.pages, warnings: rendered.warnings }, at);
  if (channel) {
    archive.logCommunication(
      {
        clientId: record.client.id,
        channel,
        status,
        recipient: recipientLine(recipientOf(record.client)),
        kind: document.kind,
        subject: record.subject,
        documentId: document.id,
        contentSha256: document.sha256,
      },
      at,
    );
  }
  ctx.audit.append({
    action: 'document.issued',
    entity: 'client',
    entityId: record.client.id,
    data: { documentId: document.id, kind: document.kind, title: document.title, invoiceId: document.invoiceId, sha256: document.sha256, templateVersion: document.templateVersion },
  });
  return document;
}

/** Answers with the archived bytes of a document issued earlier. */
function reopened(ctx: Context, document: ArchivedDocument): DocumentResult {
  const bytes = createArchive(ctx.db).bytes(document.id);
  return { document, pdfBase64: bytes.toString('base64'), pages: document.pages, reopened: true, warnings: document.warnings };
}

/** Issues once: a second request for the same source finds the first (also when two raced). */
async function issueOnce(ctx: Context, sourceKey: string, make: () => { model: DocumentModel; record: IssueRecord }): Promise<DocumentResult> {
  const archive = createArchive(ctx.db);
  const existing = archive.bySourceKey(sourceKey);
  if (existing) return reopened(ctx, existing);
  const { model, record } = make();
  const rendered = await render(model);
  return ctx.transaction(() => {
    const raced = archive.bySourceKey(sourceKey);
    if (raced) return reopened(ctx, raced);
    const document = recordIssued(ctx, { ...record, document: { ...record.document, sourceKey } }, rendered);
    return { document, pdfBase64: base64(rendered.bytes), pages: rendered.pages, reopened: false, warnings: rendered.warnings };
  });
}

export function invoicePdf(ctx: Context, invoiceId: string): Promise<DocumentResult> {
  const invoice = ctx.invoices.get(invoiceId);
  if (!invoice) throw invalidField({ field: 'invoiceId', code: 'unknown_reference', message: 'That invoice does not exist.' });
  // A draft has no number and may still change; printing it would put an unnumbered paper in a client's files.
  if (invoice.status === 'draft') {
    throw invalidField({ field: 'invoiceId', code: 'not_allowed', message: `This ${invoice.kind === 'proforma' ? 'proforma' : 'invoice'} is a draft: issue it first, then print it.` });
  }
  return issueOnce(ctx, `invoice:${invoice.id}`, () => {
    const head = letterhead(ctx, 'issue');
    const client = requireClient(ctx, invoice.clientId);
    const model = buildInvoice(ctx, invoiceDetail(ctx, invoice), client, head);
    return {
      model,
      record: {
        client,
        subject: model.title,
        document: { kind: invoice.kind, clientId: client.id, invoiceId: invoice.id, title: model.title, language: client.language, templateVersion: null, batchId: null, sourceKey: null, mime: 'application/pdf' },
      },
    };
  });
}

export function statementPdf(ctx: Context, input: ParsedInput<'documents.statementPdf'>): Promise<DocumentResult> {
  const client = requireClient(ctx, input.clientId);
  if (input.to < input.from) throw invalidField({ field: 'to', code: 'date_order', message: 'The statement must end on or after its first day.' });
  const head = letterhead(ctx, 'issue');
  const model = buildStatement(ctx, client, input.from, input.to, head);
  // The same period with nothing changed (entries, letterhead, address) is the same statement.
  const { dateText: _date, issuedOn: _on, company, ...content } = model;
  const key = `statement:${client.id}:${input.from}:${input.to}:${sha256(JSON.stringify({ content, company: { ...company, logo: company.logo ? sha256(company.logo) : null } }))}`;
  return issueOnce(ctx, key, () => ({
    model,
    record: {
      client,
      subject: model.title,
      document: { kind: 'statement', clientId: client.id, invoiceId: null, title: model.title, language: client.language, templateVersion: null, batchId: null, sourceKey: null, mime: 'application/pdf' },
    },
  }));
}

export interface PreparedLetter {
  model: LetterDocument;
  record: IssueRecord;
}

/** Builds a letter from the client's current template (nothing written yet). */
export function prepareLetter(ctx: Context, clientId: string, kind: LetterKind, params: LetterParams, head: Letterhead, field = 'clientId'): PreparedLetter {
  const client = requireClient(ctx, clientId, field);
  const template = createTemplateStore(ctx.db).get(kind, client.language);
  const facts = gatherFacts(ctx, client, kind, params);
  const model = composeLetter(ctx, kind, template, facts, client, head);
  return {
    model,
    record: {
      client,
      subject: model.subject,
      document: {
        kind,
        clientId: client.id,
        // A letter about one invoice is linked to it; one about several is linked to the client only.
        invoiceId: facts.invoices.length === 1 ? facts.invoices[0]!.id : null,
        title: `${documentTitle(client.language, kind)} – ${client.name}`,
        language: client.language,
        templateVersion: template.version,
        batchId: null,
        sourceKey: null,
        mime: 'application/pdf',
      },
    },
  };
}

export async function letter(ctx: Context, input: ParsedInput<'documents.letter'>): Promise<DocumentResult> {
  const head = letterhead(ctx, input.preview ? 'preview' : 'issue');
  const prepared = prepareLetter(ctx, input.clientId, input.kind, input.params, head);
  const rendered = await render(prepared.model);
  if (input.preview) return { document: null, pdfBase64: base64(rendered.bytes), pages: rendered.pages, reopened: false, warnings: rendered.warnings };
  const document = ctx.transaction(() => recordIssued(ctx, prepared.record, rendered));
  return { document, pdfBase64: base64(rendered.bytes), pages: rendered.pages, reopened: false, warnings: rendered.warnings };
}
