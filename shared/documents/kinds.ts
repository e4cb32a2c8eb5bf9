// The kinds of document HostLedger prints. Kept in shared/ so the API contract, the screens and the
// PDF layer (electron/core/documents/model.ts) name them from one list.
export const LETTER_KINDS = [
  'reminder',
  'first_notice',
  'second_notice',
  'restriction_notice',
  'final_notice',
  'suspension_notice',
  'termination_letter',
  'payment_plan_agreement',
  'receipt',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const INVOICE_KINDS = ['invoice', 'proforma', 'credit_note'] as const;

/** Everything the archive holds: the printable documents, a batch (many letters in one PDF) with its register, and evidence bundles. */
export const DOCUMENT_KINDS = [...INVOICE_KINDS, 'statement', ...LETTER_KINDS, 'batch', 'batch_register', 'evidence_bundle'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** How the letters of a batch are ordered in the one PDF. */
export const BATCH_SORT_KEYS = ['client_name', 'postcode', 'address', 'amount', 'days_overdue'] as const;
export type BatchSortKey = (typeof BATCH_SORT_KEYS)[number];

export const ENVELOPE_FORMATS = ['DL', 'C5'] as const;
export const ENVELOPE_WINDOWS = ['left', 'right'] as const;

/** A logo is kept in the book; browser mode's request body limit is 1 MiB, so the image itself is capped well below it. */
export const LOGO_MAX_BYTES = 700 * 1024;
/** The base64 text of the largest logo allowed (4 characters per 3 bytes). */
export const LOGO_MAX_BASE64 = Math.ceil(LOGO_MAX_BYTES / 3) * 4;
