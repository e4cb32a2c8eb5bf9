// Documents and letters: the company profile printed on every page, the letter templates, the PDFs
// of invoices, statements and letters, the archive that keeps every issued document unchanged,
// batch printing, and the communication log.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { LANGUAGES } from '../domain/language.js';
import { BATCH_SORT_KEYS, DOCUMENT_KINDS, ENVELOPE_FORMATS, ENVELOPE_WINDOWS, LETTER_KINDS, LOGO_MAX_BASE64 } from '../documents/kinds.js';
import { distinct, emailAddress, entityId, isoDate, optionalText, requiredText } from '../validation/fields.js';

export const COMPANY_LIMITS = { name: 200, line: 200, addressLines: 6, paymentLines: 8, taxId: 50, phone: 50, website: 200 } as const;
export const TEMPLATE_LIMITS = { subject: 300, body: 20_000 } as const;

const lines = (max: number) => z.array(requiredText(COMPANY_LIMITS.line)).max(max);

export const companyProfileSchema = z.object({
  name: z.string(),
  addressLines: z.array(z.string()),
  taxId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  /** How to pay (bank account, Alipay / WeChat Pay…), one line each; printed on invoices and letters. */
  paymentLines: z.array(z.string()),
  /** The logo as stored (PNG or JPEG); null = none. */
  logo: z.object({ mime: z.enum(['image/png', 'image/jpeg']), base64: z.string(), bytes: z.number().int(), width: z.number().int(), height: z.number().int() }).nullable(),
  envelope: z.object({ format: z.enum(ENVELOPE_FORMATS), window: z.enum(ENVELOPE_WINDOWS) }),
  /** False until a name has been saved: documents cannot be issued before. */
  configured: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type CompanyProfile = z.infer<typeof companyProfileSchema>;

export const companyUpdateInput = z.strictObject({
  name: requiredText(COMPANY_LIMITS.name).optional(),
  addressLines: lines(COMPANY_LIMITS.addressLines).optional(),
  taxId: optionalText(COMPANY_LIMITS.taxId).nullable(),
  email: emailAddress.nullable().optional(),
  phone: optionalText(COMPANY_LIMITS.phone).nullable(),
  website: optionalText(COMPANY_LIMITS.website).nullable(),
  paymentLines: lines(COMPANY_LIMITS.paymentLines).optional(),
  /** PNG or JPEG bytes as base64, at most 700 KiB decoded (browser mode's body limit is 1 MiB); null removes the logo. */
  logoBase64: z.string().max(LOGO_MAX_BASE64).nullable().optional(),
  envelopeFormat: z.enum(ENVELOPE_FORMATS).optional(),
  envelopeWindow: z.enum(ENVELOPE_WINDOWS).optional(),
});

/** Something the document was made despite: a logo that could not be read, a character the font lacks, a line cut short. */
export const documentWarningSchema = z.object({
  /** Stable, translated by the screens: logo_unreadable, missing_glyph, text_truncated, payment_details_missing, … */
  code: z.string(),
  /** The field it is about (e.g. `company.logo`, `recipient.addressLines.2`), or null. */
  field: z.string().nullable(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type DocumentWarning = z.infer<typeof documentWarningSchema>;

export const placeholderSchema = z.object({
  /** Written `{{name}}` in a template, e.g. `client.name`. */
  name: z.string(),
  /** A table (open invoices, installments) rather than a text. */
  table: z.boolean(),
});

export const templateSummarySchema = z.object({
  kind: z.enum(LETTER_KINDS),
  language: z.enum(LANGUAGES),
  /** Starts at 1 (the default wording); every edit or reset makes a new version. Issued letters record the version. */
  version: z.number().int(),
  subject: z.string(),
  /** False while the default wording is in use. */
  customised: z.boolean(),
  updatedAt: z.string(),
});

export const templateSchema = templateSummarySchema.extend({
  body: z.string(),
  /** The placeholders this kind of letter may use. */
  placeholders: z.array(placeholderSchema),
});
export type LetterTemplate = z.infer<typeof templateSchema>;

const templateKey = { kind: z.enum(LETTER_KINDS), language: z.enum(LANGUAGES) };

export const archivedDocumentSchema = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  /** Null for a batch of letters to many clients. */
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  invoiceId: z.string().nullable(),
  /** e.g. "Invoice INV-2026-00042", "最后催缴通知", "Batch of 120 letters". */
  title: z.string(),
  language: z.enum(LANGUAGES),
  /** The letter template's version used; null for invoices, statements and batches. */
  templateVersion: z.number().int().nullable(),
  /** The batch this letter was printed in, if any. */
  batchId: z.string().nullable(),
  mime: z.enum(['application/pdf', 'text/csv']),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  pages: z.number().int(),
  createdAt: z.string(),
  warnings: z.array(documentWarningSchema),
});
export type ArchivedDocument = z.infer<typeof archivedDocumentSchema>;

export const documentResultSchema = z.object({
  /** The archived document; null for a preview, which is never archived. */
  document: archivedDocumentSchema.nullable(),
  pdfBase64: z.string(),
  pages: z.number().int(),
  /** True when the archive already held it and these are the bytes issued then. */
  reopened: z.boolean(),
  warnings: z.array(documentWarningSchema),
});
export type DocumentResult = z.infer<typeof documentResultSchema>;

/** What a letter needs beyond the client and their book: dates and facts the caller decides. */
export const letterParamsInput = z
  .strictObject({
    /** final_notice (required) and suspension_notice: the day service is (or was) suspended. */
    suspensionDate: isoDate.optional(),
    /** termination_letter: the day service ends (default: 14 days from today). */
    terminationDate: isoDate.optional(),
    /** restriction_notice: what was limited, in the client's language (default: a general sentence). */
    restriction: optionalText(500),
    /** payment_plan_agreement: the plan (default: the client's active plan). */
    paymentPlanId: entityId.optional(),
    /** receipt: the payment that cleared the arrears (default: the client's latest payment). */
    paymentId: entityId.optional(),
    /** The invoices the letter is about (default: all the client's open invoices). */
    invoiceIds: distinct(entityId, 200).optional(),
  })
  .default({});

export const letterRequestInput = z.strictObject({ clientId: entityId, kind: z.enum(LETTER_KINDS), params: letterParamsInput });

export const communicationSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  at: z.string(),
  /** letter now; email, sms and call come with the arrears ladder — an open list. */
  channel: z.string(),
  /** issued (made and archived), printed (in a batch), sent, delivered, failed… — an open list. */
  status: z.string(),
  /** Who it went to: the postal address for a letter, an email address, a phone number. */
  recipient: z.string(),
  /** The document kind or message kind, e.g. final_notice, invoice. */
  kind: z.string(),
  subject: z.string(),
  documentId: z.string().nullable(),
  /** SHA-256 of what was sent (the PDF bytes for a letter). */
  contentSha256: z.string(),
  /** Why it failed or bounced; what the server answered; a call's note. */
  detail: z.string().nullable(),
});
export type Communication = z.infer<typeof communicationSchema>;

const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    /** Pass back as `cursor` for the next page; null when this was the last page. */
    nextCursor: z.string().nullable(),
  });

