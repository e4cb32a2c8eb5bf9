// What a printed document says, fully resolved: every text already in the client's language and
// every placeholder already filled. The PDF layer (pdf/) only lays these out; building them from
// the book and the templates is the documents service's work. Keeping the two apart is what makes
// an archived document reproducible: the model is built once, rendered once, and the bytes kept.
import { INVOICE_KINDS, LETTER_KINDS, type LetterKind } from '../../../shared/documents/kinds.js';
import type { Language } from '../../../shared/domain/language.js';

export { LETTER_KINDS, type LetterKind } from '../../../shared/documents/kinds.js';

/** What the PDF layer lays out: every printable kind (the archive also holds batches and their registers). */
export const DOCUMENT_KINDS = [...INVOICE_KINDS, 'statement', ...LETTER_KINDS] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The reseller as printed on every document (the company profile in the book). */
export interface CompanyBlock {
  name: string;
  addressLines: string[];
  taxId: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  /** How to pay: bank account, Alipay / WeChat Pay account… one line each. Empty = none set. */
  paymentLines: string[];
  /** PNG or JPEG bytes; null = no logo. */
  logo: Uint8Array | null;
}

/** The addressee, placed in the envelope window. */
export interface RecipientBlock {
  name: string;
  /** Company, street, town… one line each, as the client record holds them. */
  addressLines: string[];
}

/** Where the address must sit so it shows through the envelope's window. */
export interface EnvelopeLayout {
  format: 'DL' | 'C5';
  window: 'left' | 'right';
}

/** Labels a document needs, already translated (so the PDF layer holds no wording of its own). */
export type Labels = Record<string, string>;

interface DocumentBase {
  language: Language;
  company: CompanyBlock;
  recipient: RecipientBlock;
  envelope: EnvelopeLayout;
  /** e.g. "Invoice INV-2026-0042" / "账单 INV-2026-0042"; also the PDF's title. */
  title: string;
  /** Issue date, formatted for the language. */
  dateText: string;
  /** Issue date as YYYY-MM-DD: the PDF's creation date, so the same model gives the same bytes. */
  issuedOn?: string;
  labels: Labels;
}

export interface MoneyText {
  minor: number;
  currency: string;
  /** Formatted for the document's language, e.g. "¥1,234.50". */
  text: string;
}

export interface InvoiceDocument extends DocumentBase {
  kind: 'invoice' | 'proforma' | 'credit_note';
  number: string;
  /** Label → value rows under the title: due date, period, client reference, original invoice… */
  facts: Array<[string, string]>;
  lines: Array<{ description: string; quantity: string; unitPrice: string; taxRate: string; amount: string }>;
  /** Subtotal, each tax, total, paid, balance due — in order, the last one emphasised. */
  totals: Array<[string, string]>;
  /** Free text under the totals: payment terms, notes, "paid in full", the proforma's condition. */
  notes: string[];
}

export interface StatementDocument extends DocumentBase {
  kind: 'statement';
  facts: Array<[string, string]>;
  entries: Array<{ date: string; description: string; debit: string; credit: string; balance: string }>;
  totals: Array<[string, string]>;
  notes: string[];
}

export interface LetterDocument extends DocumentBase {
  kind: LetterKind;
  subject: string;
  /** The template's body with placeholders filled; a blank line separates paragraphs. */
  body: string;
  /** A table inside the letter: the open invoices, or the installments of a payment plan. */
  table: { columns: string[]; rows: string[][] } | null;
  /** Signature blocks (the payment plan agreement has the reseller's and the client's). */
  signatures: string[];
  closing: string;
}

export type DocumentModel = InvoiceDocument | StatementDocument | LetterDocument;

/** What the letterhead, the address window and the footers need: also what a non-letter PDF (the evidence bundle) frames its pages with. */
export type PageFrame = Pick<DocumentModel, 'company' | 'recipient' | 'envelope' | 'title'>;
