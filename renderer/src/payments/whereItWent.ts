// Where a payment went: the invoices it pays now, what was paid back of it, and what is left as
// the client's credit. A payment lists its allocations and its credit; what was refunded is the
// rest. Pure, so the payment view and the account's payment list say the same.
import type { Payment } from '../../../shared/domain/invoice.js';

export interface PaymentUse {
  appliedMinor: number;
  refundedMinor: number;
  creditMinor: number;
}

export function whereItWent(payment: Payment): PaymentUse {
  if (payment.status === 'bounced') return { appliedMinor: 0, refundedMinor: 0, creditMinor: 0 };
  const appliedMinor = payment.allocations.filter((allocation) => allocation.reversedDate === null).reduce((sum, allocation) => sum + allocation.amountMinor, 0);
  return { appliedMinor, refundedMinor: payment.amountMinor - appliedMinor - payment.unallocatedMinor, creditMinor: payment.unallocatedMinor };
}
