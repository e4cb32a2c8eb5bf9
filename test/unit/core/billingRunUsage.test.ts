// Usage of tiered and metered contracts: recorded per day, refused where it cannot belong, and
// billed by the run on the due date after its period, then marked with the invoice.
import { afterEach, describe, expect, it } from 'vitest';
import { bookFingerprint } from '../../fixtures/book.js';
import { openBillingBook, type BillingBook } from '../../fixtures/billingBook.js';

let book: BillingBook;
afterEach(async () => {
  await book.ledgerOk();
  book.close();
});

const TIERS = [
  { upTo: 100, unitPriceMinor: 10 },
  { upTo: 200, unitPriceMinor: 7 },
  { upTo: null, unitPriceMinor: 5 },
];

async function usageBook(pricingModel: 'tiered' | 'metered', extra: { endDate?: string; priceMinor?: number } = {}) {
  book = await openBillingBook('2026-01-20');
  const client = await book.client();
  const id = await book.contract(client, { startDate: '2026-01-01', nextDueDate: '2026-02-01', pricingModel, tiers: TIERS, unitLabel: 'GB', priceMinor: extra.priceMinor ?? 2000, ...(extra.endDate ? { endDate: extra.endDate } : {}) });
  return { client, id };
}

describe('usage records', () => {
  it('are refused for unknown, fixed-price or ended contracts, and for days outside the contract, ahead, locked or already billed — changing nothing', async () => {
    const { client, id } = await usageBook('metered');
    const fixed = await book.contract(client, { startDate: '2026-01-01' });
    const ended = await book.contract(client, { startDate: '2026-01-01', pricingModel: 'metered', tiers: TIERS });
    await book.call('contracts.end', { id: ended, when: 'now', reason: 'Closed' });
    const before = bookFingerprint(book.backend.db);
    const record = (input: Record<string, unknown>) => book.refused('usage.record', { contractId: id, usageDate: '2026-01-10', quantityMilli: 1000, ...input });
    expect(await record({ contractId: 'ct_0000000000000000' })).toEqual({ code: 'invalid_input', fields: ['contractId:unknown_reference'] });
    expect((await record({ contractId: fixed })).fields).toEqual(['contractId:not_allowed']);
    expect((await record({ contractId: ended })).fields).toEqual(['contractId:not_allowed']);
    expect((await record({ usageDate: '2025-12-31' })).fields).toEqual(['usageDate:date_order']);
    expect((await record({ usageDate: '2026-01-21' })).fields).toEqual(['usageDate:not_allowed']);
    expect((await record({ quantityMilli: 0 })).fields).toEqual(['quantityMilli:too_small']);
    expect((await record({ quantityMilli: 1.5 })).fields).toEqual(['quantityMilli:invalid_type']);
    await book.call('books.lock', { lockDate: '2026-01-05' });
    const locked = bookFingerprint(book.backend.db);
    expect((await record({ usageDate: '2026-01-05' })).fields).toEqual(['usageDate:not_allowed']);
    expect(bookFingerprint(book.backend.db)).toBe(locked);
    expect(before).not.toBe(locked);
    expect((await book.refused('usage.list', { contractId: 'ct_0000000000000000' })).code).toBe('not_found');

    await book.call('usage.record', { contractId: id, usageDate: '2026-01-10', quantityMilli: 5000 });
    book.day('2026-02-01');
    await book.call('billing.run', {});
    expect((await record({ usageDate: '2026-01-31' })).fields).toEqual(['usageDate:not_allowed']);
    expect((await book.call('usage.record', { contractId: id, usageDate: '2026-02-01', quantityMilli: 1000, note: 'Backup restore' })).invoiceId).toBeNull();
  });
});

