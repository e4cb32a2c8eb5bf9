// Settling arrangements: plans that became complete or broken and promises that were kept or
// broken are recorded (status and an audit row) when the book is evaluated on a date — by the
// daily billing run for the whole book, and after each payment for its client.
import type { z } from 'zod';
import type { arrangementChangeSchema } from '../../../../shared/api/arrangements.js';
import { graceUntil, missedInstallment } from '../../../../shared/billing/planStanding.js';
import { addDays } from '../../../../shared/dates.js';
import type { Context } from '../../context.js';
import { activePaymentPlans, closePaymentPlan } from './paymentPlans.js';
import { settlePromises } from './promisesToPay.js';

export type ArrangementChange = z.infer<typeof arrangementChangeSchema>;

/**
 * Records what changed as of `asOf` for one client, or the whole book when `clientId` is left
 * out. Runs in the caller's transaction when there is one (as a savepoint), in its own otherwise.
 */
export function settleArrangements(ctx: Context, asOf: string, clientId?: string): ArrangementChange[] {
  return ctx.transaction(() => {
    const changes: ArrangementChange[] = [];
    for (const plan of activePaymentPlans(ctx, asOf, clientId)) {
      if (plan.standing === 'complete') {
        const on = plan.installments.at(-1)!.paidDate!;
        closePaymentPlan(ctx, plan.id, 'complete', on, { asOf, paidMinor: plan.paidMinor });
        changes.push({ kind: 'payment_plan', id: plan.id, clientId: plan.clientId, status: 'complete', on });
      } else if (plan.standing === 'broken') {
        const missed = missedInstallment(plan.installments, asOf)!;
        const on = addDays(graceUntil(missed.dueDate), 1);
        closePaymentPlan(ctx, plan.id, 'broken', on, { asOf, missedInstallment: missed.dueDate, paidMinor: plan.paidMinor });
        changes.push({ kind: 'payment_plan', id: plan.id, clientId: plan.clientId, status: 'broken', on });
      }
    }
    for (const outcome of settlePromises(ctx, asOf, clientId)) changes.push({ kind: 'promise', ...outcome });
    return changes;
  });
}
