// Charges one late fee: a separate invoice with one `late_fee` line ("Late fee for INV-…"),
// source 'late_fee', recorded in late_fees so the n-th fee on an invoice is charged once. It is
// waived with a credit note on the fee invoice (invoices.creditNote), which posts back to the
// late-fee account.
import { feeAmount } from '../../../../shared/billing/lateFees.js';
import { lineText } from '../../../../shared/billing/lineText.js';
import type { Invoice } from '../../../../shared/domain/invoice.js';
import type { LateFeeRecords } from './lateFeeRecords.js';
import type { LateFeeWork } from './planWork.js';
import type { RunServices } from './runServices.js';

export interface FeeCharge {
  invoice: Invoice;
  amountMinor: number;
  description: string;
}

export function createLateFeeCharger(services: RunServices, fees: LateFeeRecords) {
  const { invoices, clients, ledger } = services;

  return {
    /**
     * What the fee comes to now, or null when none is owed any more: the invoice was paid,
     * credited, voided or disputed since the run was planned, the fee was charged already, or
     * the cap is reached. `chargedBefore` adds fees a preview has counted but not written.
     */
    figure(work: LateFeeWork, chargedBefore = 0): FeeCharge | null {
      const invoice = invoices.get(work.invoiceId);
      if (!invoice || invoice.status !== 'issued' || invoice.disputed || invoice.openMinor === 0 || fees.has(invoice.id, work.n)) return null;
      const policy = services.settings.get('billing').lateFee;
      const amountMinor = feeAmount(policy, invoice.currency, fees.openAsOf(invoice.id, work.feeDate), fees.charged(invoice.id) + chargedBefore);
      if (amountMinor === 0) return null;
      const language = clients.get(invoice.clientId)!.language;
      return { invoice, amountMinor, description: lineText.lateFee(language, invoice.number!, work.n, work.redatedForLock ? work.feeDate : null) };
    },

    charge(work: LateFeeWork, fee: FeeCharge): Invoice {
      const draft = ledger.createDraft({
        clientId: fee.invoice.clientId,
        kind: 'invoice',
        source: 'late_fee',
        lines: [{ kind: 'late_fee', description: fee.description, quantityMilli: 1000, unitPriceMinor: fee.amountMinor }],
      });
      const issued = ledger.issue(draft.id, work.date);
      fees.record(fee.invoice.id, work.n, work.feeDate, issued.id);
      return issued;
    },
  };
}
