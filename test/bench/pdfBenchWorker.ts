// One core's share of the PDF rate benchmark (documents.bench.ts): renders invoices `from`…`to`
// either through the layout engine with the embedded CJK font, or — the baseline — with pdfkit
// writing the same texts in its built-in Helvetica, no layout. Posts the count and bytes written.
import { parentPort, workerData } from 'node:worker_threads';
import PDFDocument from 'pdfkit';
import type { InvoiceDocument } from '../../electron/core/documents/model.js';
import { loadFonts, renderDocument, useFontBytes, type FontBytes } from '../../electron/core/documents/pdf/index.js';
import { benchInvoice } from './pdfBenchModels.js';

const { mode, from, to, fonts: shared } = workerData as { mode: 'cjk' | 'helvetica'; from: number; to: number; fonts: FontBytes };
useFontBytes(shared);

/** Every text the invoice prints, in reading order. */
function texts(model: InvoiceDocument): string[] {
  return [
    model.company.name,
    ...model.company.addressLines,
    model.recipient.name,
    ...model.recipient.addressLines,
    model.title,
    model.dateText,
    ...model.facts.flat(),
    ...model.lines.flatMap((line) => [line.description, line.quantity, line.unitPrice, line.taxRate, line.amount]),
    ...model.totals.flat(),
    ...model.notes,
    ...model.company.paymentLines,
  ];
}

function helvetica(model: InvoiceDocument): Promise<number> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(Date.UTC(2026, 10, 26)) } });
    let size = 0;
    doc.on('data', (chunk: Buffer) => (size += chunk.length));
    doc.on('end', () => resolve(size));
    doc.font('Helvetica').fontSize(9);
    texts(model).forEach((text, i) => doc.text(text, 57 + (i % 3) * 160, 60 + Math.floor(i / 3) * 14, { lineBreak: false }));
    doc.end();
  });
}

const fonts = mode === 'cjk' ? loadFonts() : null;
let bytes = 0;
for (let i = from; i < to; i += 1) {
  const model = benchInvoice(i);
  bytes += fonts ? (await renderDocument(model, fonts)).bytes.length : await helvetica(model);
}
parentPort!.postMessage({ count: to - from, bytes });
