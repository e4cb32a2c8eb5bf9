// Whatever text reaches the layout — any Unicode, lone surrogates, control characters, very long
// words, empty lists — the document still renders, every page is numbered, and any character the
// font cannot draw is reported rather than silently dropped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../../../../electron/core/documents/model.js';
import { loadFonts, renderDocument } from '../../../../electron/core/documents/pdf/index.js';
import { sampleInvoice, sampleLetter } from '../../../fixtures/documents/sampleModels.js';
import { pdfInfo } from '../../../fixtures/documents/readPdf.js';

const fonts = loadFonts();
const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 400 }), fc.constant(''));

describe('any text in the model', () => {
  it('renders invoices and letters without throwing, numbered, with missing glyphs reported', async () => {
    await fc.assert(
      fc.asyncProperty(text, text, fc.array(text, { maxLength: 9 }), fc.array(text, { maxLength: 30 }), fc.boolean(), async (name, body, addressLines, cells, letter) => {
        const model: DocumentModel = letter
          ? { ...sampleLetter('zh-CN', 'payment_plan_agreement'), body, subject: name, table: { columns: ['a', 'b', 'c'], rows: [cells.slice(0, 3), cells.slice(3)] }, signatures: [name, body.slice(0, 50), name] }
          : { ...sampleInvoice('en'), title: name, lines: cells.map((cell) => ({ description: cell, quantity: '1', unitPrice: cell.slice(0, 10), taxRate: '', amount: body.slice(0, 20) })) };
        model.recipient = { name, addressLines };
        const { bytes, pages, warnings } = await renderDocument(model, fonts);
        expect(pages).toBeGreaterThanOrEqual(1);
        expect(Number(pdfInfo(bytes).Pages)).toBe(pages);
        const drawn = [name, body, ...addressLines, ...cells].join('');
        for (const char of drawn) {
          const codePoint = char.codePointAt(0)!;
          if (codePoint >= 0xd800 && codePoint <= 0xdfff) expect(warnings.some((w) => w.code === 'glyph_missing')).toBe(true);
        }
      }),
      { numRuns: 12, seed: 20261126 },
    );
  });
});
