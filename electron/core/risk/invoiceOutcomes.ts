// Labelled examples for fitting and evaluating the score: for each invoice, the factors of its
// client's history as of its issue date (the invoice itself left out, so its own dispute flag and
// payment never reach them) and whether it was paid late or never.
import type { PaymentHistory } from '../../../shared/risk/history.js';
import { factorValues, summariseHistory } from '../../../shared/risk/features.js';
import type { LabelledInvoice } from '../../../shared/risk/fit.js';
import type { ClientHistory } from './paymentHistories.js';


/** The day its last payment made the invoice paid, as known on `asOf`; null if still open then. */
function settledDate(invoice: ClientHistory['invoices'][number], asOf: string): string | null {
  let paid = 0;
  let last: string | null = null;
  for (const p of invoice.payments) {
    if (p.date > asOf || (p.reversedDate !== null && p.reversedDate <= asOf)) continue;
    paid += p.amountMinor;
    if (last === null || p.date > last) last = p.date;
  }
  return paid >= invoice.totalMinor ? last : null;
}

/**
 * Examples for invoices issued in [from, to), labelled with what was known on `knownOn` (pass the
 * cutoff for training, so no later payment labels a training invoice; the far future for testing).
 * Invoices whose outcome is not known on `knownOn` (open and not yet due) are left out.
 */
export function examplesOf(histories: Map<string, ClientHistory>, range: { from: string; to: string }, knownOn: string): LabelledInvoice[] {
  const examples: LabelledInvoice[] = [];
  for (const client of histories.values()) {
    client.invoices.forEach((invoice, index) => {
      if (invoice.issueDate < range.from || invoice.issueDate >= range.to) return;
      const settled = settledDate(invoice, knownOn);
      if (settled === null && invoice.dueDate >= knownOn) return;
      const history: PaymentHistory = {
        asOf: invoice.issueDate,
        invoices: client.invoices.filter((_, i) => i !== index),
        bouncedDates: client.bouncedDates,
        brokenPromiseDates: client.brokenPromiseDates,
        brokenPlanDates: client.brokenPlanDates,
        newInvoiceMinor: invoice.totalMinor,
      };
      examples.push({ values: factorValues(summariseHistory(history)), label: settled === null || settled > invoice.dueDate ? 1 : 0, issueDate: invoice.issueDate });
    });
  }
  return examples;
}
