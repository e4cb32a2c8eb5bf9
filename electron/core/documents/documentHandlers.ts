// The documents API (shared/api/documents.ts): company profile, letter templates, PDFs, the
// archive, batch printing and the communication log.
import type { documentMethods } from '../../../shared/api/documents.js';
import type { HandlersOf } from '../context.js';
import { invalidField, notFound } from '../errors.js';
import { createArchive } from './archive.js';
import { cancelBatch, runBatch } from './batch.js';
import { letterhead, requireClient } from './builders/common.js';
import { composeLetter, letterText } from './builders/letter.js';
import { previewFacts, sampleClient, sampleFacts } from './builders/sample.js';
import { createCompanyProfile } from './companyProfile.js';
import { invoicePdf, letter, statementPdf } from './issue.js';
import { render } from './render.js';
import { assertTemplate, createTemplateStore } from './templateStore.js';

export const documentHandlers: HandlersOf<typeof documentMethods> = {
  'company.get'(_input, ctx) {
    return createCompanyProfile(ctx.db).get();
  },
  'company.update'(input, ctx) {
    const profile = createCompanyProfile(ctx.db);
    return ctx.transaction(() => {
      const changed = profile.update(input, ctx.clock.now().toISOString());
      if (changed.length > 0) ctx.audit.append({ action: 'company.updated', entity: 'company', entityId: 'company', data: { changed } });
      return profile.get();
    });
  },

  'templates.list'(_input, ctx) {
    return { items: createTemplateStore(ctx.db).list() };
  },
  'templates.get'(input, ctx) {
    return createTemplateStore(ctx.db).get(input.kind, input.language);
  },
  'templates.update'(input, ctx) {
    assertTemplate(input.kind, input);
    const store = createTemplateStore(ctx.db);
    return ctx.transaction(() => {
      const before = store.get(input.kind, input.language).version;
      const saved = store.save(input.kind, input.language, { subject: input.subject, body: input.body }, ctx.clock.now().toISOString());
      if (saved.version !== before) ctx.audit.append({ action: 'template.updated', entity: 'letter_template', entityId: `${input.kind}:${input.language}`, data: { version: saved.version } });
      return saved;
    });
  },
  'templates.reset'(input, ctx) {
    const store = createTemplateStore(ctx.db);
    return ctx.transaction(() => {
      const before = store.get(input.kind, input.language).version;
      const saved = store.reset(input.kind, input.language, ctx.clock.now().toISOString());
      if (saved.version !== before) ctx.audit.append({ action: 'template.reset', entity: 'letter_template', entityId: `${input.kind}:${input.language}`, data: { version: saved.version } });
      return saved;
    });
  },
  async 'templates.preview'(input, ctx) {
    const saved = createTemplateStore(ctx.db).get(input.kind, input.language);
    const template = { subject: input.subject ?? saved.subject, body: input.body ?? saved.body };
    assertTemplate(input.kind, template);
    const head = letterhead(ctx, 'preview');
    // The template's language, whatever the client's: the reseller is checking this wording.
    const real = input.clientId ? requireClient(ctx, input.clientId) : null;
    const client = real ? { ...real, language: input.language } : sampleClient(input.language);
    const facts = real ? previewFacts(ctx, real) : sampleFacts(ctx.today(), client.currency);
    const model = composeLetter(ctx, input.kind, template, facts, client, head);
    const rendered = await render(model);
    return { subject: model.subject, text: letterText(model), pdfBase64: Buffer.from(rendered.bytes).toString('base64'), pages: rendered.pages, warnings: rendered.warnings };
  },

  'documents.invoicePdf'(input, ctx) {
    return invoicePdf(ctx, input.invoiceId);
  },
  'documents.statementPdf'(input, ctx) {
    return statementPdf(ctx, input);
  },
  'documents.letter'(input, ctx) {
    return letter(ctx, input);
  },
  'documents.get'(input, ctx) {
    const archive = createArchive(ctx.db);
    const document = archive.get(input.id);
    if (!document) throw notFound('Document', input.id);
    return { document, base64: archive.bytes(document.id).toString('base64') };
  },
  'documents.list'(input, ctx) {
    if (input.clientId) requireClient(ctx, input.clientId);
    return createArchive(ctx.db).list(input, input.limit, input.cursor);
  },
  'documents.batch'(input, ctx) {
    return runBatch(ctx, input);
  },
  'documents.cancel'(input, ctx) {
    return cancelBatch(ctx, input.jobId);
  },

  'communications.list'(input, ctx) {
    if (!ctx.clients.get(input.clientId)) throw invalidField({ field: 'clientId', code: 'unknown_reference', message: 'That client does not exist.' });
    return createArchive(ctx.db).communications(input.clientId, input.limit, input.cursor);
  },
};
