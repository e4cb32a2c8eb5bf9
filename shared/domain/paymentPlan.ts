// A payment plan: an overdue balance split into installments the client pays on agreed dates,
// optionally with a fee (charged as an invoice of its own, which the plan also covers).
import { z } from 'zod';
import { distinct, entityId, isoDate, minorAmount, optionalText, requiredText } from '../validation/fields.js';

/** What is recorded: a plan stays active until it is complete, broken or cancelled. */
export const PLAN_STATUSES = ['active', 'complete', 'broken', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** How the plan stands on a date (a cancelled plan stands as broken). */
export const PLAN_STANDINGS = ['good_standing', 'late', 'broken', 'complete'] as const;
export type PlanStanding = (typeof PLAN_STANDINGS)[number];

/** One installment on a date: paid, not yet due, or unpaid after its due date (late within the grace days, missed after). */
export const INSTALLMENT_STATES = ['paid', 'upcoming', 'late', 'missed'] as const;
export type InstallmentState = (typeof INSTALLMENT_STATES)[number];

export const installmentSchema = z.object({
  dueDate: z.string(),
  amountMinor: z.number().int(),
  /** How much of it is paid: payments and credit toward the plan fill installments oldest first. */
  paidMinor: z.number().int(),
  /** The day it became paid in full; null while it is not. */
  paidDate: z.string().nullable(),
  state: z.enum(INSTALLMENT_STATES),
});
export type Installment = z.infer<typeof installmentSchema>;

export const paymentPlanSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  currency: z.string(),
  createdDate: z.string(),
  /** What the installments add up to: the open amount of the invoices covered plus the fee invoice. */
  totalMinor: z.number().int(),
  /** The fee invoice's total (tax included where the book adds tax); 0 without a fee. */
  feeMinor: z.number().int(),
  feeInvoiceId: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(PLAN_STATUSES),
  /** As of today, from the payments recorded so far. */
  standing: z.enum(PLAN_STANDINGS),
  /** While late: the last day of grace; unpaid after it, the plan is broken. */
  graceUntil: z.string().nullable(),
  /** When it was completed, broken or cancelled. */
  closedDate: z.string().nullable(),
  /** Paid toward the plan so far. */
  paidMinor: z.number().int(),
  invoices: z.array(z.object({ id: z.string(), number: z.string().nullable(), openMinor: z.number().int() })),
  installments: z.array(installmentSchema),
});
export type PaymentPlan = z.infer<typeof paymentPlanSchema>;

export const installmentInput = z.strictObject({ dueDate: isoDate, amountMinor: z.number().int().min(1).max(1e13) });

export const paymentPlanCreateInput = z.strictObject({
  clientId: entityId,
  /** The client's open invoices the plan covers (the fee invoice is added to them). */
  invoiceIds: distinct(entityId, 100).min(1),
  /** In date order, none before today; they must add up to the open amount covered plus the fee. */
  installments: z
    .array(installmentInput)
    .min(1)
    .max(60)
    .superRefine((list, ctx) => {
      list.forEach((installment, i) => {
        if (i > 0 && installment.dueDate <= list[i - 1]!.dueDate) {
          ctx.addIssue({ code: 'custom', path: [i, 'dueDate'], message: 'Installments must be in date order, one per day at most.', params: { code: 'date_order' } });
        }
      });
    }),
  /** Priced like any invoice line (tax is added in a tax-exclusive book); 0 or left out = no fee. */
  feeMinor: minorAmount.optional(),
  note: optionalText(1000),
});

export const paymentPlanListInput = z.strictObject({ clientId: entityId.optional(), status: z.enum(PLAN_STATUSES).optional() });

export const paymentPlanCancelInput = z.strictObject({ id: entityId, reason: requiredText(500) });
