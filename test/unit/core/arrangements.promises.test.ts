// Promises to pay on real books: kept by the payments that arrive from the day the promise was
// made through its date, broken when the date passes without them.
import { afterEach, describe, expect, it } from 'vitest';
import { openArrearsBook, type ArrearsBook } from '../../fixtures/arrears.js';

let book: ArrearsBook;
afterEach(() => book?.close());

const promise = async (id: string) => (await book.call('promises.list', { clientId: book.clientId })).items.find((p) => p.id === id)!;
const ladder = async () => (await book.call('arrangements.forClient', { clientId: book.clientId })).ladder;

describe('promises to pay', () => {
  it('is kept by payments that reach the amount by the promised date, and holds the ladder until that date', async () => {
    book = await openArrearsBook();
    await book.invoice(30000, '2026-10-01', '2026-10-15');
    await book.pay(2000, '2026-11-20'); // before the promise: does not count
    const made = await book.call('promises.create', { clientId: book.clientId, promisedDate: '2026-12-05', amountMinor: 10000, note: 'Will pay when their client pays them' });
    expect(made).toMatchObject({ status: 'open', madeDate: '2026-11-26', receivedMinor: 0, resolvedDate: null, currency: 'USD' });
    expect(await ladder()).toEqual({ paused: true, reasons: ['promise_until:2026-12-05'], resumed: null });

    book.advance(2); // 2026-11-28
    await book.pay(4000);
    expect(await promise(made.id)).toMatchObject({ status: 'open', receivedMinor: 4000 });
    book.advance(5); // 2026-12-03
    await book.pay(6000);
    expect(await promise(made.id)).toMatchObject({ status: 'kept', receivedMinor: 10000, resolvedDate: '2026-12-03' });
    expect((await ladder()).reasons).toEqual(['promise_until:2026-12-05']);

    book.advance(3); // 2026-12-06: kept, so nothing resumes; the ladder simply carries on
    expect(await ladder()).toEqual({ paused: false, reasons: [], resumed: null });
    await book.expectLedgerOk();
  });

  it('is broken the day after the promised date without the amount; the daily settling records it', async () => {
    book = await openArrearsBook();
    await book.invoice(30000, '2026-10-01', '2026-10-15');
    const made = await book.call('promises.create', { clientId: book.clientId, promisedDate: '2026-12-05', amountMinor: 10000 });
    book.advance(4);
    await book.pay(3000);
    book.advance(5); // 2026-12-05: still its day
    expect((await book.call('arrangements.settle', {})).changes).toEqual([]);
    book.advance(1); // 2026-12-06
    expect(await ladder()).toEqual({ paused: false, reasons: [], resumed: { kind: 'promise', id: made.id, on: '2026-12-06' } });
    expect(await book.call('arrangements.settle', {})).toEqual({
      asOf: '2026-12-06',
      changes: [{ kind: 'promise', id: made.id, clientId: book.clientId, status: 'broken', on: '2026-12-06' }],
    });
    expect(await promise(made.id)).toMatchObject({ status: 'broken', resolvedDate: '2026-12-06', receivedMinor: 3000 });
    // A payment after the date does not mend it.
    await book.pay(7000);
    expect((await promise(made.id)).status).toBe('broken');
    expect((await book.call('promises.list', { status: 'broken' })).items.map((p) => p.id)).toEqual([made.id]);
    await book.expectLedgerOk();
  });

  it('is kept by a payment dated within the promise even when it is entered after the date', async () => {
    book = await openArrearsBook();
    await book.invoice(30000, '2026-10-01', '2026-10-15');
    const made = await book.call('promises.create', { clientId: book.clientId, promisedDate: '2026-11-30', amountMinor: 10000 });
    book.advance(10); // 2026-12-06, not settled in between
    await book.pay(10000, '2026-11-29');
    expect(await promise(made.id)).toMatchObject({ status: 'kept', resolvedDate: '2026-11-29' });
    await book.expectLedgerOk();
  });

  it('a bounced payment keeps no promise', async () => {
    book = await openArrearsBook();
    await book.invoice(30000, '2026-10-01', '2026-10-15');
    const made = await book.call('promises.create', { clientId: book.clientId, promisedDate: '2026-12-05', amountMinor: 10000 });
    const first = await book.pay(6000);
    await book.call('payments.bounce', { id: first, reason: 'Insufficient funds' });
    book.advance(1);
    await book.pay(5000);
    expect(await promise(made.id)).toMatchObject({ status: 'open', receivedMinor: 5000 });
    await book.expectLedgerOk();
  });

  it('is cancelled with a reason and then no longer holds the ladder; another may be made', async () => {
    book = await openArrearsBook();
    await book.invoice(30000, '2026-10-01', '2026-10-15');
    const made = await book.call('promises.create', { clientId: book.clientId, promisedDate: '2026-12-05', amountMinor: 10000 });
    book.advance(1);
    const cancelled = await book.call('promises.cancel', { id: made.id, reason: 'Agreed a payment plan instead' });
    expect(cancelled).toMatchObject({ status: 'cancelled', resolvedDate: '2026-11-27' });
    expect(await ladder()).toEqual({ paused: false, reasons: [], resumed: { kind: 'promise', id: made.id, on: '2026-11-27' } });
    expect(await book.refused('promises.cancel', { id: made.id, reason: 'Again' })).toMatchObject({ code: 'conflict' });
    await book.call('promises.create', { clientId: book.clientId, promisedDate: '2026-12-10', amountMinor: 30000 });
    await book.expectLedgerOk();
  });
});

