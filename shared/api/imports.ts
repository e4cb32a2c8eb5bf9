// Imported history: past invoices and their payments from another system, as CSV (the invoice
// format of shared/data/README.md plus amount_paid, payment_method, payment_reference).
// Previewed and validated row by row, committed as one batch, undone as a whole.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { entityId, optionalText } from '../validation/fields.js';

/** 64 Mi characters: the 188,000-invoice UCI history is 12 MB. (Over HTTP the 1 MiB body limit comes first.) */
export const MAX_IMPORT_CSV_CHARS = 64 * 1024 * 1024;
/** How many row errors an answer lists; `errorCount` tells how many there are in all. */
export const MAX_LISTED_ROW_ERRORS = 500;

export const importInput = z.strictObject({
  /** At most MAX_IMPORT_CSV_CHARS, checked by the handler: as a schema limit it would also be a generator's. */
  csv: z.string().min(1),
  /** Shown in the list of imports and the audit log. */
  fileName: optionalText(255),
  /** Rows naming a client the book does not have create that client (named by the row's customer_id). */
  createMissingClients: z.boolean().default(false),
});

/** One problem with one cell. Rows are numbered as a spreadsheet shows them: the header is row 1. */
export const rowErrorSchema = z.object({
  row: z.number().int(),
  /** The CSV column, or null for the row as a whole (wrong number of fields, say). */
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const importTotalsSchema = z.object({
  currency: z.string(),
  invoices: z.number().int(),
  invoicedMinor: z.number().int(),
  paidMinor: z.number().int(),
  /** What the imported invoices leave open: invoiced less paid. */
  openMinor: z.number().int(),
});

export const importPreviewSchema = z.object({
  rowCount: z.number().int(),
  errorCount: z.number().int(),
  /** The first MAX_LISTED_ROW_ERRORS errors, in row order. */
  errors: z.array(rowErrorSchema),
  /** Per currency (each client has one). */
  totals: z.array(importTotalsSchema),
  payments: z.number().int(),
  disputed: z.number().int(),
  newClients: z.object({
    count: z.number().int(),
    /** The book's default currency, which new clients are billed in: see import/defaultCurrency.ts. */
    currency: z.string(),
    /** The first 50 customer ids that would become clients. */
    sample: z.array(z.string()),
  }),
});

export const importBatchSchema = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string().nullable(),
  rowCount: z.number().int(),
  status: z.enum(['imported', 'undone']),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});

export const importsMethods = {
  'imports.preview': defineMethod({
    summary: 'Check a history CSV row by row without writing anything: errors per row and column, totals, and the clients it would create.',
    input: importInput,
    output: importPreviewSchema,
  }),
  'imports.commit': defineMethod({
    summary:
      'Import a history CSV as one batch: invoices keep their external numbers and dates, payments are applied to them, journal entries are written. Refused whole if any row has an error. Reports job.progress.',
    input: importInput,
    output: importBatchSchema.extend({ invoices: z.number().int(), payments: z.number().int(), clientsCreated: z.number().int() }),
  }),
  'imports.undo': defineMethod({
    summary: 'Remove everything an import wrote (and the clients it created, unless something else refers to them) — only while nothing outside the import has touched it.',
    input: z.strictObject({ batchId: entityId }),
    output: importBatchSchema.extend({ invoicesRemoved: z.number().int(), paymentsRemoved: z.number().int(), clientsRemoved: z.number().int(), clientsKept: z.number().int() }),
  }),
  'imports.list': defineMethod({
    summary: 'Imports of history, newest first.',
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    output: z.object({ items: z.array(importBatchSchema) }),
  }),
};
