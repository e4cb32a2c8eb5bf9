// Payment plans on real books, day by day: installments filled by the payments that arrive,
// oldest first; good standing, late within the grace days, broken after, complete when paid.
import { afterEach, describe, expect, it } from 'vitest';
import { openArrearsBook, type ArrearsBook } from '../../fixtures/arrears.js';

let book: ArrearsBook;
afterEach(() => book?.close());

const plan = (id: string) => book.call('paymentPlans.get', { id });
const ladder = async () => (await book.call('arrangements.forClient', { clientId: book.clientId })).ladder;
const auditActions = (entityId: string) =>
  book.backend.db.prepare<[string], string>('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq').pluck().all(entityId);

describe('a payment plan over the days', () => {
  it('fills installments oldest first from partial payments: good standing, late within grace, good again, complete', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const b = await book.invoice(20000, '2026-10-20', '2026-11-03');
    const created = await book.call('paymentPlans.create', {
      clientId: book.clientId,
      invoiceIds: [a, b],
      installments: [
        { dueDate: '2026-12-01', amountMinor: 20000 },
        { dueDate: '2026-12-15', amountMinor: 15000 },
        { dueDate: '2026-12-29', amountMinor: 15000 },
      ],
      note: 'Agreed on the phone with the owner',
    });
    expect(created).toMatchObject({ status: 'active', standing: 'good_standing', createdDate: '2026-11-26', totalMinor: 50000, feeMinor: 0, feeInvoiceId: null, paidMinor: 0, closedDate: null });
    expect(created.invoices.map((i) => [i.id, i.openMinor])).toEqual([[a, 30000], [b, 20000]]);
    expect(created.installments.map((i) => i.state)).toEqual(['upcoming', 'upcoming', 'upcoming']);
    expect(await ladder()).toEqual({ paused: true, reasons: ['plan_in_good_standing'], resumed: null });

    book.advance(5); // 2026-12-01: the first installment is due today
    await book.pay(12000);
    let now = await plan(created.id);
    expect(now.installments.map((i) => [i.paidMinor, i.state])).toEqual([[12000, 'upcoming'], [0, 'upcoming'], [0, 'upcoming']]);
    expect(now.standing).toBe('good_standing');

    book.advance(2); // 2026-12-03: two days unpaid, within the grace days
    now = await plan(created.id);
    expect(now).toMatchObject({ standing: 'late', graceUntil: '2026-12-06', status: 'active' });
    expect(now.installments[0]!.state).toBe('late');
    expect(await ladder()).toEqual({ paused: true, reasons: ['plan_in_grace_until:2026-12-06'], resumed: null });

    await book.pay(15000); // completes the first installment and pays 7000 of the second
    now = await plan(created.id);
    expect(now.standing).toBe('good_standing');
    expect(now.installments.map((i) => [i.paidMinor, i.paidDate, i.state])).toEqual([
      [20000, '2026-12-03', 'paid'],
      [7000, null, 'upcoming'],
      [0, null, 'upcoming'],
    ]);

    book.advance(12); // 2026-12-15
    await book.pay(8000);
    book.advance(14); // 2026-12-29
    await book.pay(15000);
    now = await plan(created.id);
    expect(now).toMatchObject({ status: 'complete', standing: 'complete', closedDate: '2026-12-29', paidMinor: 50000 });
    expect(now.installments.map((i) => i.paidDate)).toEqual(['2026-12-03', '2026-12-15', '2026-12-29']);
    expect(now.invoices.map((i) => i.openMinor)).toEqual([0, 0]);
    expect(auditActions(created.id)).toEqual(['payment_plan.created', 'payment_plan.complete']);
    expect((await ladder()).paused).toBe(false);
    await book.expectLedgerOk();
  });

  it('breaks when an installment stays unpaid past the grace days; settling records it once, and it stays broken', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const created = await book.call('paymentPlans.create', {
      clientId: book.clientId,
      invoiceIds: [a],
      installments: [
        { dueDate: '2026-12-01', amountMinor: 10000 },
        { dueDate: '2026-12-31', amountMinor: 20000 },
      ],
    });
    book.advance(10); // 2026-12-06: the last day of grace
    expect((await plan(created.id)).standing).toBe('late');
    expect((await book.call('arrangements.settle', {})).changes).toEqual([]);

    book.advance(1); // 2026-12-07
    expect(await plan(created.id)).toMatchObject({ standing: 'broken', status: 'active' });
    expect((await plan(created.id)).installments.map((i) => i.state)).toEqual(['missed', 'upcoming']);
    expect(await book.call('arrangements.settle', {})).toEqual({
      asOf: '2026-12-07',
      changes: [{ kind: 'payment_plan', id: created.id, clientId: book.clientId, status: 'broken', on: '2026-12-07' }],
    });
    expect((await book.call('arrangements.settle', {})).changes).toEqual([]);
    expect(await plan(created.id)).toMatchObject({ status: 'broken', standing: 'broken', closedDate: '2026-12-07' });
    expect(await ladder()).toEqual({ paused: false, reasons: [], resumed: { kind: 'payment_plan', id: created.id, on: '2026-12-07' } });

    await book.pay(30000); // paying it all afterwards clears the arrears but does not mend the plan
    expect(await plan(created.id)).toMatchObject({ status: 'broken', standing: 'broken', paidMinor: 30000 });
    expect(await book.call('paymentPlans.list', { status: 'broken' })).toMatchObject({ items: [{ id: created.id }] });
    expect(auditActions(created.id)).toEqual(['payment_plan.created', 'payment_plan.broken']);
    await book.expectLedgerOk();
  });

  it('is broken by the payment recorded after the grace ran out, when it does not cover the missed installment', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(20000, '2026-10-01', '2026-10-15');
    const created = await book.call('paymentPlans.create', { clientId: book.clientId, invoiceIds: [a], installments: [{ dueDate: '2026-11-30', amountMinor: 10000 }, { dueDate: '2026-12-30', amountMinor: 10000 }] });
    book.advance(10); // 2026-12-06
    await book.pay(4000);
    expect(await plan(created.id)).toMatchObject({ status: 'broken', closedDate: '2026-12-06', paidMinor: 4000 });
    await book.expectLedgerOk();
  });

  it('counts a payment recorded late but dated within the grace days, so the plan holds', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(20000, '2026-10-01', '2026-10-15');
    const created = await book.call('paymentPlans.create', { clientId: book.clientId, invoiceIds: [a], installments: [{ dueDate: '2026-11-30', amountMinor: 10000 }, { dueDate: '2026-12-30', amountMinor: 10000 }] });
    book.advance(14); // 2026-12-10: the transfer of 2 December is only now entered
    await book.pay(10000, '2026-12-02');
    const now = await plan(created.id);
    expect(now).toMatchObject({ status: 'active', standing: 'good_standing' });
    expect(now.installments[0]).toMatchObject({ paidDate: '2026-12-02', state: 'paid' });
    await book.expectLedgerOk();
  });

  it('a bounced payment un-pays its installment again', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(20000, '2026-10-01', '2026-10-15');
    const created = await book.call('paymentPlans.create', { clientId: book.clientId, invoiceIds: [a], installments: [{ dueDate: '2026-11-30', amountMinor: 10000 }, { dueDate: '2026-12-14', amountMinor: 10000 }] });
    book.advance(2); // 2026-11-28
    const payment = await book.pay(10000);
    expect((await plan(created.id)).installments[0]!.state).toBe('paid');
    book.advance(4); // 2026-12-02
    await book.call('payments.bounce', { id: payment, reason: 'Returned by the bank' });
    const now = await plan(created.id);
    expect(now).toMatchObject({ standing: 'late', graceUntil: '2026-12-05', paidMinor: 0 });
    expect(now.installments[0]).toMatchObject({ paidMinor: 0, paidDate: null, state: 'late' });
    book.advance(4); // 2026-12-06
    expect((await book.call('arrangements.settle', {})).changes).toMatchObject([{ id: created.id, status: 'broken', on: '2026-12-06' }]);
    await book.expectLedgerOk();
  });

  it('counts what was paid before the plan in the plan, never toward its installments', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    await book.pay(5000);
    const created = await book.call('paymentPlans.create', { clientId: book.clientId, invoiceIds: [a], installments: [{ dueDate: '2026-12-01', amountMinor: 25000 }] });
    expect(created).toMatchObject({ totalMinor: 25000, paidMinor: 0 });
    expect(created.installments[0]).toMatchObject({ paidMinor: 0, state: 'upcoming' });
    await book.expectLedgerOk();
  });

  it('counts a discount agreed during the plan (a credit note) like a payment toward the installments', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const created = await book.call('paymentPlans.create', {
      clientId: book.clientId,
      invoiceIds: [a],
      installments: [
        { dueDate: '2026-12-01', amountMinor: 10000 },
        { dueDate: '2026-12-15', amountMinor: 10000 },
        { dueDate: '2026-12-29', amountMinor: 10000 },
      ],
    });
    await book.call('invoices.creditNote', { invoiceId: a, amountMinor: 12000, reason: 'Loyalty discount', approvedBy: 'Li Na' });
    const now = await plan(created.id);
    expect(now.paidMinor).toBe(12000);
    expect(now.installments.map((i) => [i.paidMinor, i.state])).toEqual([[10000, 'paid'], [2000, 'upcoming'], [0, 'upcoming']]);
    await book.expectLedgerOk();
  });
});

