// Invoices, credit notes and proformas; payments and their allocations.
import { z } from 'zod';
import { entityId, isoDate, minorAmount, optionalText, requiredText } from '../validation/fields.js';

export const INVOICE_KINDS = ['invoice', 'proforma', 'credit_note'] as const;
export const INVOICE_STATUSES = ['draft', 'issued', 'void'] as const;
export const LINE_KINDS = ['service', 'proration', 'usage', 'charge', 'late_fee', 'adjustment', 'plan_fee'] as const;
export const PAYMENT_METHODS = ['bank_transfer', 'card', 'paypal', 'alipay', 'wechat_pay', 'cash', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** What a person or the billing run puts on a draft. */
export const invoiceLineInput = z.strictObject({
  description: requiredText(500),
  kind: z.enum(LINE_KINDS).default('charge'),
  /** Thousandths: 1000 = one month, one unit; 12500 = 12.5 GB. */
  quantityMilli: z.number().int().min(1).max(1e9).default(1000),
  unitPriceMinor: minorAmount,
  /** The client's rate when left out. */
  taxRateId: entityId.optional(),
  contractId: entityId.optional(),
  periodStart: isoDate.optional(),
  periodEnd: isoDate.optional(),
});

export const invoiceLineSchema = z.object({
  position: z.number().int(),
  kind: z.enum(LINE_KINDS),
  description: z.string(),
  contractId: z.string().nullable(),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  quantityMilli: z.number().int(),
  unitPriceMinor: z.number().int(),
  taxRateBp: z.number().int(),
  netMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
});
export type InvoiceLine = z.infer<typeof invoiceLineSchema>;

export const invoiceSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  kind: z.enum(INVOICE_KINDS),
  status: z.enum(INVOICE_STATUSES),
  /** The number as printed (INV-2026-00042); null for a draft. */
  number: z.string().nullable(),
  issueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  currency: z.string(),
  taxMode: z.enum(['exclusive', 'inclusive']),
  netMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  openMinor: z.number().int(),
  source: z.enum(['manual', 'renewal', 'late_fee', 'import', 'plan']),
  creditedInvoiceId: z.string().nullable(),
  convertedInvoiceId: z.string().nullable(),
  reason: z.string().nullable(),
  approvedBy: z.string().nullable(),
  voidReason: z.string().nullable(),
  disputed: z.boolean(),
  notes: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const allocationSchema = z.object({
  paymentId: z.string(),
  invoiceId: z.string(),
  invoiceNumber: z.string().nullable(),
  amountMinor: z.number().int(),
  date: z.string(),
  reversedDate: z.string().nullable(),
});

export const invoiceDetailSchema = invoiceSchema.extend({
  lines: z.array(invoiceLineSchema),
  allocations: z.array(allocationSchema),
  creditNotes: z.array(invoiceSchema),
  /** Tax per rate, as printed: rate in basis points, the net it applies to and the tax. */
  taxByRate: z.array(z.object({ rateBp: z.number().int(), netMinor: z.number().int(), taxMinor: z.number().int() })),
});
export type InvoiceDetail = z.infer<typeof invoiceDetailSchema>;

export const draftCreateInput = z.strictObject({
  clientId: entityId,
  kind: z.enum(['invoice', 'proforma']).default('invoice'),
  dueDate: isoDate.optional(),
  lines: z.array(invoiceLineInput).max(500).default([]),
  notes: z.string().trim().max(2000).optional(),
});

export const draftUpdateInput = z.strictObject({
  id: entityId,
  expectedVersion: z.number().int().positive().optional(),
  dueDate: isoDate.nullable().optional(),
  lines: z.array(invoiceLineInput).max(500).optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});

export const issueInput = z.strictObject({
  id: entityId,
  /** Today when left out. */
  issueDate: isoDate.optional(),
});

export const creditNoteInput = z.strictObject({
  invoiceId: entityId,
  reason: requiredText(500),
  /** Who agreed to it (a discount or waiver agreed with the client). */
  approvedBy: optionalText(100),
  /** The whole open amount when left out. */
  amountMinor: z.number().int().min(1).max(1e13).optional(),
  date: isoDate.optional(),
});

export const voidInput = z.strictObject({ id: entityId, reason: requiredText(500) });

export const INVOICE_FILTERS = ['draft', 'open', 'overdue', 'paid', 'void', 'disputed', 'all'] as const;

export const invoiceSearchInput = z.strictObject({
  clientId: entityId.optional(),
  filter: z.enum(INVOICE_FILTERS).default('all'),
  kind: z.enum(INVOICE_KINDS).optional(),
  /** Matches the start of an invoice number or the client's name. */
  query: z.string().trim().max(100).default(''),
  limit: z.number().int().min(1).max(500).default(50),
  cursor: z.string().max(1000).optional(),
});

export const invoicePage = z.object({ items: z.array(invoiceSchema), nextCursor: z.string().nullable() });

export const allocationInput = z.strictObject({ invoiceId: entityId, amountMinor: z.number().int().min(1).max(1e13) });

export const paymentRecordInput = z.strictObject({
  clientId: entityId,
  date: isoDate,
  amountMinor: z.number().int().min(1).max(1e13),
  method: z.enum(PAYMENT_METHODS),
  reference: optionalText(200),
  note: optionalText(1000),
  /** By hand; oldest open invoice first when left out. What is left becomes credit. */
  allocations: z.array(allocationInput).max(200).optional(),
});

export const paymentSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  date: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  method: z.enum(PAYMENT_METHODS),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(['received', 'bounced']),
  bounceReason: z.string().nullable(),
  /** Not allocated to an invoice nor refunded: the client's credit from this payment. */
  unallocatedMinor: z.number().int(),
  allocations: z.array(allocationSchema),
});
export type Payment = z.infer<typeof paymentSchema>;
