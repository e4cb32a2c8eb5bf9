// The documents service on a real book: PDFs read back with pdftotext, the archive's bytes, the
// templates and the communication log.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LETTER_KINDS } from '../../../shared/documents/kinds.js';
import { formatAmount } from '../../../shared/documents/wording.js';
import { openTestBook, type TestBook } from '../../fixtures/book.js';
import { COMPANY, documentBook, pdfText } from '../../fixtures/documents.js';

let book: TestBook;
beforeEach(async () => {
  book = await openTestBook();
});
afterEach(() => book.close());

const sha256 = (base64: string) => createHash('sha256').update(Buffer.from(base64, 'base64')).digest('hex');
const count = (table: string) => book.backend.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('invoice PDFs', () => {
  it("prints the number, the amounts and the client's Chinese name in the client's language", async () => {
    const { zhInvoice, enInvoice } = await documentBook(book);
    const zh = await book.call('documents.invoicePdf', { invoiceId: zhInvoice.id });
    const text = pdfText(zh.pdfBase64);
    expect(text).toContain(zhInvoice.number!);
    expect(text).toContain('张伟科技有限公司');
    expect(text).toContain('账单');
    expect(text).not.toContain('发票');
    expect(text).toContain('¥199.00');
    expect(text).toContain('¥138.00');
    expect(text).toContain('¥337.00');
    expect(text).toContain('2026年11月10日');
    expect(text).toContain(COMPANY.paymentLines[0]);
    expect(zh.reopened).toBe(false);
    expect(zh.document).toMatchObject({ kind: 'invoice', invoiceId: zhInvoice.id, language: 'zh-CN', pages: 1, templateVersion: null });

    const en = pdfText((await book.call('documents.invoicePdf', { invoiceId: enInvoice.id })).pdfBase64);
    expect(en).toContain(`Invoice ${enInvoice.number}`);
    expect(en).toContain('US$123.45');
    expect(en).toContain('20 November 2026');
  });

  it('gives back the same bytes on every later open, even after the company profile and templates changed', async () => {
    const { zhInvoice } = await documentBook(book);
    const first = await book.call('documents.invoicePdf', { invoiceId: zhInvoice.id });
    await book.call('company.update', { name: 'Renamed Hosting', paymentLines: ['New bank 1234'], envelopeWindow: 'right' });
    await book.call('templates.update', { kind: 'reminder', language: 'zh-CN', subject: '新的提醒', body: '尊敬的 {{client.name}}：请付款 {{amount.due}}。' });
    const again = await book.call('documents.invoicePdf', { invoiceId: zhInvoice.id });
    expect(again.reopened).toBe(true);
    expect(again.pdfBase64).toBe(first.pdfBase64);
    expect(again.document!.id).toBe(first.document!.id);
    expect(pdfText(again.pdfBase64)).not.toContain('Renamed Hosting');

    const stored = await book.call('documents.get', { id: first.document!.id });
    expect(stored.base64).toBe(first.pdfBase64);
    expect(stored.document.sha256).toBe(sha256(first.pdfBase64));
    const listed = await book.call('documents.list', { invoiceId: zhInvoice.id });
    expect(listed.items.map((d) => d.id)).toEqual([first.document!.id]);
    // Handed out once: one log entry, on the client's timeline too.
    const log = await book.call('communications.list', { clientId: zhInvoice.clientId });
    expect(log.items).toHaveLength(1);
    const timeline = await book.call('clients.timeline', { id: zhInvoice.clientId });
    expect(timeline.items.filter((e) => e.action === 'document.issued')).toHaveLength(1);
  });

  it('refuses a draft, an unknown invoice and a book without a company name, naming the field; warns without payment details', async () => {
    const bare = await book.call('clients.create', { name: 'Bare', currency: 'USD' });
    const draft = await book.call('invoices.createDraft', { clientId: bare.id, lines: [{ description: 'x', unitPriceMinor: 100 }] });
    const refusal = async (method: 'documents.invoicePdf', input: { invoiceId: string }) => {
      const answer = await book.backend.dispatch(method, input);
      expect(answer.ok).toBe(false);
      return !answer.ok ? answer.error : null;
    };
    const issued = await book.call('invoices.issue', { id: (await book.call('invoices.createDraft', { clientId: bare.id, lines: [{ description: 'y', unitPriceMinor: 100 }] })).id });

    expect((await refusal('documents.invoicePdf', { invoiceId: issued.id }))?.details?.fields?.[0]).toMatchObject({ field: 'company.name', code: 'required' });
    await book.call('company.update', { name: 'Cloudlet' });
    expect((await refusal('documents.invoicePdf', { invoiceId: draft.id }))?.details?.fields?.[0]).toMatchObject({ field: 'invoiceId', code: 'not_allowed' });
    expect((await refusal('documents.invoicePdf', { invoiceId: 'in_doesnotexist0' }))?.details?.fields?.[0]).toMatchObject({ field: 'invoiceId', code: 'unknown_reference' });
    expect(count('documents')).toBe(0);
    // Without payment details the invoice is made, says to contact the reseller, and the warning names the field.
    const made = await book.call('documents.invoicePdf', { invoiceId: issued.id });
    expect(made.warnings).toContainEqual(expect.objectContaining({ code: 'payment_details_missing', field: 'company.paymentLines' }));
    expect(made.document?.warnings).toEqual(made.warnings);
    expect(pdfText(made.pdfBase64)).toContain('please contact us');
  });
});

