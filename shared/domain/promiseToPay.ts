// A promise to pay: the client says they will pay an amount by a date. Payments received from the
// day it was made through that date keep it; the date passing without them breaks it.
import { z } from 'zod';
import { entityId, isoDate, optionalText, requiredText } from '../validation/fields.js';

export const PROMISE_STATUSES = ['open', 'kept', 'broken', 'cancelled'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export const promiseToPaySchema = z.object({
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  currency: z.string(),
  madeDate: z.string(),
  promisedDate: z.string(),
  amountMinor: z.number().int(),
  /** Payments received from the day it was made through the promised date (and today). */
  receivedMinor: z.number().int(),
  status: z.enum(PROMISE_STATUSES),
  note: z.string().nullable(),
  /** When it was kept, broken (the day after the promised date) or cancelled. */
  resolvedDate: z.string().nullable(),
});
export type PromiseToPay = z.infer<typeof promiseToPaySchema>;

export const promiseCreateInput = z.strictObject({
  clientId: entityId,
  /** Today or later. */
  promisedDate: isoDate,
  /** At most what the client owes. */
  amountMinor: z.number().int().min(1).max(1e13),
  note: optionalText(1000),
});

export const promiseListInput = z.strictObject({ clientId: entityId.optional(), status: z.enum(PROMISE_STATUSES).optional() });

export const promiseCancelInput = z.strictObject({ id: entityId, reason: requiredText(500) });
