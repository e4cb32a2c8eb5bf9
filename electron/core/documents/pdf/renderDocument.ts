// The PDF layer's entry points: one document to bytes, and the pieces the batch shares.
import type { DocumentModel } from '../model.js';
import { drawBody } from './body.js';
import type { Fonts } from './fonts.js';
import { firstPageHead, footers } from './letterhead.js';
import { newPdf, Sheet } from './sheet.js';
import { WarningList, type RenderWarning } from './warnings.js';

export interface RenderedDocument {
  bytes: Uint8Array;
  pages: number;
  warnings: RenderWarning[];
}

/**
 * The PDF's dates come from the document (never the clock), so the same model gives the same
 * bytes: `issuedOn` when set, else a date read from `dateText` ("2026-11-26", "2026年11月26日").
 */
export function documentDate(model: DocumentModel): Date {
  const source = model.issuedOn ?? model.dateText;
  const found = /(\d{4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,2})/.exec(source);
  const date = found ? new Date(Date.UTC(Number(found[1]), Number(found[2]) - 1, Number(found[3]))) : new Date(Number.NaN);
  return Number.isNaN(date.getTime()) ? new Date(Date.UTC(2000, 0, 1)) : date;
}

/**
 * Lays out one document from a new page on; returns where it starts (0-based page of the PDF),
 * how many pages it took, and its warnings. Its pages are written out once numbered, so a batch
 * holds one document's pages in memory at a time. The caller ends the PDF.
 */
export function layOut(doc: PDFKit.PDFDocument, model: DocumentModel, fonts: Fonts): { firstPage: number; pages: number; warnings: WarningList } {
  const warnings = new WarningList();
  const sheet = new Sheet(doc, fonts, warnings, model.labels, model.language);
  const pagesSoFar = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count;
  const firstPage = pagesSoFar();
  sheet.newPage();
  sheet.y = firstPageHead(sheet, model);
  drawBody(sheet, model);
  const pages = pagesSoFar() - firstPage;
  footers(sheet, model, firstPage, pages);
  doc.flushPages();
  return { firstPage, pages, warnings };
}

/** Collects a PDF's bytes once pdfkit has written them all. */
export function finish(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    doc.on('error', reject);
    doc.end();
  });
}

/** Renders one document: an A4 PDF in the model's language, with the fonts embedded as subsets. */
export async function renderDocument(model: DocumentModel, fonts: Fonts): Promise<RenderedDocument> {
  const doc = newPdf({ title: model.title, author: model.company.name, language: model.language, date: documentDate(model) });
  const { pages, warnings } = layOut(doc, model, fonts);
  const bytes = await finish(doc);
  return { bytes, pages, warnings: warnings.items };
}
