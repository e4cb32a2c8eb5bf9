// Renders a model with the PDF layer and words its warnings for the API (code and field for the
// screens to translate, an English sentence for scripts and logs).
import type { DocumentWarning } from '../../../shared/api/documents.js';
import type { DocumentModel } from './model.js';
import { loadFonts, renderDocument, type RenderWarning } from './pdf/index.js';

const MESSAGES: Record<RenderWarning['code'], string> = {
  logo_missing: 'The logo is empty: printed without a logo.',
  logo_unreadable: 'The logo could not be read as a PNG or JPEG image: printed without a logo.',
  address_line_truncated: 'An address line is too long for the envelope window and was shortened.',
  address_too_many_lines: 'The address has more lines than the envelope window shows; the last ones were left out.',
  text_truncated: 'A text was too long for its place and was shortened.',
  glyph_missing: 'A character the font cannot print was replaced by a box.',
  payment_details_missing: 'No payment details are set in the company profile.',
  label_missing: 'A label was missing from the document.',
};

export function toDocumentWarning(warning: RenderWarning): DocumentWarning {
  const params: Record<string, string> = {};
  if (warning.character) params.character = warning.character;
  if (warning.codePoint) params.codePoint = warning.codePoint;
  const message = warning.character ? `${MESSAGES[warning.code]} (${warning.character} ${warning.codePoint ?? ''} in ${warning.field})` : `${MESSAGES[warning.code]} (${warning.field})`;
  return { code: warning.code, field: warning.field, message, ...(Object.keys(params).length > 0 ? { params } : {}) };
}

export interface Rendered {
  bytes: Uint8Array;
  pages: number;
  warnings: DocumentWarning[];
}

export async function render(model: DocumentModel): Promise<Rendered> {
  const result = await renderDocument(model, loadFonts());
  return { bytes: result.bytes, pages: result.pages, warnings: result.warnings.map(toDocumentWarning) };
}
