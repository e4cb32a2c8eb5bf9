// The daily billing run (renewal invoices, usage, proration, late fees), its preview and history,
// and the usage records tiered and metered contracts are billed from.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { invoiceLineSchema } from '../domain/invoice.js';
import { entityId, isoDate, optionalText } from '../validation/fields.js';

const issuedDocument = z.object({
  id: z.string(),
  number: z.string().nullable(),
  kind: z.enum(['invoice', 'proforma', 'credit_note']),
  source: z.enum(['renewal', 'late_fee']),
  clientId: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  currency: z.string(),
  totalMinor: z.number().int(),
});

const attentionItem = z.object({
  /** `skipped`: left for the next run (changed while the run worked); `credit_not_applied`: a downgrade credit to refund or credit by hand. */
  kind: z.enum(['skipped', 'credit_not_applied']),
  contractId: z.string().nullable(),
  invoiceId: z.string().nullable(),
  amountMinor: z.number().int().nullable(),
  message: z.string(),
});

const catchUp = z.object({
  /** The day of the last finished run before this one; null on a book's first run. */
  lastRunDate: z.string().nullable(),
  /** Days between that run and this one on which no run happened (the app was closed). */
  daysCaughtUp: z.number().int(),
  /** Documents dated before the run day: on the day they were due while the app was closed. */
  backdated: z.number().int(),
  /** Documents due inside a locked period, dated the run day instead (a late fee names its original day). */
  redatedForLock: z.number().int(),
});

const runCounts = z.object({
  invoices: z.number().int(),
  proformas: z.number().int(),
  lateFees: z.number().int(),
  creditNotes: z.number().int(),
  /** Contract periods invoiced (several periods of one contract on a catch-up; several contracts on a shared invoice). */
  periods: z.number().int(),
  usageRecords: z.number().int(),
  skipped: z.number().int(),
});

export const billingRunResult = z.object({
  runId: z.string(),
  jobId: z.string(),
  runDate: z.string(),
  status: z.enum(['finished', 'cancelled']),
  catchUp,
  counts: runCounts,
  /** Invoices and proformas issued (renewals and late fees) and credit notes, in the order issued; the first 500. */
  documents: z.array(issuedDocument),
  lateFees: z.array(z.object({ invoiceId: z.string(), n: z.number().int(), dueDate: z.string(), feeInvoiceId: z.string(), amountMinor: z.number().int() })),
  attention: z.array(attentionItem),
});
export type BillingRunResult = z.infer<typeof billingRunResult>;

const previewDocument = z.object({
  kind: z.enum(['invoice', 'proforma']),
  source: z.enum(['renewal', 'late_fee']),
  clientId: z.string(),
  clientName: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  currency: z.string(),
  lines: z.array(invoiceLineSchema),
  netMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  /** Downgrade credits that would become a credit note against this invoice (tax included). */
  creditMinor: z.number().int(),
});

export const billingPreviewResult = z.object({
  asOf: z.string(),
  through: z.string(),
  lastRunDate: z.string().nullable(),
  counts: runCounts.pick({ invoices: true, proformas: true, lateFees: true, creditNotes: true, periods: true, usageRecords: true }),
  totals: z.array(z.object({ currency: z.string(), invoicedMinor: z.number().int(), lateFeesMinor: z.number().int(), creditMinor: z.number().int() })),
  /** In the order they would be issued; the first `limit`. */
  documents: z.array(previewDocument),
  moreDocuments: z.number().int(),
});
export type BillingPreviewResult = z.infer<typeof billingPreviewResult>;

export const billingRunRecord = z.object({
  id: z.string(),
  runDate: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  invoicesIssued: z.number().int(),
  lateFees: z.number().int(),
  status: z.enum(['running', 'finished', 'failed', 'cancelled']),
});

export const usageRecordSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  usageDate: z.string(),
  quantityMilli: z.number().int(),
  note: z.string().nullable(),
  /** The invoice (or proforma) that billed it; null until the run bills its period. */
  invoiceId: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  createdAt: z.string(),
});

export const billingRunMethods = {
  'billing.run': defineMethod({
    summary:
      'Run the daily billing for today (or asOf, between the last run and today): renewal invoices (proformas for prepay clients) with proration and usage, and late fees; catches up on days the app was closed; idempotent. Reports job.progress.',
    input: z.strictObject({ asOf: isoDate.optional() }),
    output: billingRunResult,
  }),
  'billing.preview': defineMethod({
    summary: 'What the billing run would issue on asOf (today when left out) and on each of the following `days` days, without writing anything.',
    input: z.strictObject({ asOf: isoDate.optional(), days: z.number().int().min(0).max(366).default(0), limit: z.number().int().min(1).max(1000).default(200) }),
    output: billingPreviewResult,
  }),
  'billing.runs': defineMethod({
    summary: 'Recent billing runs, newest first.',
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.object({ items: z.array(billingRunRecord) }),
  }),
  'billing.cancel': defineMethod({
    summary: 'Stop the billing run in progress (the one with this job id, when given) after the batch it is writing; what it issued stays.',
    input: z.strictObject({ jobId: z.string().trim().min(1).max(100).optional() }),
    output: z.object({ cancelled: z.boolean(), jobId: z.string().nullable() }),
  }),
  'usage.record': defineMethod({
    summary: 'Record usage of a tiered or metered contract on a day (thousandths of its unit: 12500 = 12.5 GB); the run bills it after its period ends.',
    input: z.strictObject({ contractId: entityId, usageDate: isoDate, quantityMilli: z.number().int().min(1).max(1e12), note: optionalText(500) }),
    output: usageRecordSchema,
  }),
  'usage.list': defineMethod({
    summary: "A contract's usage records, newest first, with the invoice that billed each.",
    input: z.strictObject({ contractId: entityId }),
    output: z.object({ items: z.array(usageRecordSchema) }),
  }),
};
