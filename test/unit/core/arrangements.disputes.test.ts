// Disputes on real books: an invoice marked disputed everywhere until resolved; upheld → a credit
// note with the dispute's reason; rejected → owed as before.
import { afterEach, describe, expect, it } from 'vitest';
import { openArrearsBook, type ArrearsBook } from '../../fixtures/arrears.js';

let book: ArrearsBook;
afterEach(() => book?.close());

describe('disputes', () => {
  it('marks the invoice disputed everywhere and holds the ladder while open', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const dispute = await book.call('disputes.open', { invoiceId: a, reason: 'Service was down for a week in October' });
    expect(dispute).toMatchObject({ invoiceId: a, clientId: book.clientId, status: 'open', openedDate: '2026-11-26', invoiceOpenMinor: 30000, resolvedDate: null, creditNoteId: null });
    expect((await book.call('invoices.get', { id: a })).disputed).toBe(true);
    expect((await book.call('invoices.search', { filter: 'disputed' })).items.map((i) => i.id)).toEqual([a]);
    const forClient = await book.call('arrangements.forClient', { clientId: book.clientId });
    expect(forClient.disputes.map((d) => d.id)).toEqual([dispute.id]);
    expect(forClient.ladder).toEqual({ paused: true, reasons: ['open_dispute'], resumed: null });
    expect(book.backend.db.prepare("SELECT action FROM audit_log WHERE entity = 'invoice' AND entity_id = ? ORDER BY seq").pluck().all(a)).toContain('invoice.disputed');
    await book.expectLedgerOk();
  });

  it('upheld: a credit note for what is open, with the dispute reason, and the invoice is no longer disputed', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const dispute = await book.call('disputes.open', { invoiceId: a, reason: 'Service was down for a week' });
    book.advance(3);
    const resolved = await book.call('disputes.resolve', { id: dispute.id, outcome: 'upheld', resolution: 'Outage confirmed by the data centre' });
    expect(resolved).toMatchObject({ status: 'upheld', resolvedDate: '2026-11-29', resolution: 'Outage confirmed by the data centre', invoiceOpenMinor: 0 });
    expect(resolved.creditNoteNumber).toMatch(/^CN-2026-\d{5}$/);
    const invoice = await book.call('invoices.get', { id: a });
    expect(invoice).toMatchObject({ disputed: false, openMinor: 0 });
    expect(invoice.creditNotes).toMatchObject([{ id: resolved.creditNoteId, totalMinor: 30000, reason: 'Dispute upheld: Service was down for a week', approvedBy: 'tester', issueDate: '2026-11-29' }]);
    expect((await book.call('arrangements.forClient', { clientId: book.clientId })).ladder.paused).toBe(false);
    await book.expectLedgerOk();
  });

  it('upheld in part: the credit note is the amount given, and the open amount drops by it', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    await book.pay(10000);
    const dispute = await book.call('disputes.open', { invoiceId: a, reason: 'Charged for two months, used one' });
    expect(dispute.invoiceOpenMinor).toBe(20000);
    const resolved = await book.call('disputes.resolve', { id: dispute.id, outcome: 'upheld', resolution: 'Refund one month as credit', amountMinor: 15000 });
    expect(resolved.invoiceOpenMinor).toBe(5000);
    expect((await book.call('accounts.summary', { clientId: book.clientId })).openMinor).toBe(5000);
    await book.expectLedgerOk();
  });

  it('rejected: back to normal, owed as before, and a new dispute may be opened later', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const dispute = await book.call('disputes.open', { invoiceId: a, reason: 'Too expensive' });
    const resolved = await book.call('disputes.resolve', { id: dispute.id, outcome: 'rejected', resolution: 'Price as agreed in the contract' });
    expect(resolved).toMatchObject({ status: 'rejected', creditNoteId: null, invoiceOpenMinor: 30000 });
    expect(await book.call('invoices.get', { id: a })).toMatchObject({ disputed: false, openMinor: 30000, creditNotes: [] });
    expect((await book.call('disputes.list', { clientId: book.clientId, status: 'rejected' })).items.map((d) => d.id)).toEqual([dispute.id]);
    const again = await book.call('disputes.open', { invoiceId: a, reason: 'The invoice address is wrong' });
    expect((await book.call('disputes.list', {})).items.map((d) => d.id)).toEqual([again.id, dispute.id]);
    await book.expectLedgerOk();
  });

  it('upheld on an invoice with nothing left open (voided meanwhile): resolved without a credit note', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const dispute = await book.call('disputes.open', { invoiceId: a, reason: 'Wrong client' });
    await book.call('invoices.void', { id: a, reason: 'Issued to the wrong client' });
    expect((await book.refused('disputes.resolve', { id: dispute.id, outcome: 'upheld', resolution: 'Voided', amountMinor: 100 })).fields).toEqual(['amountMinor:not_allowed']);
    const resolved = await book.call('disputes.resolve', { id: dispute.id, outcome: 'upheld', resolution: 'Voided' });
    expect(resolved).toMatchObject({ status: 'upheld', creditNoteId: null });
    await book.expectLedgerOk();
  });

  it('an upheld dispute on an invoice in a plan counts toward its installments', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(10000, '2026-10-01', '2026-10-15');
    const b = await book.invoice(10000, '2026-10-01', '2026-10-15');
    const plan = await book.call('paymentPlans.create', { clientId: book.clientId, invoiceIds: [a, b], installments: [{ dueDate: '2026-12-01', amountMinor: 10000 }, { dueDate: '2026-12-15', amountMinor: 10000 }] });
    book.advance(5); // 2026-12-01
    await book.pay(10000);
    const dispute = await book.call('disputes.open', { invoiceId: b, reason: 'Double billed' });
    await book.call('disputes.resolve', { id: dispute.id, outcome: 'upheld', resolution: 'Yes, billed twice' });
    expect(await book.call('paymentPlans.get', { id: plan.id })).toMatchObject({ status: 'complete', closedDate: '2026-12-01' });
    await book.expectLedgerOk();
  });
});