const pageInput = { limit: z.number().int().min(1).max(500).default(50), cursor: z.string().max(1000).optional() };

export const batchInput = z
  .strictObject({
    /** Letters to make now (each archived and logged as it is printed). */
    letters: z.array(letterRequestInput).max(2000).default([]),
    /** Documents already in the archive to print again, with the same bytes. */
    documentIds: distinct(entityId, 2000).default([]),
    sortBy: z.enum(BATCH_SORT_KEYS).default('client_name'),
    descending: z.boolean().default(false),
  })
  .refine((input) => input.letters.length + input.documentIds.length > 0, {
    message: 'Choose at least one letter or document to print.',
    params: { code: 'required' },
    path: ['letters'],
  });

export const batchResultSchema = z.object({
  jobId: z.string(),
  status: z.enum(['finished', 'cancelled']),
  /** The one PDF with every letter, archived; null when cancelled (a cancelled batch archives nothing). */
  batch: archivedDocumentSchema.nullable(),
  /** The register (CSV: who, what, pages, sha256), archived too. */
  register: archivedDocumentSchema.nullable(),
  registerCsv: z.string().nullable(),
  documents: z.number().int(),
  pages: z.number().int(),
  warnings: z.array(documentWarningSchema),
});
export type BatchResult = z.infer<typeof batchResultSchema>;