describe('statements', () => {
  it('prints the period and reissues only when something changed', async () => {
    const { zh, zhInvoice } = await documentBook(book);
    const first = await book.call('documents.statementPdf', { clientId: zh.id, from: '2026-10-01', to: '2026-11-26' });
    const text = pdfText(first.pdfBase64);
    expect(text).toContain('对账单');
    expect(text).toContain(`账单 ${zhInvoice.number}`);
    expect(text).toContain('¥337.00');
    expect((await book.call('documents.statementPdf', { clientId: zh.id, from: '2026-10-01', to: '2026-11-26' })).reopened).toBe(true);
    await book.call('payments.record', { clientId: zh.id, date: '2026-11-20', amountMinor: 10_000, method: 'alipay' });
    const after = await book.call('documents.statementPdf', { clientId: zh.id, from: '2026-10-01', to: '2026-11-26' });
    expect(after.reopened).toBe(false);
    expect(pdfText(after.pdfBase64)).toContain('¥237.00');
  });
});

describe('letter templates', () => {
  it('refuses a template with an unknown placeholder, naming the field and the placeholder, and keeps the version', async () => {
    const answer = await book.backend.dispatch('templates.update', { kind: 'first_notice', language: 'en', subject: 'Overdue', body: 'Dear {{client.nmae}}, please pay {{amount.due}}.' });
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('invalid_input');
      expect(answer.error.details?.fields).toEqual([{ field: 'body', code: 'unknown_reference', message: expect.stringContaining('{{client.nmae}}'), params: { placeholder: 'client.nmae' } }]);
    }
    expect((await book.call('templates.get', { kind: 'first_notice', language: 'en' })).version).toBe(1);
  });

  it('makes a new version on every edit and reset; an issued letter records the version it used', async () => {
    const { en } = await documentBook(book);
    const edited = await book.call('templates.update', { kind: 'first_notice', language: 'en', subject: 'Overdue: {{amount.overdue}}', body: 'Dear {{client.contact}},\n\nPlease pay {{amount.due}} now.\n\n{{invoices.open}}\n\nCall {{company.contact}}.' });
    expect(edited).toMatchObject({ version: 2, customised: true });
    const sent = await book.call('documents.letter', { clientId: en.id, kind: 'first_notice', params: {} });
    expect(sent.document?.templateVersion).toBe(2);
    expect(pdfText(sent.pdfBase64)).toContain('Please pay US$123.45 now.');
    const reset = await book.call('templates.reset', { kind: 'first_notice', language: 'en' });
    expect(reset).toMatchObject({ version: 3, customised: false });
    // The letter issued with version 2 is unchanged in the archive.
    expect((await book.call('documents.get', { id: sent.document!.id })).base64).toBe(sent.pdfBase64);
    const list = await book.call('templates.list', {});
    expect(list.items).toHaveLength(18);
  });

  it('previews a template, saved or as typed, for a sample client as text and PDF without writing anything', async () => {
    await book.call('company.update', COMPANY);
    const before = count('documents');
    const preview = await book.call('templates.preview', { kind: 'final_notice', language: 'zh-CN' });
    expect(preview.text).toContain('最后催缴通知');
    expect(preview.text).not.toContain('{{');
    expect(pdfText(preview.pdfBase64)).toContain('星辰网络科技有限公司');
    const typed = await book.call('templates.preview', { kind: 'reminder', language: 'en', subject: 'Hello {{client.name}}', body: 'Pay {{amount.due}} please.' });
    expect(typed.subject).toBe('Hello Northwind Web Studio Ltd');
    expect(typed.text).toContain('Pay £434.00 please.');
    expect(count('documents')).toBe(before);
  });
});