describe('bad input for disputes', () => {
  it('names the field or the conflict and changes nothing', async () => {
    book = await openArrearsBook();
    const a = await book.invoice(30000, '2026-10-01', '2026-10-15');
    const paid = await book.invoice(1000, '2026-10-01', '2026-10-15');
    await book.call('payments.record', { clientId: book.clientId, date: '2026-11-26', amountMinor: 1000, method: 'cash', allocations: [{ invoiceId: paid, amountMinor: 1000 }] });
    const draft = await book.call('invoices.createDraft', { clientId: book.clientId, lines: [{ description: 'Later', unitPriceMinor: 100 }] });
    const proforma = await book.call('invoices.createDraft', { clientId: book.clientId, kind: 'proforma', lines: [{ description: 'Prepay', unitPriceMinor: 100 }] });
    await book.call('invoices.issue', { id: proforma.id });
    const fields = async (method: 'disputes.open' | 'disputes.resolve' | 'disputes.list', input: unknown) => (await book.refused(method, input)).fields;

    expect(await fields('disputes.open', { invoiceId: 'in_0000000000000000', reason: 'x' })).toEqual(['invoiceId:unknown_reference']);
    expect(await fields('disputes.open', { invoiceId: draft.id, reason: 'x' })).toEqual(['invoiceId:not_allowed']);
    expect(await fields('disputes.open', { invoiceId: proforma.id, reason: 'x' })).toEqual(['invoiceId:not_allowed']);
    expect(await fields('disputes.open', { invoiceId: paid, reason: 'x' })).toEqual(['invoiceId:not_allowed']);
    expect(await fields('disputes.open', { invoiceId: a, reason: '' })).toEqual(['reason:required']);
    expect(await fields('disputes.open', { invoiceId: a })).toEqual(['reason:required']);

    const dispute = await book.call('disputes.open', { invoiceId: a, reason: 'Not ordered' });
    expect(await book.refused('disputes.open', { invoiceId: a, reason: 'Again' })).toMatchObject({ code: 'conflict' });
    expect(await fields('disputes.resolve', { id: dispute.id, outcome: 'rejected', resolution: 'No', amountMinor: 100 })).toEqual(['amountMinor:not_allowed']);
    expect(await fields('disputes.resolve', { id: dispute.id, outcome: 'upheld', resolution: 'Yes', amountMinor: 30001 })).toEqual(['amountMinor:too_large']);
    expect(await fields('disputes.resolve', { id: dispute.id, outcome: 'maybe', resolution: 'Hm' })).toEqual(['outcome:invalid_choice']);
    expect(await fields('disputes.resolve', { id: dispute.id, outcome: 'upheld' })).toEqual(['resolution:required']);
    expect(await book.refused('disputes.resolve', { id: 'dp_0000000000000000', outcome: 'upheld', resolution: 'Yes' })).toMatchObject({ code: 'not_found' });
    await book.call('disputes.resolve', { id: dispute.id, outcome: 'rejected', resolution: 'No' });
    expect(await book.refused('disputes.resolve', { id: dispute.id, outcome: 'upheld', resolution: 'Changed my mind' })).toMatchObject({ code: 'conflict' });
    expect(await fields('disputes.list', { clientId: 'cl_0000000000000000' })).toEqual(['clientId:unknown_reference']);
    expect(await fields('disputes.list', { status: 'closed' })).toEqual(['status:invalid_choice']);
    await book.expectLedgerOk();
  });
});
