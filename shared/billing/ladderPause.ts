// Whether the arrears ladder holds for a client on a date (DESIGN §4: an active payment plan in
// good standing, a promise to pay until its date, an open dispute), and whether a broken plan or
// promise has set it going again. Pure: the ladder, its preview and the client page all ask here.
import { addDays } from '../dates.js';
import type { Dispute } from '../domain/dispute.js';
import type { PaymentPlan } from '../domain/paymentPlan.js';
import type { PromiseToPay } from '../domain/promiseToPay.js';
import { planStanding } from './planStanding.js';

/**
 * Why the ladder holds. A plan with an installment late but still within its grace days holds it
 * too (the grace is there so a payment on its way does not trigger notices), until that date.
 */
export type PauseReason = 'plan_in_good_standing' | `plan_in_grace_until:${string}` | `promise_until:${string}` | 'open_dispute';

export interface ClientArrangements {
  plans: readonly (Pick<PaymentPlan, 'id' | 'createdDate' | 'status' | 'closedDate'> & { installments: PaymentPlan['installments']; invoices: readonly { id: string }[] })[];
  promises: readonly Pick<PromiseToPay, 'id' | 'madeDate' | 'promisedDate' | 'amountMinor' | 'receivedMinor' | 'status' | 'resolvedDate'>[];
  disputes: readonly Pick<Dispute, 'invoiceId' | 'openedDate' | 'status' | 'resolvedDate'>[];
}

export interface LadderPause {
  paused: boolean;
  reasons: PauseReason[];
  /**
   * When nothing holds the ladder: the most recent plan or promise that was broken (or cancelled)
   * on or before the date, so the ladder knows it resumes from a pause and picks the step that fits.
   */
  resumed: { kind: 'payment_plan' | 'promise'; id: string; on: string } | null;
}

type PromiseFacts = ClientArrangements['promises'][number];

/** The last day a promise holds the ladder, and the day it was broken or cancelled (if it was). */
function promiseSpan(promise: PromiseFacts, asOf: string): { until: string; brokenOn: string | null } {
  const dayAfter = addDays(promise.promisedDate, 1);
  switch (promise.status) {
    case 'kept':
      return { until: promise.promisedDate, brokenOn: null };
    case 'broken':
      return { until: promise.promisedDate, brokenOn: promise.resolvedDate ?? dayAfter };
    case 'cancelled': {
      const end = promise.resolvedDate !== null && promise.resolvedDate < dayAfter ? promise.resolvedDate : dayAfter;
      return { until: addDays(end, -1), brokenOn: end };
    }
    case 'open':
      // Not yet evaluated: past its date without the amount it is broken.
      return { until: promise.promisedDate, brokenOn: asOf > promise.promisedDate && promise.receivedMinor < promise.amountMinor ? dayAfter : null };
  }
}

/**
 * The ladder's pause for a client as of `asOf`. With `invoiceId`, plans and disputes count only
 * when they concern that invoice (a plan covers the arrears it lists, not invoices issued since);
 * a promise to pay is about the client's whole balance and always counts.
 */
export function ladderPause(arrangements: ClientArrangements, asOf: string, invoiceId?: string): LadderPause {
  const reasons = new Set<PauseReason>();
  const resumes: NonNullable<LadderPause['resumed']>[] = [];

  for (const plan of arrangements.plans) {
    if (plan.createdDate > asOf || (invoiceId !== undefined && !plan.invoices.some((i) => i.id === invoiceId))) continue;
    const standing = planStanding(plan, asOf);
    if (standing.standing === 'good_standing') reasons.add('plan_in_good_standing');
    else if (standing.standing === 'late') reasons.add(`plan_in_grace_until:${standing.graceUntil!}`);
    else if (standing.brokenOn !== null) resumes.push({ kind: 'payment_plan', id: plan.id, on: standing.brokenOn });
  }

  for (const promise of arrangements.promises) {
    if (promise.madeDate > asOf) continue;
    const span = promiseSpan(promise, asOf);
    if (asOf <= span.until) reasons.add(`promise_until:${promise.promisedDate}`);
    else if (span.brokenOn !== null && span.brokenOn <= asOf) resumes.push({ kind: 'promise', id: promise.id, on: span.brokenOn });
  }

  for (const dispute of arrangements.disputes) {
    if (invoiceId !== undefined && dispute.invoiceId !== invoiceId) continue;
    const openOnDate = dispute.openedDate <= asOf && (dispute.status === 'open' || (dispute.resolvedDate !== null && asOf < dispute.resolvedDate));
    if (openOnDate) reasons.add('open_dispute');
  }

  const paused = reasons.size > 0;
  const latest = resumes.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0))[0] ?? null;
  return { paused, reasons: [...reasons], resumed: paused ? null : latest };
}
