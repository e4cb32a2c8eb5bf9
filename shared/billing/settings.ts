// How the reseller bills: lead time for renewals, payment terms, tax treatment, credit, late fees.
// Stored in the book (DESIGN §3): it is part of the books, backed up with them.
import { z } from 'zod';
import { currencyCode, entityId, isoDate } from '../validation/fields.js';

export const lateFeePolicySchema = z.strictObject({
  enabled: z.boolean(),
  /** A fixed amount per currency, or a percentage of the overdue amount. */
  kind: z.enum(['fixed', 'percent']),
  fixedMinorByCurrency: z.record(currencyCode, z.number().int().min(0).max(1e11)),
  percentBp: z.number().int().min(0).max(10_000),
  /** Charged this many days after the due date (the second notice of the ladder: +5). */
  afterDays: z.number().int().min(0).max(365),
  repeat: z.enum(['once', 'monthly']),
  /** The most all fees on one invoice may add up to, per currency; none when absent. */
  capMinorByCurrency: z.record(currencyCode, z.number().int().min(0).max(1e11)),
});

export const billingSettingsSchema = z.strictObject({
  /** Renewal invoices are issued this many days before a contract's next due date. */
  renewalLeadDays: z.number().int().min(0).max(120),
  /** Days to pay a manual invoice. */
  paymentTermsDays: z.number().int().min(0).max(365),
  /** Contracts of one client due on the same day share one invoice. */
  shareInvoicePerClient: z.boolean(),
  /** Unallocated payments (credit balance) pay new invoices as they are issued. */
  applyCreditAutomatically: z.boolean(),
  /** Whether prices in plans and contracts include tax. */
  taxMode: z.enum(['exclusive', 'inclusive']),
  defaultTaxRateId: entityId.nullable(),
  /** Nothing dated on or before this date may be created or changed. */
  lockDate: isoDate.nullable(),
  lateFee: lateFeePolicySchema,
});
export type BillingSettings = z.infer<typeof billingSettingsSchema>;

export const DEFAULT_BILLING_SETTINGS: BillingSettings = {
  renewalLeadDays: 14,
  paymentTermsDays: 14,
  shareInvoicePerClient: false,
  applyCreditAutomatically: true,
  taxMode: 'exclusive',
  defaultTaxRateId: null,
  lockDate: null,
  lateFee: { enabled: false, kind: 'fixed', fixedMinorByCurrency: {}, percentBp: 0, afterDays: 5, repeat: 'once', capMinorByCurrency: {} },
};