describe('the plan fee', () => {
  it('is charged as its own invoice with a plan_fee line, due with the first installment, and covered by the plan', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const created = await book.call('paymentPlans.create', {
      clientId: book.clientId,
      invoiceIds: [a],
      installments: [
        { dueDate: '2026-12-01', amountMinor: 15000 },
        { dueDate: '2026-12-15', amountMinor: 16500 },
      ],
      feeMinor: 1500,
    });
    expect(created).toMatchObject({ totalMinor: 31500, feeMinor: 1500 });
    const fee = await book.call('invoices.get', { id: created.feeInvoiceId! });
    expect(fee).toMatchObject({ source: 'plan', status: 'issued', issueDate: '2026-11-26', dueDate: '2026-12-01', totalMinor: 1500, openMinor: 1500, clientId: book.clientId });
    expect(fee.lines.map((l) => [l.kind, l.description, l.totalMinor])).toEqual([['plan_fee', 'Payment plan fee', 1500]]);
    expect(created.invoices.map((i) => i.id)).toEqual([a, fee.id]);

    book.advance(5);
    await book.pay(31500);
    const now = await plan(created.id);
    expect(now).toMatchObject({ status: 'complete', closedDate: '2026-12-01' });
    expect(now.invoices.map((i) => i.openMinor)).toEqual([0, 0]);
    await book.expectLedgerOk();
  });

  it('is priced like any line: in a tax-exclusive book the installments include its tax', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const vat = await book.call('taxRates.create', { name: 'VAT 10 %', rateBp: 1000 });
    await book.call('clients.update', { id: book.clientId, taxRateId: vat.id });
    const input = { clientId: book.clientId, invoiceIds: [a], feeMinor: 1000, installments: [{ dueDate: '2026-12-01', amountMinor: 31000 }] };
    const refused = await book.refused('paymentPlans.create', input);
    expect(refused.fields).toEqual(['installments:invalid']);
    expect(refused.message).toContain('must add up to 31100');
    const created = await book.call('paymentPlans.create', { ...input, installments: [{ dueDate: '2026-12-01', amountMinor: 31100 }] });
    expect(created.feeMinor).toBe(1100);
    expect(await book.call('invoices.get', { id: created.feeInvoiceId! })).toMatchObject({ netMinor: 1000, taxMinor: 100, totalMinor: 1100 });
    await book.expectLedgerOk();
  });
});

