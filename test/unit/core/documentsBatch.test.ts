// Batch printing on a real book: letters rendered in a worker and archived with the batch, the
// register CSV, reprinting archived documents page for page, and cancel leaving nothing behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergePdfs } from '../../../electron/core/documents/pdfMerge.js';
import { bookFingerprint, openTestBook, type TestBook } from '../../fixtures/book.js';
import { documentBook, pdfPages, pdfText } from '../../fixtures/documents.js';

let book: TestBook;
beforeEach(async () => {
  book = await openTestBook();
});
afterEach(() => book.close());

const parseCsv = (csv: string) => csv.trim().split('\r\n').map((line) => line.split(','));

describe('batch printing', () => {
  it('prints new letters and archived documents in one PDF in the chosen order, with a register that matches the archive', async () => {
    const { zh, en, zhInvoice } = await documentBook(book);
    const invoicePdf = await book.call('documents.invoicePdf', { invoiceId: zhInvoice.id });
    const progress: number[] = [];
    book.backend.subscribe((event) => {
      if (event.name === 'job.progress' && event.payload.label === 'documents.batch') progress.push(event.payload.done);
    });
    const result = await book.call('documents.batch', {
      letters: [
        { clientId: zh.id, kind: 'first_notice', params: {} },
        { clientId: en.id, kind: 'final_notice', params: { suspensionDate: '2026-12-03' } },
      ],
      documentIds: [invoicePdf.document!.id],
      sortBy: 'client_name',
    });
    expect(result.status).toBe('finished');
    expect(result.documents).toBe(3);
    expect(progress.at(-1)).toBe(4);

    const batch = await book.call('documents.get', { id: result.batch!.id });
    expect(pdfPages(batch.base64)).toBe(result.pages);
    const text = pdfText(batch.base64);
    // Acme before 张伟 (client name order); the two 张伟 documents keep the order they were asked in.
    expect(text.indexOf('Final notice')).toBeLessThan(text.indexOf('催缴通知'));
    expect(text.indexOf('催缴通知')).toBeLessThan(text.lastIndexOf(`账单 ${zhInvoice.number!}`));

    const rows = parseCsv(result.registerCsv!);
    expect(rows[0]).toEqual(['position', 'client', 'document_id', 'kind', 'title', 'first_page', 'pages', 'sha256']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['1', 'Acme Hosting', 'final_notice'],
      ['2', '张伟科技有限公司', 'first_notice'],
      ['3', '张伟科技有限公司', 'invoice'],
    ]);
    let page = 1;
    for (const row of rows.slice(1)) {
      const archived = await book.call('documents.get', { id: row[2]! });
      expect(archived.document.sha256).toBe(row[7]);
      expect(Number(row[5])).toBe(page);
      expect(Number(row[6])).toBe(archived.document.pages);
      page += archived.document.pages;
      if (row[3] !== 'invoice') expect(archived.document.batchId).toBe(result.batch!.id);
    }
    expect(page - 1).toBe(result.pages);
    expect(rows[3]![2]).toBe(invoicePdf.document!.id);

    const register = await book.call('documents.get', { id: result.register!.id });
    expect(Buffer.from(register.base64, 'base64').toString('utf8')).toBe(result.registerCsv);
    expect(register.document).toMatchObject({ kind: 'batch_register', mime: 'text/csv', batchId: result.batch!.id });
    // Each letter logged as printed; the reprinted invoice logged again, linked to its first issue.
    const log = await book.call('communications.list', { clientId: zh.id });
    expect(log.items.map((c) => [c.kind, c.status])).toEqual([
      ['invoice', 'printed'],
      ['first_notice', 'printed'],
      ['invoice', 'issued'],
    ]);
  });

  it('splits a larger batch between two workers and puts every letter back in its place', async () => {
    const { zh, en } = await documentBook(book);
    // Alternating clients, so each worker gets letters of both; sorted by name, Acme's 23 come first.
    const letters = Array.from({ length: 46 }, (_, i) => ({ clientId: i % 2 === 0 ? zh.id : en.id, kind: 'reminder' as const, params: {} }));
    const result = await book.call('documents.batch', { letters, sortBy: 'client_name' });
    const rows = parseCsv(result.registerCsv!).slice(1);
    expect(rows.map((r) => r[1])).toEqual([...Array(23).fill('Acme Hosting'), ...Array(23).fill('张伟科技有限公司')]);
    const batch = await book.call('documents.get', { id: result.batch!.id });
    expect(pdfPages(batch.base64)).toBe(46);
    const text = pdfText(batch.base64);
    expect(text.lastIndexOf('Friendly reminder')).toBeLessThan(text.indexOf('温馨提示'));
    for (const row of [rows[0]!, rows[22]!, rows[23]!, rows[45]!]) {
      expect((await book.call('documents.get', { id: row[2]! })).document.sha256).toBe(row[7]);
    }
  });

  it('sorts by amount owed within each currency, largest first when asked', async () => {
    const { zh, en } = await documentBook(book);
    const dollars = await book.call('clients.create', { name: 'Bigger Dollar Debt', currency: 'USD', address: { lines: ['2 Main St'], city: 'Springfield', postalCode: '12345', country: 'US' } });
    const draft = await book.call('invoices.createDraft', { clientId: dollars.id, dueDate: '2026-01-01', lines: [{ description: 'VPS', unitPriceMinor: 20000 }] });
    await book.call('invoices.issue', { id: draft.id, issueDate: '2025-12-01' });
    const order = async (descending: boolean) => {
      const result = await book.call('documents.batch', {
        letters: [en, zh, dollars].map((client) => ({ clientId: client.id, kind: 'reminder' as const, params: {} })),
        sortBy: 'amount',
        descending,
      });
      return parseCsv(result.registerCsv!).slice(1).map((r) => r[1]);
    };
    // ¥337.00 (CNY) is never ranked against the dollars: CNY's letters come first, then USD's by amount.
    expect(await order(true)).toEqual(['张伟科技有限公司', 'Bigger Dollar Debt', 'Acme Hosting']);
    expect(await order(false)).toEqual(['张伟科技有限公司', 'Acme Hosting', 'Bigger Dollar Debt']);
  });

  it('archives nothing when cancelled', async () => {
    const { zh, en } = await documentBook(book);
    const before = bookFingerprint(book.backend.db);
    let cancelled: Promise<unknown> | null = null;
    book.backend.subscribe((event) => {
      if (event.name === 'job.progress' && !cancelled) cancelled = book.backend.dispatch('documents.cancel', { jobId: event.payload.jobId });
    });
    const result = await book.call('documents.batch', {
      letters: [
        { clientId: zh.id, kind: 'reminder', params: {} },
        { clientId: en.id, kind: 'reminder', params: {} },
      ],
    });
    expect(await cancelled).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(result).toMatchObject({ status: 'cancelled', batch: null, register: null, registerCsv: null });
    expect(bookFingerprint(book.backend.db)).toBe(before);
    expect((await book.call('documents.cancel', {})).cancelled).toBe(false);
  });

  it('refuses an empty batch and names the letter a refusal is about', async () => {
    const { en } = await documentBook(book);
    const empty = await book.backend.dispatch('documents.batch', {});
    expect(!empty.ok && empty.error.details?.fields?.[0]?.field).toBe('letters');
    const bad = await book.backend.dispatch('documents.batch', { letters: [{ clientId: en.id, kind: 'reminder' }, { clientId: en.id, kind: 'final_notice' }] });
    expect(!bad.ok && bad.error.details?.fields?.[0]).toMatchObject({ field: 'letters.1.params.suspensionDate', code: 'required' });
  });
});

describe('merging PDFs', () => {
  it('keeps every page of every part, in order', async () => {
    const { zhInvoice, enInvoice } = await documentBook(book);
    const a = Buffer.from((await book.call('documents.invoicePdf', { invoiceId: zhInvoice.id })).pdfBase64, 'base64');
    const b = Buffer.from((await book.call('documents.invoicePdf', { invoiceId: enInvoice.id })).pdfBase64, 'base64');
    const merged = mergePdfs([a, b, a], '批量 batch');
    expect(merged.pages).toBe(3);
    expect(merged.firstPages).toEqual([1, 2, 3]);
    expect(pdfPages(merged.bytes)).toBe(3);
    const text = pdfText(merged.bytes);
    expect(text.split(zhInvoice.number!).length - 1).toBeGreaterThanOrEqual(2);
    expect(text.indexOf(enInvoice.number!)).toBeGreaterThan(text.indexOf(zhInvoice.number!));
    expect(() => mergePdfs([Buffer.from('not a pdf')], 'x')).toThrow(/not a complete PDF/);
  });
});
