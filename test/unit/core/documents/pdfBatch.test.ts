// Batch printing: many letters in one PDF on a worker thread, in order, each with its own page
// numbering, progress as it goes, a register row per letter, and cancel.
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../../../electron/core/documents/model.js';
import { BatchCancelled, registerRows, renderBatch } from '../../../../electron/core/documents/pdf/index.js';
import { sampleInvoice, sampleLetter } from '../../../fixtures/documents/sampleModels.js';
import { pdfInfo, pdfPages } from '../../../fixtures/documents/readPdf.js';

const squash = (text: string) => text.replace(/\s+/g, ' ');

function letters(): DocumentModel[] {
  const long = sampleInvoice('en', 'invoice', 60);
  return [
    sampleLetter('en', 'reminder'),
    { ...sampleLetter('zh-CN', 'final_notice'), recipient: { name: '李娜 女士', addressLines: ['杭州市西湖区文三路 100 号'] } },
    long,
    { ...sampleLetter('en', 'receipt'), recipient: { name: 'Mr Tom Baker', addressLines: ['3 Mill Road', 'Leeds LS1 1AA'] } },
  ];
}

describe('renderBatch', () => {
  it('puts every document in one PDF in order, each starting on a new page with its own numbering', async () => {
    const models = letters();
    const seen: Array<[number, number]> = [];
    const result = await renderBatch(models, { onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    const invoicePages = result.documents[2].pages;
    expect(invoicePages).toBeGreaterThan(1);
    expect(result.pages).toBe(3 + invoicePages);
    expect(Number(pdfInfo(result.bytes).Pages)).toBe(result.pages);
    expect(result.documents.map((d) => d.firstPage)).toEqual([1, 2, 3, 3 + invoicePages]);

    const pages = pdfPages(result.bytes).map(squash);
    expect(pages[0]).toContain('A friendly reminder');
    expect(pages[0]).toContain('Page 1 of 1');
    expect(pages[1]).toContain('李娜 女士');
    expect(pages[1]).toContain('第 1 页，共 1 页');
    for (let i = 0; i < invoicePages; i += 1) expect(pages[2 + i]).toContain(`Page ${i + 1} of ${invoicePages}`);
    expect(pages[2 + invoicePages]).toContain('Mr Tom Baker');
    expect(pages[2 + invoicePages]).toContain('Page 1 of 1');
    // The logo is embedded once for the whole batch, though each model carries its own bytes.
    expect(Buffer.from(result.bytes).toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(1);

    const rows = registerRows(models, result);
    expect(rows.map((row) => [row.sequence, row.kind, row.recipient, row.firstPage, row.lastPage, row.pages])).toEqual([
      [1, 'reminder', 'Mrs Alice Moreton', 1, 1, 1],
      [2, 'final_notice', '李娜 女士', 2, 2, 1],
      [3, 'invoice', 'Mrs Alice Moreton', 3, 2 + invoicePages, invoicePages],
      [4, 'receipt', 'Mr Tom Baker', 3 + invoicePages, 3 + invoicePages, 1],
    ]);
    expect(rows[3].address).toBe('3 Mill Road, Leeds LS1 1AA');
  });

  it('passes warnings back per document', async () => {
    const broken = sampleLetter('en', 'first_notice');
    broken.company = { ...broken.company, paymentLines: [] };
    const result = await renderBatch([sampleLetter('en', 'reminder'), broken]);
    expect(result.documents[0].warnings).toEqual([]);
    expect(result.documents[1].warnings).toEqual([{ code: 'payment_details_missing', field: 'company.paymentLines' }]);
    expect(registerRows([sampleLetter('en', 'reminder'), broken], result)[1].warnings).toEqual(['payment_details_missing']);
  });

  it('stops when cancelled and reports no result', async () => {
    const models = Array.from({ length: 400 }, (_, i) => sampleLetter(i % 2 ? 'en' : 'zh-CN', 'second_notice'));
    const controller = new AbortController();
    let progressed = 0;
    const batch = renderBatch(models, {
      signal: controller.signal,
      onProgress: (done) => {
        progressed = done;
        if (done === 5) controller.abort();
      },
    });
    await expect(batch).rejects.toBeInstanceOf(BatchCancelled);
    expect(progressed).toBeLessThan(400);
    // Already aborted: nothing starts.
    await expect(renderBatch(models, { signal: controller.signal })).rejects.toBeInstanceOf(BatchCancelled);
  });
});