describe('cancelling a plan', () => {
  it('counts as broken from today and resumes the ladder; the fee invoice stays owed', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const created = await book.call('paymentPlans.create', { clientId: book.clientId, invoiceIds: [a], feeMinor: 500, installments: [{ dueDate: '2026-12-01', amountMinor: 30500 }] });
    book.advance(1);
    const cancelled = await book.call('paymentPlans.cancel', { id: created.id, reason: 'Client asked to pay in full instead' });
    expect(cancelled).toMatchObject({ status: 'cancelled', standing: 'broken', closedDate: '2026-11-27' });
    expect(await ladder()).toEqual({ paused: false, reasons: [], resumed: { kind: 'payment_plan', id: created.id, on: '2026-11-27' } });
    expect((await book.call('invoices.get', { id: created.feeInvoiceId! })).openMinor).toBe(500);
    expect((await book.refused('paymentPlans.cancel', { id: created.id, reason: 'again' })).code).toBe('conflict');
    // A new plan may be agreed once the old one is cancelled.
    await book.call('paymentPlans.create', { clientId: book.clientId, invoiceIds: [a], installments: [{ dueDate: '2026-12-10', amountMinor: 30000 }] });
    await book.expectLedgerOk();
  });

  it('records a plan completed meanwhile as complete instead of cancelling it', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const created = await book.call('paymentPlans.create', { clientId: book.clientId, invoiceIds: [a], installments: [{ dueDate: '2026-12-01', amountMinor: 30000 }] });
    const payment = await book.call('payments.record', { clientId: book.clientId, date: '2026-11-26', amountMinor: 30000, method: 'cash', allocations: [] });
    await book.call('payments.allocate', { paymentId: payment.id, allocations: [{ invoiceId: a, amountMinor: 30000 }] });
    const refused = await book.refused('paymentPlans.cancel', { id: created.id, reason: 'No longer needed' });
    expect(refused).toMatchObject({ code: 'conflict' });
    expect(refused.message).toContain('already complete');
  });
});

