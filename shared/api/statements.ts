// Bank and wallet statements (银行流水): a CSV from the bank, Alipay, WeChat Pay or PayPal is read,
// its incoming amounts matched to open invoices, and the matches a person accepts are booked as
// payments. A statement line is stored once however often the file is imported, and booked once.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { rowErrorSchema } from './imports.js';
import { currencyCode, entityId, optionalText } from '../validation/fields.js';

export const STATEMENT_FORMATS = ['generic', 'alipay', 'wechat', 'paypal'] as const;
export type StatementFormat = (typeof STATEMENT_FORMATS)[number];
export const STATEMENT_DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYY/MM/DD'] as const;
export type StatementDateFormat = (typeof STATEMENT_DATE_FORMATS)[number];
export const STATEMENT_LINE_STATUSES = ['open', 'booked', 'ignored', 'outgoing'] as const;
export const MATCH_KINDS = ['exact', 'partial', 'overpaid', 'ambiguous', 'unknown'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** 4 Mi characters (a year of a busy account is far less); over HTTP the 1 MiB body limit comes first. */
export const MAX_STATEMENT_CHARS = 4 * 1024 * 1024;

const column = z.string().trim().min(1).max(100);

/** For a generic bank CSV: which column holds what, as named in its header row. */
export const statementMappingSchema = z.strictObject({
  date: column,
  /** One signed amount column, or credit (money in) and debit (money out) columns. */
  amount: column.optional(),
  credit: column.optional(),
  debit: column.optional(),
  currency: column.optional(),
  reference: column.optional(),
  counterparty: column.optional(),
  dateFormat: z.enum(STATEMENT_DATE_FORMATS).default('YYYY-MM-DD'),
  /** "1.234,56" is written with a comma. */
  decimalSeparator: z.enum(['.', ',']).default('.'),
  delimiter: z.enum([',', ';', '\t']).default(','),
});
export type StatementMapping = z.output<typeof statementMappingSchema>;

export const statementFileInput = z.strictObject({
  /**
   * The file as text, or its bytes in base64 (GBK or UTF-8, as Alipay and WeChat write them). One
   * of the two, at most MAX_STATEMENT_CHARS, checked by the handler (as a schema limit it would
   * also be the input fuzzer's, which then builds strings of millions of characters).
   */
  text: z.string().optional(),
  csvBase64: z.string().optional(),
  format: z.enum(STATEMENT_FORMATS),
  /** Required for the generic format. */
  mapping: statementMappingSchema.optional(),
  /** The account's currency, for statements without a currency column (Alipay and WeChat are CNY). */
  currency: currencyCode.optional(),
  fileName: optionalText(255),
});

export const parsedLineSchema = z.object({
  /** As a spreadsheet numbers it: the first line of the file is row 1. */
  row: z.number().int(),
  date: z.string(),
  /** Money in is positive, money out negative. */
  amountMinor: z.number().int(),
  currency: z.string(),
  reference: z.string().nullable(),
  counterparty: z.string().nullable(),
});

export const statementPreviewSchema = z.object({
  /** The header row found (the columns a mapping can name). */
  columns: z.array(z.string()),
  delimiter: z.enum([',', ';', '\t']),
  encoding: z.enum(['utf-8', 'gbk']),
  lines: z.array(parsedLineSchema),
  /** Rows left out on purpose: not completed, or neither money in nor out (不计收支). */
  skipped: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(rowErrorSchema),
});

const allocationSchema = z.object({ invoiceId: z.string(), number: z.string().nullable(), openMinor: z.number().int(), amountMinor: z.number().int() });
const candidateSchema = z.object({ clientId: z.string(), clientName: z.string(), invoiceId: z.string(), number: z.string().nullable(), openMinor: z.number().int(), dueDate: z.string().nullable() });

export const suggestionSchema = z.object({
  kind: z.enum(MATCH_KINDS),
  /** Why: an invoice number in the reference, the counterparty's name or email, the amount. */
  reason: z.enum(['invoice_number', 'client_and_amount', 'client', 'amount', 'clients', 'none']),
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  /** What accepting the suggestion pays; the rest of the amount becomes the client's credit. */
  allocations: z.array(allocationSchema),
  creditMinor: z.number().int(),
  /** For an ambiguous line: the invoices it may be for; for an unknown one, the open invoices in its currency closest in amount. */
  candidates: z.array(candidateSchema),
});

export const statementLineSchema = parsedLineSchema.extend({
  id: z.string(),
  statementId: z.string(),
  status: z.enum(STATEMENT_LINE_STATUSES),
  paymentId: z.string().nullable(),
  /** For a booked line: the client whose payment it became. */
  bookedTo: z.string().nullable(),
  /** For open incoming lines only. */
  suggestion: suggestionSchema.nullable(),
});

export const statementSchema = z.object({
  id: z.string(),
  format: z.enum(STATEMENT_FORMATS),
  fileName: z.string().nullable(),
  lineCount: z.number().int(),
  newLines: z.number().int(),
  importedAt: z.string(),
  open: z.number().int(),
  booked: z.number().int(),
});

const lineIds = z.array(entityId).min(1).max(500);

export const statementMethods = {
  'statements.preview': defineMethod({
    summary: 'Read a statement CSV (generic with a column mapping, Alipay, WeChat Pay or PayPal) without storing anything: its lines and an error per bad row.',
    input: statementFileInput,
    output: statementPreviewSchema,
  }),
  'statements.import': defineMethod({
    summary: 'Store a statement and its lines. Lines already imported from any statement are not stored again; refused whole if any row has an error.',
    input: statementFileInput,
    output: statementSchema.extend({ duplicates: z.number().int(), matches: z.record(z.enum(MATCH_KINDS), z.number().int()) }),
  }),
  'statements.list': defineMethod({
    summary: 'Imported statements, newest first, with how many lines are open and booked.',
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    output: z.object({ items: z.array(statementSchema) }),
  }),
  'statements.lines': defineMethod({
    summary: 'Statement lines for review, each open incoming line with its suggested match.',
    input: z.strictObject({
      statementId: entityId.optional(),
      status: z.enum([...STATEMENT_LINE_STATUSES, 'all']).default('all'),
      limit: z.number().int().min(1).max(500).default(200),
      offset: z.number().int().min(0).max(1e9).default(0),
    }),
    output: z.object({ items: z.array(statementLineSchema), total: z.number().int() }),
  }),
  'statements.accept': defineMethod({
    summary:
      "Book open lines as payments: each line's suggestion, or the invoices (or client) chosen for it. All lines in one transaction; a line is linked to its payment and never booked twice.",
    input: z.strictObject({
      lineIds,
      /** Overrides per line: pay these invoices (in this order), or the client's oldest open ones. */
      choices: z
        .array(z.strictObject({ lineId: entityId, invoiceIds: z.array(entityId).min(1).max(50).optional(), clientId: entityId.optional() }))
        .max(500)
        .default([]),
    }),
    output: z.object({ booked: z.array(z.object({ lineId: z.string(), paymentId: z.string(), clientId: z.string(), amountMinor: z.number().int() })) }),
  }),
  'statements.ignore': defineMethod({
    summary: 'Set open lines aside (not money for an invoice: a transfer, a refund from a supplier).',
    input: z.strictObject({ lineIds }),
    output: z.object({ ignored: z.number().int() }),
  }),
};
