// The labels the layout prints besides the model's own texts. The documents service fills them in
// the client's language (the PDF layer holds no wording); a missing one is printed as its key and
// reported, so a gap shows up in the first test rather than as a blank on paper.
import type { DocumentKind } from '../model.js';

/** `page` holds `{page}` and `{pages}`, e.g. "Page {page} of {pages}" / "第 {page} 页，共 {pages} 页". */
const COMMON = ['page', 'date', 'taxId', 'paymentDetails', 'noPaymentDetails'] as const;
const INVOICE = ['description', 'quantity', 'unitPrice', 'taxRate', 'amount'] as const;
const STATEMENT = ['entryDate', 'description', 'debit', 'credit', 'balance'] as const;
/** Under each signature line: the signer's printed name and the date they signed. */
const SIGNATURE = ['signatureName', 'signatureDate'] as const;

export type LabelKey = (typeof COMMON)[number] | (typeof INVOICE)[number] | (typeof STATEMENT)[number] | (typeof SIGNATURE)[number];

/** Every label a document of this kind may print. */
export function labelKeysFor(kind: DocumentKind): readonly LabelKey[] {
  if (kind === 'invoice' || kind === 'proforma' || kind === 'credit_note') return [...COMMON, ...INVOICE];
  if (kind === 'statement') return [...COMMON, ...STATEMENT];
  return [...COMMON, ...SIGNATURE];
}
