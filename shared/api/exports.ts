// The accountant's exports (issue 9): one CSV per dataset and period, the accountant package (a
// ZIP of every CSV, the period's invoice PDFs and a README of the columns), and the mapping of
// our accounts to the accountant's own codes. Columns are described in shared/exports/columns.ts.
import { z } from 'zod';
import { ACCOUNTS } from '../billing/accounts.js';
import { EXPORT_DATASETS } from '../exports/columns.js';
import { isoDate } from '../validation/fields.js';
import { defineMethod } from './contract.js';

/** job.progress of an export is labelled this, followed by the file's name. */
export const EXPORT_JOB_LABEL = 'exports:';

const ACCOUNT_CODES = Object.values(ACCOUNTS) as [string, ...string[]];

/** A folder on this machine, given in full; the backend also checks it is one exports may write to. */
const folderPath = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'), { message: 'Give the full path of the folder.', params: { code: 'invalid' } });

export const exportOptionsSchema = z.strictObject({
  delimiter: z.enum([',', ';']).default(','),
  decimal: z.enum(['.', ',']).default('.'),
  /** UTF-8 with a byte order mark, so Excel opens Chinese correctly. */
  bom: z.boolean().default(true),
  dateFormat: z.enum(['iso']).default('iso'),
});
export type ExportOptions = z.output<typeof exportOptionsSchema>;

const period = {
  from: isoDate,
  to: isoDate,
  options: exportOptionsSchema.default({ delimiter: ',', decimal: '.', bom: true, dateFormat: 'iso' }),
  /** Where the file goes. Without it the answer carries the file as base64 (browser mode's download). */
  folder: folderPath.optional(),
};

const writtenFile = {
  jobId: z.string(),
  fileName: z.string(),
  /** The full path of the file written, or null when it came back as base64. */
  path: z.string().nullable(),
  base64: z.string().nullable(),
  bytes: z.number().int(),
  /** True when it was cancelled: then no file was left behind. */
  cancelled: z.boolean(),
};

export const accountCodeSchema = z.object({
  account: z.enum(ACCOUNT_CODES),
  /** The accountant's code for it, or null to export our own. */
  code: z.string().nullable(),
  name: z.string().nullable(),
});

export const exportsMethods = {
  'exports.csv': defineMethod({
    summary:
      'Write one dataset of a period as CSV (invoices, invoice_lines, credit_notes, payments, journal, tax_summary) into a folder, or return it as base64. Streams in a background thread for a large period; reports job.progress; exports.cancel stops it and leaves no file.',
    input: z.strictObject({ dataset: z.enum(EXPORT_DATASETS), ...period }),
    output: z.object({ ...writtenFile, dataset: z.enum(EXPORT_DATASETS), rows: z.number().int() }),
  }),
  'exports.package': defineMethod({
    summary:
      "The accountant package of a period: one ZIP with every dataset's CSV, the PDF of each invoice and credit note issued in it (rendered and archived where not yet), and README.txt describing the columns. With lockPeriod the books are locked up to the period's end once the file is written.",
    input: z.strictObject({ ...period, lockPeriod: z.boolean().default(false) }),
    output: z.object({
      ...writtenFile,
      files: z.array(z.object({ name: z.string(), rows: z.number().int() })),
      invoicePdfs: z.number().int(),
      /** The lock date after the package, when lockPeriod locked the books. */
      lockedUntil: z.string().nullable(),
    }),
  }),
  'exports.cancel': defineMethod({
    summary: 'Stop the export or package being written (the one with this job id, when given); no partial file is left.',
    input: z.strictObject({ jobId: z.string().trim().min(1).max(100).optional() }),
    output: z.object({ cancelled: z.boolean(), jobId: z.string().nullable() }),
  }),
  'exports.accountCodes.get': defineMethod({
    summary: "Our accounts with the accountant's codes (and names) the journal export uses for them.",
    input: z.strictObject({}),
    output: z.object({ accounts: z.array(accountCodeSchema.extend({ defaultName: z.string() })) }),
  }),
  'exports.accountCodes.update': defineMethod({
    summary: "Map our accounts to the accountant's codes; an account left out, or with code null, exports under our own code.",
    input: z.strictObject({
      codes: z
        .array(
          z.strictObject({
            account: z.enum(ACCOUNT_CODES),
            code: z.string().trim().min(1).max(20).regex(/^[\p{L}\p{N}][\p{L}\p{N} ._\-/]*$/u, { message: 'Letters, digits, spaces and . _ - / only.' }).nullable(),
            name: z.string().trim().min(1).max(100).nullable().optional(),
          }),
        )
        .max(ACCOUNT_CODES.length),
    }),
    output: z.object({ accounts: z.array(accountCodeSchema.extend({ defaultName: z.string() })) }),
  }),
};