describe('usage billing', () => {
  it('metered: on the due date, the usage of the period that just ended in graduated tiers, with the base price of the next period', async () => {
    const { id } = await usageBook('metered');
    await book.call('usage.record', { contractId: id, usageDate: '2026-01-05', quantityMilli: 150_000 });
    await book.call('usage.record', { contractId: id, usageDate: '2026-01-19', quantityMilli: 100_500 });
    // Fixed prices renew 14 days ahead; usage cannot be known before its period is over.
    book.day('2026-01-31');
    expect((await book.call('billing.run', {})).counts.invoices).toBe(0);
    book.day('2026-02-01');
    const result = await book.call('billing.run', {});
    expect(result.counts).toMatchObject({ invoices: 1, usageRecords: 2 });
    const invoice = await book.call('invoices.get', { id: result.documents[0]!.id });
    expect(invoice).toMatchObject({ issueDate: '2026-02-01', dueDate: '2026-02-01' });
    expect(invoice.lines.map((l) => [l.kind, l.periodStart, l.periodEnd, l.quantityMilli, l.unitPriceMinor, l.netMinor])).toEqual([
      ['service', '2026-02-01', '2026-02-28', 1000, 2000, 2000],
      ['usage', '2026-01-01', '2026-01-31', 100_000, 10, 1000],
      ['usage', '2026-01-01', '2026-01-31', 100_000, 7, 700],
      ['usage', '2026-01-01', '2026-01-31', 50_500, 5, 253], // 252.5 → 253
    ]);
    expect(invoice.lines[3]!.description).toBe('site1.example usage, 2026-01-01 – 2026-01-31: 50.5 GB, tier 3');
    const records = await book.call('usage.list', { contractId: id });
    expect(records.items.map((r) => [r.usageDate, r.invoiceId, r.invoiceNumber])).toEqual([
      ['2026-01-19', invoice.id, invoice.number],
      ['2026-01-05', invoice.id, invoice.number],
    ]);
    // Billed once.
    book.day('2026-02-02');
    expect((await book.call('billing.run', {})).counts.usageRecords).toBe(0);
  });

  it('tiered: every unit at the price of the tier the total reaches', async () => {
    const { id } = await usageBook('tiered', { priceMinor: 0 });
    await book.call('usage.record', { contractId: id, usageDate: '2026-01-05', quantityMilli: 150_000 });
    book.day('2026-02-01');
    const result = await book.call('billing.run', {});
    const invoice = await book.call('invoices.get', { id: result.documents[0]!.id });
    expect(invoice.lines.map((l) => [l.kind, l.quantityMilli, l.unitPriceMinor, l.netMinor])).toEqual([['usage', 150_000, 7, 1050]]);
  });

  it('settle the last period on the end date, even after the contract was ended', async () => {
    const { id } = await usageBook('metered', { endDate: '2026-02-10' });
    book.day('2026-02-01');
    const first = await book.call('billing.run', {});
    // The final base period is cut at the end date: 9 of 28 days.
    const opening = await book.call('invoices.get', { id: first.documents[0]!.id });
    expect(opening.lines.map((l) => [l.kind, l.unitPriceMinor])).toEqual([['proration', 643]]); // 2000 × 9 ÷ 28 = 642.9
    book.day('2026-02-09');
    await book.call('usage.record', { contractId: id, usageDate: '2026-02-05', quantityMilli: 20_000 });
    expect((await book.refused('usage.record', { contractId: id, usageDate: '2026-02-10', quantityMilli: 1 })).fields).toEqual(['usageDate:date_order']);
    await book.call('billing.run', {});
    await book.call('contracts.end', { id, when: 'term_end', reason: 'Moved to a dedicated server' });
    expect((await book.call('contracts.get', { id })).status).toBe('active');
    book.day('2026-02-12');
    const result = await book.call('billing.run', {});
    expect(result.counts).toMatchObject({ invoices: 1, usageRecords: 1 });
    // Its last usage invoiced, the contract ends, for the reason it was ended for.
    const ended = await book.call('contracts.get', { id });
    expect(ended.status).toBe('cancelled');
    expect(ended.statusHistory.at(-1)).toMatchObject({ from: 'active', to: 'cancelled', reason: 'Moved to a dedicated server' });
    const settlement = await book.call('invoices.get', { id: result.documents[0]!.id });
    expect(settlement).toMatchObject({ issueDate: '2026-02-10' });
    expect(settlement.lines.map((l) => [l.kind, l.periodStart, l.periodEnd, l.quantityMilli])).toEqual([['usage', '2026-02-01', '2026-02-09', 20_000]]);
    book.day('2026-03-31');
    expect((await book.call('billing.run', {})).counts.invoices).toBe(0);
  });

  it('are in the preview as the run would issue them, without writing anything', async () => {
    const { id } = await usageBook('metered');
    await book.call('usage.record', { contractId: id, usageDate: '2026-01-05', quantityMilli: 150_000 });
    await book.call('billing.run', {});
    const before = bookFingerprint(book.backend.db);
    const preview = await book.call('billing.preview', { days: 40 });
    expect(bookFingerprint(book.backend.db)).toBe(before);
    expect(preview.counts).toMatchObject({ invoices: 2, periods: 2, usageRecords: 1 });
    expect(preview.documents.map((d) => [d.issueDate, d.lines.map((l) => l.kind), d.totalMinor])).toEqual([
      ['2026-02-01', ['service', 'usage', 'usage'], 3350],
      ['2026-03-01', ['service'], 2000],
    ]);
    expect(preview.totals).toEqual([{ currency: 'USD', invoicedMinor: 5350, lateFeesMinor: 0, creditMinor: 0 }]);
    // Closed until 1 March: the run catches up and dates each invoice as the preview did.
    book.day('2026-03-01');
    const run = await book.call('billing.run', {});
    expect(run.documents.map((d) => [d.issueDate, d.totalMinor])).toEqual([
      ['2026-02-01', 3350],
      ['2026-03-01', 2000],
    ]);
  });
});
