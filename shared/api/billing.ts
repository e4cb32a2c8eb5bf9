// Billing and the ledger: invoices, payments, client accounts, the books.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { billingSettingsSchema } from '../billing/settings.js';
import {
  allocationInput,
  creditNoteInput,
  draftCreateInput,
  draftUpdateInput,
  invoiceDetailSchema,
  invoicePage,
  invoiceSearchInput,
  issueInput,
  PAYMENT_METHODS,
  paymentRecordInput,
  paymentSchema,
  voidInput,
} from '../domain/invoice.js';
import { countryCode, entityId, isoDate, optionalText, requiredText } from '../validation/fields.js';

const taxRateSchema = z.object({ id: z.string(), name: z.string(), rateBp: z.number().int(), country: z.string().nullable(), archived: z.boolean() });

export const AGING_BUCKETS = ['current', 'days1to30', 'days31to60', 'days61to90', 'over90'] as const;
const bucketAmounts = z.object(Object.fromEntries(AGING_BUCKETS.map((b) => [b, z.number().int()])) as Record<(typeof AGING_BUCKETS)[number], z.ZodNumber>);

export const accountSummarySchema = z.object({
  clientId: z.string(),
  currency: z.string(),
  /** What the client owes net of credit: open invoices less unallocated payments. */
  balanceMinor: z.number().int(),
  openMinor: z.number().int(),
  overdueMinor: z.number().int(),
  creditMinor: z.number().int(),
  oldestOverdueDays: z.number().int().nullable(),
  openInvoices: z.number().int(),
  /** The next renewal of a live contract and whether the credit balance covers it. */
  nextRenewal: z.object({ date: z.string(), amountMinor: z.number().int(), coveredByCredit: z.boolean() }).nullable(),
});

export const statementLineSchema = z.object({
  date: z.string(),
  kind: z.string(),
  reference: z.string().nullable(),
  description: z.string(),
  debitMinor: z.number().int(),
  creditMinor: z.number().int(),
  balanceMinor: z.number().int(),
});

const SERIES = ['invoice', 'credit_note', 'proforma'] as const;
const numberFormat = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .refine((format) => (format.match(/\{N{1,10}\}/g) ?? []).length === 1 && !/\{(?!N{1,10}\}|YYYY\}|YY\}|MM\})/.test(format), {
    message: 'A number format needs exactly one {NNNNN} for the number and may use {YYYY}, {YY} and {MM}.',
    params: { code: 'invalid' },
  });
const numberSeriesSchema = z.object({ series: z.enum(SERIES), format: z.string(), nextNumber: z.number().int(), example: z.string() });

