// Arrangements in the sample book: a few clients behind on their bills have agreed a payment plan,
// made a promise to pay, or disputed an invoice — so those screens are not empty on first look.
import type { MethodName, Output } from '../../../shared/api/methods.js';
import { splitProportionally } from '../../../shared/billing/lineAmounts.js';
import { addDays, addMonths } from '../../../shared/dates.js';
import type { Context } from '../context.js';

type Call = <M extends MethodName>(method: M, input: unknown) => Output<M>;

export function addSampleArrangements(ctx: Context, call: Call, overdueClientIds: readonly string[]): { plans: number; promises: number; disputes: number } {
  const today = ctx.today();
  const overdueOf = (clientId: string) =>
    ctx.invoices.openInvoices(clientId).filter((invoice) => invoice.dueDate! < today && !invoice.disputed);
  const counts = { plans: 0, promises: 0, disputes: 0 };

  for (const [i, clientId] of overdueClientIds.slice(0, 8).entries()) {
    const overdue = overdueOf(clientId);
    if (overdue.length === 0) continue;
    const owed = overdue.reduce((sum, invoice) => sum + invoice.openMinor, 0);
    if (i < 3) {
      // Three monthly installments starting next week.
      const shares = splitProportionally(owed, [1, 1, 1]);
      const first = addDays(today, 7);
      call('paymentPlans.create', {
        clientId,
        invoiceIds: overdue.map((invoice) => invoice.id),
        installments: shares.map((amountMinor, n) => ({ dueDate: addMonths(first, n), amountMinor })),
        note: 'Agreed by phone',
      });
      counts.plans += 1;
    } else if (i < 6) {
      call('promises.create', { clientId, promisedDate: addDays(today, 5 + i), amountMinor: Math.ceil(owed / 2), note: 'Promised by email' });
      counts.promises += 1;
    } else {
      call('disputes.open', { invoiceId: overdue[0]!.id, reason: 'Client says the service was down for a week' });
      counts.disputes += 1;
    }
  }
  return counts;
}