describe('bad input for promises', () => {
  it('names the field or the conflict and changes nothing', async () => {
    book = await openArrearsBook();
    const fields = async (input: unknown) => (await book.refused('promises.create', input)).fields;
    expect(await fields({ clientId: book.clientId, promisedDate: '2026-12-05', amountMinor: 100 })).toEqual(['amountMinor:too_large']); // owes nothing yet
    await book.invoice(30000, '2026-10-01', '2026-10-15');
    await book.pay(5000);
    expect(await fields({ clientId: book.clientId, promisedDate: '2026-12-05', amountMinor: 25001 })).toEqual(['amountMinor:too_large']);
    expect(await fields({ clientId: book.clientId, promisedDate: '2026-11-25', amountMinor: 100 })).toEqual(['promisedDate:not_allowed']);
    expect(await fields({ clientId: book.clientId, promisedDate: '2026-02-30', amountMinor: 100 })).toEqual(['promisedDate:invalid_date']);
    expect(await fields({ clientId: book.clientId, promisedDate: '2026-12-05', amountMinor: 0 })).toEqual(['amountMinor:too_small']);
    expect(await fields({ clientId: 'cl_0000000000000000', promisedDate: '2026-12-05', amountMinor: 100 })).toEqual(['clientId:unknown_reference']);
    expect(await fields({ clientId: book.clientId, promisedDate: '2026-12-05', amountMinor: 100, currency: 'USD' })).toEqual(['currency:unknown_field']);

    await book.call('promises.create', { clientId: book.clientId, promisedDate: '2026-11-26', amountMinor: 25000 });
    expect(await book.refused('promises.create', { clientId: book.clientId, promisedDate: '2026-12-05', amountMinor: 100 })).toMatchObject({ code: 'conflict' });
    expect(await book.refused('promises.cancel', { id: 'pr_0000000000000000', reason: 'x' })).toMatchObject({ code: 'not_found' });
    expect((await book.refused('promises.list', { clientId: 'cl_0000000000000000' })).fields).toEqual(['clientId:unknown_reference']);
    expect((await book.refused('arrangements.forClient', { clientId: 'cl_0000000000000000' })).fields).toEqual(['clientId:unknown_reference']);
    await book.expectLedgerOk();
  });
});
