// Arrangements with a client about their arrears: disputes, payment plans and promises to pay.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { disputeListInput, disputeOpenInput, disputeResolveInput, disputeSchema } from '../domain/dispute.js';
import { paymentPlanCancelInput, paymentPlanCreateInput, paymentPlanListInput, paymentPlanSchema } from '../domain/paymentPlan.js';
import { promiseCancelInput, promiseCreateInput, promiseListInput, promiseToPaySchema } from '../domain/promiseToPay.js';
import { entityId } from '../validation/fields.js';

export const ladderPauseSchema = z.object({
  paused: z.boolean(),
  /** plan_in_good_standing, plan_in_grace_until:<date>, promise_until:<date>, open_dispute. */
  reasons: z.array(z.string()),
  resumed: z.object({ kind: z.enum(['payment_plan', 'promise']), id: z.string(), on: z.string() }).nullable(),
});

export const arrangementChangeSchema = z.object({
  kind: z.enum(['payment_plan', 'promise']),
  id: z.string(),
  clientId: z.string(),
  status: z.enum(['complete', 'broken', 'kept']),
  /** The day it happened: the last installment paid, the day after the grace ran out, the promise met or its date passed. */
  on: z.string(),
});

export const arrangementMethods = {
  'disputes.open': defineMethod({
    summary: 'Mark an issued invoice as disputed by the client, with the reason; it shows as disputed everywhere and the arrears ladder holds for it.',
    input: disputeOpenInput,
    output: disputeSchema,
  }),
  'disputes.resolve': defineMethod({
    summary: 'Resolve an open dispute: upheld credits the invoice (the open amount, or amountMinor) with the dispute reason; rejected leaves it owed as before.',
    input: disputeResolveInput,
    output: disputeSchema,
  }),
  'disputes.list': defineMethod({
    summary: 'Disputes, open ones first, then newest; by client and status.',
    input: disputeListInput,
    output: z.object({ items: z.array(disputeSchema) }),
  }),

  'paymentPlans.create': defineMethod({
    summary:
      "Agree a payment plan: installments (dates from today on, in order) that add up to the covered invoices' open amount plus an optional fee, which is charged as its own invoice. One active plan per client.",
    input: paymentPlanCreateInput,
    output: paymentPlanSchema,
  }),
  'paymentPlans.get': defineMethod({ summary: 'One payment plan with its installments, what is paid of each, and its standing today.', input: z.strictObject({ id: entityId }), output: paymentPlanSchema }),
  'paymentPlans.list': defineMethod({
    summary: 'Payment plans, newest first; by client and recorded status (active, complete, broken, cancelled).',
    input: paymentPlanListInput,
    output: z.object({ items: z.array(paymentPlanSchema) }),
  }),
  'paymentPlans.cancel': defineMethod({
    summary: 'Cancel an active payment plan, with a reason: it counts as broken and the arrears ladder resumes. A fee invoice stays owed unless credited.',
    input: paymentPlanCancelInput,
    output: paymentPlanSchema,
  }),

  'promises.create': defineMethod({
    summary: 'Record a promise to pay an amount (at most what the client owes) by a date; payments that arrive keep it, the date passing without them breaks it. One open promise per client.',
    input: promiseCreateInput,
    output: promiseToPaySchema,
  }),
  'promises.list': defineMethod({ summary: 'Promises to pay, newest first; by client and status.', input: promiseListInput, output: z.object({ items: z.array(promiseToPaySchema) }) }),
  'promises.cancel': defineMethod({ summary: 'Cancel an open promise to pay, with a reason.', input: promiseCancelInput, output: promiseToPaySchema }),

  'arrangements.settle': defineMethod({
    summary: 'Record what has changed by today across the book: payment plans completed or broken, promises kept or broken. The daily billing run does this too, and every payment does it for its client.',
    input: z.strictObject({}),
    output: z.object({ asOf: z.string(), changes: z.array(arrangementChangeSchema) }),
  }),
  'arrangements.forClient': defineMethod({
    summary: "A client's payment plans, promises and disputes, and whether they hold the arrears ladder today (and why).",
    input: z.strictObject({ clientId: entityId }),
    output: z.object({
      clientId: z.string(),
      plans: z.array(paymentPlanSchema),
      promises: z.array(promiseToPaySchema),
      disputes: z.array(disputeSchema),
      ladder: ladderPauseSchema,
    }),
  }),
};
