// The register of a batch: one row per document printed — who it went to, what it was, where it
// sits in the PDF — for the caller to save as CSV beside the batch.
import type { DocumentModel } from '../model.js';
import type { BatchResult } from './batch.js';

export interface RegisterRow {
  /** 1-based position in the batch. */
  sequence: number;
  kind: DocumentModel['kind'];
  title: string;
  recipient: string;
  /** The address as printed, lines joined with ", ". */
  address: string;
  language: DocumentModel['language'];
  firstPage: number;
  lastPage: number;
  pages: number;
  /** Warning codes raised while laying it out, e.g. "address_line_truncated". */
  warnings: string[];
}

export function registerRows(models: readonly DocumentModel[], result: BatchResult): RegisterRow[] {
  return result.documents.map((document) => {
    const model = models[document.index];
    return {
      sequence: document.index + 1,
      kind: model.kind,
      title: model.title,
      recipient: model.recipient.name,
      address: model.recipient.addressLines.filter((line) => line.trim() !== '').join(', '),
      language: model.language,
      firstPage: document.firstPage,
      lastPage: document.firstPage + document.pages - 1,
      pages: document.pages,
      warnings: [...new Set(document.warnings.map((warning) => warning.code))],
    };
  });
}