describe('bad input for payment plans', () => {
  it('names the field and changes nothing', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const paid = await book.invoice(1000, '2026-10-01', '2026-10-15');
    await book.call('payments.record', { clientId: book.clientId, date: '2026-11-26', amountMinor: 1000, method: 'cash', allocations: [{ invoiceId: paid, amountMinor: 1000 }] });
    const other = await book.call('clients.create', { name: 'Other Co', currency: 'USD' });
    const theirs = await book.invoice(5000, '2026-10-01', '2026-10-15', other.id);
    const draft = await book.call('invoices.createDraft', { clientId: book.clientId, lines: [{ description: 'Later', unitPriceMinor: 100 }] });
    const disputed = await book.invoice(2000, '2026-10-01', '2026-10-15');
    await book.call('disputes.open', { invoiceId: disputed, reason: 'Never ordered' });
    const base = { clientId: book.clientId, invoiceIds: [a], installments: [{ dueDate: '2026-12-01', amountMinor: 30000 }] };
    const fields = async (input: unknown) => (await book.refused('paymentPlans.create', input)).fields;

    expect(await fields({ ...base, clientId: 'cl_0000000000000000' })).toEqual(['clientId:unknown_reference']);
    expect(await fields({ ...base, invoiceIds: [a, theirs] })).toEqual(['invoiceIds.1:unknown_reference']);
    expect(await fields({ ...base, invoiceIds: ['in_0000000000000000'] })).toEqual(['invoiceIds.0:unknown_reference']);
    expect(await fields({ ...base, invoiceIds: [paid] })).toEqual(['invoiceIds.0:not_allowed']);
    expect(await fields({ ...base, invoiceIds: [draft.id] })).toEqual(['invoiceIds.0:not_allowed']);
    expect(await fields({ ...base, invoiceIds: [disputed] })).toEqual(['invoiceIds.0:not_allowed']);
    expect(await fields({ ...base, invoiceIds: [a, a] })).toEqual(['invoiceIds:duplicate']);
    expect(await fields({ ...base, invoiceIds: [] })).toEqual(['invoiceIds:too_small']);
    expect(await fields({ ...base, installments: [] })).toEqual(['installments:too_small']);
    expect(await fields({ ...base, installments: [{ dueDate: '2026-12-01', amountMinor: 29999 }] })).toEqual(['installments:invalid']);
    expect(await fields({ ...base, installments: [{ dueDate: '2026-11-25', amountMinor: 30000 }] })).toEqual(['installments.0.dueDate:not_allowed']);
    expect(
      await fields({ ...base, installments: [{ dueDate: '2026-12-10', amountMinor: 15000 }, { dueDate: '2026-12-01', amountMinor: 15000 }] }),
    ).toEqual(['installments.1.dueDate:date_order']);
    expect(await fields({ ...base, installments: [{ dueDate: '2026-12-01', amountMinor: 0 }] })).toEqual(['installments.0.amountMinor:too_small']);
    expect(await fields({ ...base, feeMinor: -1 })).toEqual(['feeMinor:too_small']);
    expect(await fields({ ...base, feeMinor: 1.5 })).toEqual(['feeMinor:invalid_type']);

    const created = await book.call('paymentPlans.create', base);
    expect((await book.refused('paymentPlans.create', { ...base, invoiceIds: [disputed] })).code).toBe('conflict');
    expect((await book.refused('paymentPlans.get', { id: 'pp_0000000000000000' })).code).toBe('not_found');
    expect((await book.refused('paymentPlans.cancel', { id: 'pp_0000000000000000', reason: 'x' })).code).toBe('not_found');
    expect((await book.refused('paymentPlans.cancel', { id: created.id, reason: '  ' })).fields).toEqual(['reason:required']);
    expect((await book.refused('paymentPlans.list', { clientId: 'cl_0000000000000000' })).fields).toEqual(['clientId:unknown_reference']);
    expect((await book.refused('paymentPlans.list', { status: 'late' })).fields).toEqual(['status:invalid_choice']);
    await book.expectLedgerOk();
  });

  it('a feeMinor of 0 means no fee', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const created = await book.call('paymentPlans.create', { clientId: book.clientId, invoiceIds: [a], feeMinor: 0, installments: [{ dueDate: '2026-11-26', amountMinor: 30000 }] });
    expect(created).toMatchObject({ feeMinor: 0, feeInvoiceId: null });
  });
});
