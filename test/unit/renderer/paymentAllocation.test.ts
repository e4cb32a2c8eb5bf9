import { describe, expect, it } from 'vitest';
import type { Payment } from '../../../shared/domain/invoice.js';
import { autoSplit, readAllocations, splitOf } from '../../../renderer/src/payments/paymentAllocation.js';
import { whereItWent } from '../../../renderer/src/payments/whereItWent.js';
import { planTotal, readPauseReason, splitEvenly } from '../../../renderer/src/accounts/installments.js';

describe('a payment shared out by hand', () => {
  it('sends the rows with an amount and remembers which row each came from', () => {
    const reading = readAllocations(
      [
        { invoiceId: 'in_a', amount: '' },
        { invoiceId: 'in_b', amount: '40.50' },
        { invoiceId: 'in_c', amount: '0' },
        { invoiceId: 'in_d', amount: '9.5' },
      ],
      'USD',
    );
    expect(reading).toEqual({ allocations: [{ invoiceId: 'in_b', amountMinor: 4050 }, { invoiceId: 'in_d', amountMinor: 950 }], rowOf: [1, 3], invalidRows: [], allocatedMinor: 5000 });
  });

  it('lists the rows whose text is not an amount', () => {
    expect(readAllocations([{ invoiceId: 'in_a', amount: '1.234' }, { invoiceId: 'in_b', amount: '-5' }], 'USD').invalidRows).toEqual([0, 1]);
  });

  it('leaves what is not applied as credit, and says how much too much is applied', () => {
    expect(splitOf(10_000, 6_000)).toEqual({ creditMinor: 4_000, overMinor: 0 });
    expect(splitOf(10_000, 12_500)).toEqual({ creditMinor: 0, overMinor: 2_500 });
    expect(splitOf(null, 500)).toEqual({ creditMinor: 0, overMinor: 0 });
  });
});

describe('automatic allocation, as the backend does it', () => {
  const open = [
    { kind: 'invoice' as const, openMinor: 3_000, totalMinor: 5_000, dueDate: '2026-10-01' },
    { kind: 'proforma' as const, openMinor: 4_000, totalMinor: 4_000, dueDate: '2026-12-20' },
    { kind: 'invoice' as const, openMinor: 2_000, totalMinor: 2_000, dueDate: '2026-11-01' },
    { kind: 'proforma' as const, openMinor: 1_000, totalMinor: 1_000, dueDate: '2026-12-01' },
  ];

  it('pays the invoices, then each proforma the rest covers in full, by due date', () => {
    expect(autoSplit(4_000, open)).toEqual({ appliedMinor: 4_000, creditMinor: 0 });
    // 5,000 to invoices, 1,000 to the proforma due first; the 4,000 one is not covered.
    expect(autoSplit(9_500, open)).toEqual({ appliedMinor: 6_000, creditMinor: 3_500 });
    expect(autoSplit(20_000, open)).toEqual({ appliedMinor: 10_000, creditMinor: 10_000 });
    expect(autoSplit(700, [])).toEqual({ appliedMinor: 0, creditMinor: 700 });
  });
});

describe('where a payment went', () => {
  const payment: Payment = {
    id: 'pm_1',
    clientId: 'cl_1',
    date: '2026-11-01',
    amountMinor: 10_000,
    currency: 'USD',
    method: 'alipay',
    reference: null,
    note: null,
    status: 'received',
    bounceReason: null,
    unallocatedMinor: 1_500,
    allocations: [
      { paymentId: 'pm_1', invoiceId: 'in_1', invoiceNumber: 'INV-1', amountMinor: 6_000, date: '2026-11-01', reversedDate: null },
      { paymentId: 'pm_1', invoiceId: 'in_2', invoiceNumber: 'INV-2', amountMinor: 2_000, date: '2026-11-01', reversedDate: '2026-11-05' },
    ],
  };

  it('counts what the invoices hold now, what was refunded, and the credit left', () => {
    // 10,000 − 6,000 applied − 1,500 credit: 2,500 was refunded (the reversed 2,000 came back as credit first).
    expect(whereItWent(payment)).toEqual({ appliedMinor: 6_000, refundedMinor: 2_500, creditMinor: 1_500 });
    expect(whereItWent({ ...payment, status: 'bounced', unallocatedMinor: 0 })).toEqual({ appliedMinor: 0, refundedMinor: 0, creditMinor: 0 });
  });
});

describe('a payment plan’s schedule', () => {
  it('adds the fee with its tax to what the installments must cover', () => {
    expect(planTotal(30_000, 0, 600, 'exclusive')).toBe(30_000);
    expect(planTotal(30_000, 1_000, 600, 'exclusive')).toBe(31_060);
    expect(planTotal(30_000, 1_060, 600, 'inclusive')).toBe(31_060);
  });

  it('splits evenly over months (keeping the day), weeks or fortnights, the last taking the rest', () => {
    expect(splitEvenly(10_000, 3, '2026-01-31', 'month', 'USD')).toEqual([
      { dueDate: '2026-01-31', amount: '33.33' },
      { dueDate: '2026-02-28', amount: '33.33' },
      { dueDate: '2026-03-31', amount: '33.34' },
    ]);
    expect(splitEvenly(1_000, 2, '2026-12-28', 'week', 'JPY').map((row) => row.dueDate)).toEqual(['2026-12-28', '2027-01-04']);
    expect(splitEvenly(1_000, 2, '2026-12-28', 'twoWeeks', 'JPY')).toEqual([
      { dueDate: '2026-12-28', amount: '500' },
      { dueDate: '2027-01-11', amount: '500' },
    ]);
  });

  it('reads why the arrears ladder holds', () => {
    expect(readPauseReason('plan_in_good_standing')).toEqual({ key: 'planInGoodStanding' });
    expect(readPauseReason('plan_in_grace_until:2026-12-05')).toEqual({ key: 'planInGrace', date: '2026-12-05' });
    expect(readPauseReason('promise_until:2026-12-01')).toEqual({ key: 'promise', date: '2026-12-01' });
    expect(readPauseReason('open_dispute')).toEqual({ key: 'openDispute' });
    expect(readPauseReason('manual_only')).toEqual({ key: 'other', text: 'manual_only' });
  });
});