describe('letters', () => {
  it.each(['zh-CN', 'en'] as const)('every kind of letter renders in %s with its placeholders filled', async (language) => {
    const { zh, en, zhInvoice, enInvoice } = await documentBook(book);
    const client = language === 'zh-CN' ? zh : en;
    const invoice = language === 'zh-CN' ? zhInvoice : enInvoice;
    await book.call('payments.record', { clientId: client.id, date: '2026-11-25', amountMinor: 10_000, method: 'bank_transfer', reference: 'TRX-7' });
    const open = invoice.totalMinor - 10_000;
    await book.call('paymentPlans.create', {
      clientId: client.id,
      invoiceIds: [invoice.id],
      installments: [
        { dueDate: '2026-12-01', amountMinor: open - 1_000 },
        { dueDate: '2027-01-01', amountMinor: 1_000 },
      ],
    });
    const due = formatAmount(language, open, client.currency);
    for (const kind of LETTER_KINDS) {
      const params = kind === 'final_notice' ? { suspensionDate: '2026-12-03' } : kind === 'restriction_notice' ? { restriction: language === 'en' ? 'bandwidth limited to 1 Mbit/s.' : '带宽限制为 1 Mbit/s。' } : {};
      const letter = await book.call('documents.letter', { clientId: client.id, kind, params, preview: true });
      const text = pdfText(letter.pdfBase64);
      expect(text, kind).not.toMatch(/\{\{|\}\}/);
      expect(letter.document).toBeNull();
      if (kind === 'receipt') expect(text, kind).toContain(formatAmount(language, 10_000, client.currency));
      else if (kind === 'payment_plan_agreement') expect(text, kind).toContain(formatAmount(language, open - 1_000, client.currency));
      else expect(text, kind).toContain(due);
      if (kind === 'final_notice') expect(text).toContain(language === 'en' ? '3 December 2026' : '2026年12月3日');
      if (kind === 'restriction_notice') expect(text).toContain(language === 'en' ? 'bandwidth limited' : '带宽限制为');
      if (language === 'zh-CN' && kind === 'reminder') expect(text).toContain('温馨提示');
      if (language === 'zh-CN') expect(text).toContain('张伟');
    }
    expect(count('documents')).toBe(0);
  });

  it('announces a late fee in the second notice only when one was charged', async () => {
    const { en } = await documentBook(book);
    const none = pdfText((await book.call('documents.letter', { clientId: en.id, kind: 'second_notice', params: {}, preview: true })).pdfBase64);
    expect(none).not.toContain('late fee');
    expect(none).toContain('writing again. The balance is now US$123.45.');
    // The sample client of the preview has a late fee invoice of £15.00 open.
    const sample = await book.call('templates.preview', { kind: 'second_notice', language: 'en' });
    expect(sample.text).toContain('a late fee of £15.00 has been charged. The balance is now £434.00.');
  });

  it("writes about the invoices or proformas named, refusing one that is not the client's or not open", async () => {
    const { en, zhInvoice } = await documentBook(book);
    const draft = await book.call('invoices.createDraft', { clientId: en.id, kind: 'proforma', dueDate: '2026-12-01', lines: [{ description: 'VPS renewal', unitPriceMinor: 4_900 }] });
    const proforma = await book.call('invoices.issue', { id: draft.id, issueDate: '2026-11-24' });
    const reminder = pdfText((await book.call('documents.letter', { clientId: en.id, kind: 'reminder', params: { invoiceIds: [proforma.id] }, preview: true })).pdfBase64);
    expect(reminder).toContain(proforma.number!);
    expect(reminder).not.toContain('US$123.45');
    const unsent = await book.call('invoices.createDraft', { clientId: en.id, lines: [{ description: 'Not issued', unitPriceMinor: 100 }] });
    for (const [at, id] of [[1, zhInvoice.id], [1, unsent.id]] as const) {
      const refused = await book.backend.dispatch('documents.letter', { clientId: en.id, kind: 'reminder', params: { invoiceIds: [proforma.id, id] }, preview: true });
      expect(!refused.ok && refused.error.details?.fields?.[0]).toMatchObject({ field: `params.invoiceIds.${at}`, code: 'unknown_reference' });
    }
  });

  it('refuses a final notice without a suspension date, and a receipt with nothing received, naming the parameter', async () => {
    const { en } = await documentBook(book);
    const final = await book.backend.dispatch('documents.letter', { clientId: en.id, kind: 'final_notice', params: {} });
    expect(!final.ok && final.error.details?.fields?.[0]).toMatchObject({ field: 'params.suspensionDate', code: 'required' });
    const receipt = await book.backend.dispatch('documents.letter', { clientId: en.id, kind: 'receipt' });
    expect(!receipt.ok && receipt.error.details?.fields?.[0]).toMatchObject({ field: 'params.paymentId', code: 'required' });
    // Nothing owed, nothing to remind of: a notice would say "0.00 overdue".
    await book.call('payments.record', { clientId: en.id, date: '2026-11-25', amountMinor: 12_345, method: 'card' });
    const notice = await book.backend.dispatch('documents.letter', { clientId: en.id, kind: 'first_notice' });
    expect(!notice.ok && notice.error.details?.fields?.[0]).toMatchObject({ field: 'clientId', code: 'not_allowed' });
  });
});

