import type { arrangementMethods } from '../../../../shared/api/arrangements.js';
import { ladderPause } from '../../../../shared/billing/ladderPause.js';
import type { Context, HandlersOf } from '../../context.js';
import { invalidField } from '../../errors.js';
import { listDisputes, openDispute, resolveDispute } from './disputes.js';
import { cancelPaymentPlan, createPaymentPlan, getPaymentPlan, listPaymentPlans } from './paymentPlans.js';
import { cancelPromise, createPromise, getPromise, listPromises } from './promisesToPay.js';
import { settleArrangements } from './settle.js';

/** A client named in a filter must exist: an unknown one is a mistake, not an empty list. */
function requireClient(ctx: Context, clientId: string | undefined): void {
  if (clientId !== undefined && !ctx.clients.get(clientId)) {
    throw invalidField({ field: 'clientId', code: 'unknown_reference', message: 'That client does not exist.' });
  }
}

/** Runs a change in one transaction, then tells every window the client's account changed. */
function change<T extends { clientId: string }>(ctx: Context, work: () => T): T {
  const result = ctx.transaction(work);
  ctx.events.emit('accounts.changed', { clientId: result.clientId });
  return result;
}

export const arrangementHandlers: HandlersOf<typeof arrangementMethods> = {
  'disputes.open'(input, ctx) {
    return change(ctx, () => openDispute(ctx, input));
  },
  'disputes.resolve'(input, ctx) {
    return change(ctx, () => {
      const dispute = resolveDispute(ctx, input);
      // An upheld dispute's credit note may complete a plan covering the invoice.
      settleArrangements(ctx, ctx.today(), dispute.clientId);
      return dispute;
    });
  },
  'disputes.list'(input, ctx) {
    requireClient(ctx, input.clientId);
    return { items: listDisputes(ctx, input) };
  },

  'paymentPlans.create'(input, ctx) {
    return change(ctx, () => createPaymentPlan(ctx, input));
  },
  'paymentPlans.get'(input, ctx) {
    return getPaymentPlan(ctx, input.id, ctx.today());
  },
  'paymentPlans.list'(input, ctx) {
    requireClient(ctx, input.clientId);
    return { items: listPaymentPlans(ctx, input, ctx.today()) };
  },
  'paymentPlans.cancel'(input, ctx) {
    return change(ctx, () => {
      settleArrangements(ctx, ctx.today(), getPaymentPlan(ctx, input.id, ctx.today()).clientId);
      return cancelPaymentPlan(ctx, input.id, input.reason);
    });
  },

  'promises.create'(input, ctx) {
    return change(ctx, () => {
      // A promise kept or broken by now no longer stands in the way of a new one.
      settleArrangements(ctx, ctx.today(), input.clientId);
      return createPromise(ctx, input);
    });
  },
  'promises.list'(input, ctx) {
    requireClient(ctx, input.clientId);
    return { items: listPromises(ctx, input, ctx.today()) };
  },
  'promises.cancel'(input, ctx) {
    return change(ctx, () => {
      settleArrangements(ctx, ctx.today(), getPromise(ctx, input.id, ctx.today()).clientId);
      return cancelPromise(ctx, input.id, input.reason);
    });
  },

  'arrangements.settle'(_input, ctx) {
    const asOf = ctx.today();
    const changes = settleArrangements(ctx, asOf);
    for (const clientId of new Set(changes.map((c) => c.clientId))) ctx.events.emit('accounts.changed', { clientId });
    return { asOf, changes };
  },
  'arrangements.forClient'(input, ctx) {
    requireClient(ctx, input.clientId);
    const today = ctx.today();
    const plans = listPaymentPlans(ctx, { clientId: input.clientId }, today);
    const promises = listPromises(ctx, { clientId: input.clientId }, today);
    const disputes = listDisputes(ctx, { clientId: input.clientId });
    return { clientId: input.clientId, plans, promises, disputes, ladder: ladderPause({ plans, promises, disputes }, today) };
  },
};