export const documentMethods = {
  'company.get': defineMethod({
    summary: 'The company profile printed on every document: name, address, tax ID, contacts, payment details, logo and the envelope layout.',
    input: z.strictObject({}),
    output: companyProfileSchema,
  }),
  'company.update': defineMethod({
    summary:
      'Change the company profile; fields left out stay, optional ones sent as null are cleared. The logo is PNG or JPEG, at most 700 KiB. Documents already issued keep what they printed.',
    input: companyUpdateInput,
    output: companyProfileSchema,
  }),

  'templates.list': defineMethod({
    summary: 'The letter templates: one per letter kind and language, with its current version.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(templateSummarySchema) }),
  }),
  'templates.get': defineMethod({
    summary: 'One letter template with its body and the placeholders its kind may use.',
    input: z.strictObject(templateKey),
    output: templateSchema,
  }),
  'templates.update': defineMethod({
    summary: 'Save a new version of a letter template. A placeholder the kind does not know is refused (invalid_input naming the field and the placeholder).',
    input: z.strictObject({ ...templateKey, subject: requiredText(TEMPLATE_LIMITS.subject), body: z.string().trim().min(1).max(TEMPLATE_LIMITS.body) }),
    output: templateSchema,
  }),
  'templates.reset': defineMethod({
    summary: 'Go back to the default wording of a letter template (as a new version).',
    input: z.strictObject(templateKey),
    output: templateSchema,
  }),
  'templates.preview': defineMethod({
    summary:
      'Render a letter template (the saved one, or the subject and body given) for a sample client — or a real one — as text and as a PDF. Nothing is archived or logged.',
    input: z.strictObject({
      ...templateKey,
      subject: requiredText(TEMPLATE_LIMITS.subject).optional(),
      body: z.string().trim().min(1).max(TEMPLATE_LIMITS.body).optional(),
      clientId: entityId.optional(),
    }),
    output: z.object({ subject: z.string(), text: z.string(), pdfBase64: z.string(), pages: z.number().int(), warnings: z.array(documentWarningSchema) }),
  }),

  'documents.invoicePdf': defineMethod({
    summary:
      "The PDF of an issued invoice, proforma or credit note, in the client's language. The first open issues and archives it; later opens return the same bytes. A draft is refused: it has no number yet.",
    input: z.strictObject({ invoiceId: entityId }),
    output: documentResultSchema,
  }),
  'documents.statementPdf': defineMethod({
    summary: "A client's statement for a period as a PDF, archived; asked again with nothing changed, it returns the archived bytes.",
    input: z.strictObject({ clientId: entityId, from: isoDate, to: isoDate }),
    output: documentResultSchema,
  }),
  'documents.letter': defineMethod({
    summary:
      "Write a letter of a kind to a client from its template, in the client's language, with their open invoices, plan or payment; archived and logged in the communication log unless `preview`.",
    input: z.strictObject({ clientId: entityId, kind: z.enum(LETTER_KINDS), params: letterParamsInput, preview: z.boolean().default(false) }),
    output: documentResultSchema,
  }),
  'documents.get': defineMethod({
    summary: 'One archived document: its bytes (base64) exactly as issued, and what it is.',
    input: z.strictObject({ id: entityId }),
    output: z.object({ document: archivedDocumentSchema, base64: z.string() }),
  }),
  'documents.list': defineMethod({
    summary: 'Archived documents, newest first; by client, kind and invoice; paged.',
    input: z.strictObject({ clientId: entityId.optional(), kind: z.enum(DOCUMENT_KINDS).optional(), invoiceId: entityId.optional(), ...pageInput }),
    output: page(archivedDocumentSchema),
  }),
  'documents.batch': defineMethod({
    summary:
      'Print many letters (made now) and archived documents in one PDF, sorted by a key, with a register CSV; runs off the UI thread, reports job.progress and stops on documents.cancel, in which case nothing is archived.',
    input: batchInput,
    output: batchResultSchema,
  }),
  'documents.cancel': defineMethod({
    summary: 'Stop the batch being printed (the one with this job id, when given); it archives nothing.',
    input: z.strictObject({ jobId: z.string().trim().min(1).max(100).optional() }),
    output: z.object({ cancelled: z.boolean(), jobId: z.string().nullable() }),
  }),

  'communications.list': defineMethod({
    summary: "A client's communication log, newest first: every letter, document, email, SMS and call, with its status (sent, failed, bounced…) and why; paged.",
    input: z.strictObject({ clientId: entityId, ...pageInput }),
    output: page(communicationSchema),
  }),
};
