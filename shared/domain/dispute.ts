// A dispute: the client contests an issued invoice. While it is open the invoice is shown as
// disputed and the arrears ladder holds; upheld, it is corrected by a credit note; rejected, the
// invoice is owed as before.
import { z } from 'zod';
import { entityId, requiredText } from '../validation/fields.js';

export const DISPUTE_STATUSES = ['open', 'upheld', 'rejected'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const disputeSchema = z.object({
  id: z.string(),
  invoiceId: z.string(),
  invoiceNumber: z.string().nullable(),
  clientId: z.string(),
  clientName: z.string(),
  currency: z.string(),
  /** What is still open on the invoice now. */
  invoiceOpenMinor: z.number().int(),
  openedDate: z.string(),
  reason: z.string(),
  status: z.enum(DISPUTE_STATUSES),
  resolvedDate: z.string().nullable(),
  resolution: z.string().nullable(),
  /** The credit note an upheld dispute was settled with; null when there was nothing left open to credit. */
  creditNoteId: z.string().nullable(),
  creditNoteNumber: z.string().nullable(),
});
export type Dispute = z.infer<typeof disputeSchema>;

export const disputeOpenInput = z.strictObject({ invoiceId: entityId, reason: requiredText(500) });

export const disputeResolveInput = z
  .strictObject({
    id: entityId,
    outcome: z.enum(['upheld', 'rejected']),
    /** What was decided, in words: kept with the dispute. */
    resolution: requiredText(1000),
    /** Upheld only: the amount credited; what is open on the invoice when left out. */
    amountMinor: z.number().int().min(1).max(1e13).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.outcome === 'rejected' && input.amountMinor !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['amountMinor'], message: 'A rejected dispute credits nothing: leave the amount out.', params: { code: 'not_allowed' } });
    }
  });

export const disputeListInput = z.strictObject({ clientId: entityId.optional(), status: z.enum(DISPUTE_STATUSES).optional() });