export const billingMethods = {
  'numberSeries.list': defineMethod({
    summary: 'The numbering of invoices, credit notes and proformas: format and the next number (gapless; it only ever grows).',
    input: z.strictObject({}),
    output: z.object({ items: z.array(numberSeriesSchema) }),
  }),
  'numberSeries.update': defineMethod({
    summary: 'Change how numbers of a series are written, e.g. INV-{YYYY}-{NNNNN}; the counter itself never changes.',
    input: z.strictObject({ series: z.enum(SERIES), format: numberFormat }),
    output: numberSeriesSchema,
  }),
  'billingSettings.get': defineMethod({ summary: 'How the book bills: renewal lead time, payment terms, tax mode, credit, late fees, lock date.', input: z.strictObject({}), output: billingSettingsSchema }),
  'billingSettings.update': defineMethod({
    summary: 'Change billing settings (the lock date is set with books.lock, never here).',
    input: billingSettingsSchema.omit({ lockDate: true }).partial().strict(),
    output: billingSettingsSchema,
  }),
  'taxRates.list': defineMethod({ summary: 'Tax rates, current ones first.', input: z.strictObject({}), output: z.object({ items: z.array(taxRateSchema) }) }),
  'taxRates.create': defineMethod({
    summary: 'Add a tax rate (basis points: 600 = 6 %), optionally the one for a country.',
    input: z.strictObject({ name: requiredText(100), rateBp: z.number().int().min(0).max(10_000), country: countryCode.optional() }),
    output: taxRateSchema,
  }),
  'taxRates.update': defineMethod({
    summary: "Rename or archive a tax rate. A rate's percentage never changes once it exists: add a new rate instead.",
    input: z.strictObject({ id: entityId, name: requiredText(100).optional(), country: countryCode.nullable().optional(), archived: z.boolean().optional() }),
    output: taxRateSchema,
  }),

  'invoices.createDraft': defineMethod({ summary: 'Start a manual invoice or proforma for a client; a draft can change freely.', input: draftCreateInput, output: invoiceDetailSchema }),
  'invoices.updateDraft': defineMethod({ summary: "Change a draft's lines, due date or notes.", input: draftUpdateInput, output: invoiceDetailSchema }),
  'invoices.deleteDraft': defineMethod({ summary: 'Delete a draft (issued invoices are voided or credited instead).', input: z.strictObject({ id: entityId }), output: z.object({ deleted: z.literal(true) }) }),
  'invoices.issue': defineMethod({
    summary: 'Issue a draft: it takes the next number of its series and never changes again; credit is applied when the setting says so.',
    input: issueInput,
    output: invoiceDetailSchema,
  }),
  'invoices.void': defineMethod({ summary: 'Void an issued invoice nobody has paid or credited, with a reason; its number stays, shown void.', input: voidInput, output: invoiceDetailSchema }),
  'invoices.creditNote': defineMethod({
    summary: 'Credit an issued invoice in full or in part (at most what is open), with a reason and who approved it — corrections, discounts and waivers.',
    input: creditNoteInput,
    output: invoiceDetailSchema,
  }),
  'invoices.get': defineMethod({ summary: 'One invoice with its lines, tax per rate, payments applied and credit notes.', input: z.strictObject({ id: entityId }), output: invoiceDetailSchema }),
  'invoices.search': defineMethod({ summary: 'Invoices, newest first, by client, state (draft, open, overdue, paid, void, disputed) and number.', input: invoiceSearchInput, output: invoicePage }),

  'payments.record': defineMethod({
    summary: 'Record money received. It pays the invoices named, or the oldest open ones; what is left becomes the client\'s credit.',
    input: paymentRecordInput,
    output: paymentSchema,
  }),
  'payments.allocate': defineMethod({
    summary: 'Apply the unallocated part of a payment to invoices by hand.',
    input: z.strictObject({ paymentId: entityId, allocations: z.array(allocationInput).min(1).max(200) }),
    output: paymentSchema,
  }),
  'payments.bounce': defineMethod({
    summary: 'Reverse a payment that bounced, with a reason: the invoices it paid are open again.',
    input: z.strictObject({ id: entityId, reason: requiredText(500), date: isoDate.optional() }),
    output: paymentSchema,
  }),
  'payments.refund': defineMethod({
    summary: "Pay back part of a client's credit balance.",
    input: z.strictObject({ clientId: entityId, amountMinor: z.number().int().min(1).max(1e13), date: isoDate.optional(), method: z.enum(PAYMENT_METHODS), reference: optionalText(200), reason: requiredText(500) }),
    output: accountSummarySchema,
  }),
  'payments.get': defineMethod({ summary: 'One payment and where it went.', input: z.strictObject({ id: entityId }), output: paymentSchema }),
  'payments.listByClient': defineMethod({ summary: "A client's payments, newest first.", input: z.strictObject({ clientId: entityId }), output: z.object({ items: z.array(paymentSchema) }) }),

  'accounts.summary': defineMethod({
    summary: "A client's account: balance, open and overdue amounts, credit, and whether credit covers the next renewal.",
    input: z.strictObject({ clientId: entityId }),
    output: accountSummarySchema,
  }),
  'accounts.statement': defineMethod({
    summary: "A client's statement for a period: opening balance, every invoice, credit note, payment and refund, closing balance.",
    input: z.strictObject({ clientId: entityId, from: isoDate, to: isoDate }),
    output: z.object({ clientId: z.string(), currency: z.string(), from: z.string(), to: z.string(), openingMinor: z.number().int(), closingMinor: z.number().int(), lines: z.array(statementLineSchema) }),
  }),
  'accounts.ledger': defineMethod({
    summary: "The journal lines about a client (receivables and credit), oldest first.",
    input: z.strictObject({ clientId: entityId }),
    output: z.object({
      items: z.array(z.object({ date: z.string(), entryKind: z.string(), memo: z.string(), account: z.string(), debitMinor: z.number().int(), creditMinor: z.number().int() })),
    }),
  }),
  'reports.aging': defineMethod({
    summary:
      'Receivables by age as of a date (current, 1–30, 31–60, 61–90, over 90 days past due), per currency and per client: clients grouped by currency (in code order), largest first within each, at most `limit` per currency.',
    input: z.strictObject({ asOf: isoDate.optional(), limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.object({
      asOf: z.string(),
      totals: z.array(z.object({ currency: z.string(), buckets: bucketAmounts, totalMinor: z.number().int() })),
      clients: z.array(z.object({ clientId: z.string(), clientName: z.string(), currency: z.string(), buckets: bucketAmounts, totalMinor: z.number().int() })),
    }),
  }),
  'books.lock': defineMethod({
    summary: 'Lock the books up to a date (after the accountant has them): nothing dated on or before it can be created or changed.',
    input: z.strictObject({ lockDate: isoDate }),
    output: billingSettingsSchema,
  }),
  'books.check': defineMethod({
    summary: 'Check the ledger: every entry balances, receivables and credit agree with invoices and payments, numbers have no gaps, no issued invoice or locked period changed.',
    input: z.strictObject({}),
    output: z.object({ ok: z.boolean(), checks: z.array(z.object({ name: z.string(), ok: z.boolean(), problems: z.array(z.string()) })) }),
  }),
};