describe('the communication log', () => {
  it('records every issued letter with its content hash, newest first, and cannot be changed', async () => {
    const { zh } = await documentBook(book);
    const first = await book.call('documents.letter', { clientId: zh.id, kind: 'reminder', params: {} });
    const second = await book.call('documents.letter', { clientId: zh.id, kind: 'final_notice', params: { suspensionDate: '2026-12-03' } });
    const page = await book.call('communications.list', { clientId: zh.id, limit: 1 });
    expect(page.items[0]).toMatchObject({ channel: 'letter', status: 'issued', kind: 'final_notice', documentId: second.document!.id, contentSha256: sha256(second.pdfBase64) });
    expect(page.items[0]!.recipient).toContain('张伟科技有限公司');
    const rest = await book.call('communications.list', { clientId: zh.id, limit: 1, cursor: page.nextCursor! });
    expect(rest.items[0]!.documentId).toBe(first.document!.id);
    expect(rest.nextCursor).toBeNull();
    const db = book.backend.db;
    expect(() => db.prepare("UPDATE communications SET status = 'failed'").run()).toThrow(/never change/);
    expect(() => db.prepare('DELETE FROM communications').run()).toThrow(/never deleted/);
    expect(() => db.prepare('UPDATE documents SET title = ?').run('x')).toThrow(/never change/);
    expect(count('communications')).toBe(2);
  });
});

describe('the company profile', () => {
  // A 1×1 PNG.
  const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

  it('keeps a PNG logo with its size, refuses what is not an image, and clears fields sent as null', async () => {
    const saved = await book.call('company.update', { ...COMPANY, logoBase64: PNG, website: 'cloudlet.example' });
    expect(saved.logo).toMatchObject({ mime: 'image/png', width: 1, height: 1, base64: PNG });
    expect(saved.configured).toBe(true);
    const broken = await book.backend.dispatch('company.update', { logoBase64: Buffer.from('GIF89a not a png').toString('base64') });
    expect(!broken.ok && broken.error.details?.fields?.[0]).toMatchObject({ field: 'logoBase64', code: 'invalid' });
    const huge = await book.backend.dispatch('company.update', { logoBase64: 'A'.repeat(1_000_000) });
    expect(!huge.ok && huge.error.details?.fields?.[0]).toMatchObject({ field: 'logoBase64', code: 'too_long' });
    const cleared = await book.call('company.update', { logoBase64: null, website: null });
    expect(cleared).toMatchObject({ logo: null, website: null, name: COMPANY.name });
  });
});
