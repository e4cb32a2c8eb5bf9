// The billing run's renewals on real books: cycles, month ends, leap years, proration, shared
// invoices, proformas, idempotency and catch-up. The ledger check runs after every scenario.
import { afterEach, describe, expect, it } from 'vitest';
import { BILLING_CYCLES } from '../../../shared/domain/billingCycle.js';
import { openBillingBook, type BillingBook } from '../../fixtures/billingBook.js';

let book: BillingBook;
afterEach(async () => {
  await book.ledgerOk();
  book.close();
});

const invoice = (id: string) => book.call('invoices.get', { id });
const contract = (id: string) => book.call('contracts.get', { id });
const renewalRows = (contractId: string) =>
  book.backend.db.prepare('SELECT period_start, period_end FROM renewals WHERE contract_id = ? ORDER BY period_start').raw().all(contractId);

describe('renewal invoices', () => {
  it('are issued renewalLeadDays before the due date for every cycle, one service line per period, and the due date advances', async () => {
    book = await openBillingBook('2026-01-17');
    const client = await book.client();
    const ids = Object.fromEntries(await Promise.all(BILLING_CYCLES.map(async (cycle) => [cycle, await book.contract(client, { cycle, startDate: '2026-01-31', priceMinor: 1200 })] as const)));
    const result = await book.call('billing.run', {});
    expect(result.counts).toMatchObject({ invoices: 5, periods: 5, proformas: 0, skipped: 0 });
    const ends = { monthly: '2026-02-27', quarterly: '2026-04-29', semiannual: '2026-07-30', annual: '2027-01-30', biennial: '2028-01-30' };
    const nextDue = { monthly: '2026-02-28', quarterly: '2026-04-30', semiannual: '2026-07-31', annual: '2027-01-31', biennial: '2028-01-31' };
    const invoiceOf = (contractId: string) => book.backend.db.prepare<[string], string>('SELECT invoice_id FROM renewals WHERE contract_id = ?').pluck().get(contractId)!;
    for (const cycle of BILLING_CYCLES) {
      expect((await contract(ids[cycle]!)).nextDueDate, cycle).toBe(nextDue[cycle]);
      expect(renewalRows(ids[cycle]!), cycle).toEqual([['2026-01-31', ends[cycle]]]);
      const issued = await invoice(invoiceOf(ids[cycle]!));
      expect(issued, cycle).toMatchObject({ source: 'renewal', issueDate: '2026-01-17', dueDate: '2026-01-31', totalMinor: 1200 });
      expect(issued.lines, cycle).toEqual([
        expect.objectContaining({ kind: 'service', contractId: ids[cycle], periodStart: '2026-01-31', periodEnd: ends[cycle], quantityMilli: 1000, unitPriceMinor: 1200 }),
      ]);
    }
    expect(result.documents.map((d) => d.number).sort()).toEqual(['INV-2026-00001', 'INV-2026-00002', 'INV-2026-00003', 'INV-2026-00004', 'INV-2026-00005']);
    // Nothing is due a day early.
    const early = await openBillingBook('2026-01-16');
    await early.contract(await early.client(), { startDate: '2026-01-31' });
    expect((await early.call('billing.run', {})).counts.invoices).toBe(0);
    early.close();
  });

  it('follow month ends (31 Jan → 28 Feb → 31 Mar) and leap days (29 Feb 2028), dated on their days after the app was closed', async () => {
    book = await openBillingBook('2026-01-17');
    const client = await book.client();
    const id = await book.contract(client, { startDate: '2026-01-31' });
    await book.call('billing.run', {});
    book.day('2026-04-16');
    const result = await book.call('billing.run', {});
    expect(result.documents.map((d) => [d.number, d.issueDate, d.dueDate])).toEqual([
      ['INV-2026-00002', '2026-02-14', '2026-02-28'],
      ['INV-2026-00003', '2026-03-17', '2026-03-31'],
      ['INV-2026-00004', '2026-04-16', '2026-04-30'],
    ]);
    expect(renewalRows(id)).toEqual([
      ['2026-01-31', '2026-02-27'],
      ['2026-02-28', '2026-03-30'],
      ['2026-03-31', '2026-04-29'],
      ['2026-04-30', '2026-05-30'],
    ]);
    expect((await contract(id)).nextDueDate).toBe('2026-05-31');

    book.day('2028-01-17');
    const leap = await book.contract(client, { startDate: '2028-01-31' });
    await book.call('billing.run', {});
    book.day('2028-02-15');
    await book.call('billing.run', {});
    expect(renewalRows(leap)).toEqual([
      ['2028-01-31', '2028-02-28'],
      ['2028-02-29', '2028-03-30'],
    ]);
  });

  it('are issued once: a second run on the same day issues nothing, and each is on the runs list', async () => {
    book = await openBillingBook('2026-01-17');
    await book.contract(await book.client(), { startDate: '2026-01-31' });
    const first = await book.call('billing.run', {});
    const invoices = () => book.backend.db.prepare('SELECT count(*) FROM invoices').pluck().get();
    const before = invoices();
    const second = await book.call('billing.run', {});
    expect(second.counts).toEqual({ invoices: 0, proformas: 0, lateFees: 0, creditNotes: 0, periods: 0, usageRecords: 0, skipped: 0 });
    expect(second.catchUp).toEqual({ lastRunDate: '2026-01-17', daysCaughtUp: 0, backdated: 0, redatedForLock: 0 });
    expect(invoices()).toBe(before);
    const runs = await book.call('billing.runs', {});
    expect(runs.items.map((r) => [r.id, r.runDate, r.status, r.invoicesIssued])).toEqual([
      [second.runId, '2026-01-17', 'finished', 0],
      [first.runId, '2026-01-17', 'finished', 1],
    ]);
  });

  it('catch up after 10 closed days: everything due in between, each dated on its day, numbers following the dates', async () => {
    book = await openBillingBook('2026-03-01');
    const client = await book.client();
    const other = await book.client({ name: 'Brightside Dental' });
    // Due 14 days after each day the app is closed: 2–11 March.
    const ids = [];
    for (const [who, start] of [[client, '2026-03-20'], [other, '2026-03-16'], [client, '2026-03-25'], [other, '2026-03-22']] as const) ids.push(await book.contract(who, { startDate: start }));
    const opening = await book.call('billing.run', {});
    expect(opening.counts.invoices).toBe(0);
    book.clock.advanceDays(10);
    const result = await book.call('billing.run', {});
    expect(result.catchUp).toEqual({ lastRunDate: '2026-03-01', daysCaughtUp: 9, backdated: 3, redatedForLock: 0 });
    expect(result.documents.map((d) => [d.number, d.issueDate])).toEqual([
      ['INV-2026-00001', '2026-03-02'],
      ['INV-2026-00002', '2026-03-06'],
      ['INV-2026-00003', '2026-03-08'],
      ['INV-2026-00004', '2026-03-11'],
    ]);
    expect((await book.call('billing.run', {})).counts.invoices).toBe(0);
  });

  it('dates what fell due inside a locked period on the run day', async () => {
    book = await openBillingBook('2026-03-01');
    const id = await book.contract(await book.client(), { startDate: '2026-03-20' });
    await book.call('billing.run', {});
    book.day('2026-03-12');
    await book.call('books.lock', { lockDate: '2026-03-08' });
    const result = await book.call('billing.run', {});
    expect(result.catchUp.redatedForLock).toBe(1);
    expect(result.documents.map((d) => [d.issueDate, d.dueDate])).toEqual([['2026-03-12', '2026-03-20']]);
    expect(renewalRows(id)).toEqual([['2026-03-20', '2026-04-19']]);
    expect((await book.refused('billing.run', { asOf: '2026-03-08' })).fields).toEqual(['asOf:not_allowed']);
  });

  it('refuse a run ahead of today or back before the last run, changing nothing', async () => {
    book = await openBillingBook('2026-03-10');
    await book.call('billing.run', {});
    expect((await book.refused('billing.run', { asOf: '2026-03-11' })).fields).toEqual(['asOf:not_allowed']);
    expect((await book.refused('billing.run', { asOf: '2026-03-09' })).fields).toEqual(['asOf:not_allowed']);
    expect((await book.refused('billing.run', { asOf: '2026-02-30' })).fields).toEqual(['asOf:invalid_date']);
    expect((await book.call('billing.runs', {})).items).toHaveLength(1);
  });

  it('skip ended and non-renewing contracts, and move a free service on without an invoice', async () => {
    book = await openBillingBook('2026-03-06');
    const client = await book.client();
    const ended = await book.contract(client, { startDate: '2026-03-20' });
    await book.call('contracts.end', { id: ended, when: 'now', reason: 'Moved away' });
    await book.contract(client, { startDate: '2026-03-20', autoRenew: false });
    const free = await book.contract(client, { startDate: '2026-03-20', priceMinor: 0 });
    const result = await book.call('billing.run', {});
    expect(result.counts).toMatchObject({ invoices: 0, periods: 1 });
    expect((await contract(free)).nextDueDate).toBe('2026-04-20');
    expect(renewalRows(free)).toEqual([]);
  });

  it('never invoice a period twice, even when a due date is moved back onto it by hand', async () => {
    book = await openBillingBook('2026-03-06');
    const id = await book.contract(await book.client(), { startDate: '2026-03-20' });
    await book.call('billing.run', {});
    await book.call('contracts.update', { id, nextDueDate: '2026-03-20' });
    book.day('2026-03-07');
    const result = await book.call('billing.run', {});
    expect(result.counts.invoices).toBe(0);
    expect((await contract(id)).nextDueDate).toBe('2026-04-20');
    expect(renewalRows(id)).toEqual([['2026-03-20', '2026-04-19']]);
  });
});

describe('shared invoices and proformas', () => {
  it('put the contracts of one client due on one day on one invoice, when the book says so', async () => {
    book = await openBillingBook('2026-03-06');
    await book.call('billingSettings.update', { shareInvoicePerClient: true });
    const client = await book.client();
    const other = await book.client({ name: 'Brightside Dental' });
    const a = await book.contract(client, { startDate: '2026-03-20', priceMinor: 1000 });
    const b = await book.contract(client, { startDate: '2026-03-20', priceMinor: 2500, cycle: 'annual' });
    await book.contract(client, { startDate: '2026-03-19' });
    await book.contract(other, { startDate: '2026-03-20' });
    book.day('2026-03-07');
    const result = await book.call('billing.run', {});
    expect(result.counts).toMatchObject({ invoices: 3, periods: 4 });
    const shared = await invoice(result.documents.find((d) => d.totalMinor === 3500)!.id);
    expect(shared.lines.map((l) => [l.contractId, l.periodStart, l.periodEnd, l.unitPriceMinor])).toEqual([
      [a, '2026-03-20', '2026-04-19', 1000],
      [b, '2026-03-20', '2027-03-19', 2500],
    ]);
    expect(renewalRows(a)).toEqual([['2026-03-20', '2026-04-19']]);
    expect(renewalRows(b)).toEqual([['2026-03-20', '2027-03-19']]);
  });

  it('are proformas for prepay clients, paid at once from a credit balance that covers them', async () => {
    book = await openBillingBook('2026-03-06');
    const prepay = await book.client({ prepay: true });
    await book.contract(prepay, { startDate: '2026-03-20', priceMinor: 1000 });
    const withCredit = await book.client({ name: 'Brightside Dental', prepay: true });
    await book.contract(withCredit, { startDate: '2026-03-20', priceMinor: 1000 });
    await book.call('payments.record', { clientId: withCredit, date: '2026-03-05', amountMinor: 1500, method: 'bank_transfer' });
    const result = await book.call('billing.run', {});
    expect(result.counts).toMatchObject({ invoices: 0, proformas: 2 });
    expect(result.documents.map((d) => [d.kind, d.number]).sort()).toEqual([
      ['proforma', 'PF-2026-00001'],
      ['proforma', 'PF-2026-00002'],
    ]);
    // A proforma is a request, not a receivable.
    expect(await book.call('accounts.summary', { clientId: prepay })).toMatchObject({ openMinor: 0, balanceMinor: 0 });
    const unpaid = await invoice(result.documents.find((d) => d.clientId === prepay)!.id);
    expect(unpaid).toMatchObject({ kind: 'proforma', convertedInvoiceId: null, openMinor: 1000 });
    const paid = await invoice(result.documents.find((d) => d.clientId === withCredit)!.id);
    expect(paid.convertedInvoiceId).not.toBeNull();
    expect(await invoice(paid.convertedInvoiceId!)).toMatchObject({ kind: 'invoice', source: 'renewal', openMinor: 0, totalMinor: 1000 });
    expect(await book.call('accounts.summary', { clientId: withCredit })).toMatchObject({ creditMinor: 500, openMinor: 0 });
  });

  it('apply a credit balance first to an ordinary renewal invoice', async () => {
    book = await openBillingBook('2026-03-06');
    const client = await book.client();
    await book.contract(client, { startDate: '2026-03-20', priceMinor: 1000 });
    await book.call('payments.record', { clientId: client, date: '2026-03-05', amountMinor: 400, method: 'card' });
    const result = await book.call('billing.run', {});
    expect((await invoice(result.documents[0]!.id)).openMinor).toBe(600);
  });
});

describe('proration', () => {
  it('(a) cuts the final period at the end date and charges its days', async () => {
    book = await openBillingBook('2026-02-15');
    const client = await book.client();
    const id = await book.contract(client, { startDate: '2026-01-01', nextDueDate: '2026-03-01', endDate: '2026-03-16', priceMinor: 1000 });
    const result = await book.call('billing.run', {});
    const lines = (await invoice(result.documents[0]!.id)).lines;
    expect(lines).toEqual([
      expect.objectContaining({ kind: 'proration', periodStart: '2026-03-01', periodEnd: '2026-03-15', unitPriceMinor: 484, netMinor: 484, description: 'site1.example, 2026-03-01 – 2026-03-15 (contract ends: 15 of 31 days)' }),
    ]);
    expect((await contract(id)).nextDueDate).toBe('2026-03-16');
    // Live until its last billed day has passed; the run of its end date ends it.
    book.day('2026-03-15');
    await book.call('billing.run', {});
    expect((await contract(id)).status).toBe('active');
    book.day('2026-03-16');
    expect((await book.call('billing.run', {})).counts.periods).toBe(0);
    expect(await contract(id)).toMatchObject({ status: 'cancelled', endDate: '2026-03-16' });
    expect((await contract(id)).statusHistory.at(-1)).toMatchObject({ from: 'active', to: 'cancelled', reason: 'The term ended.' });
    book.day('2026-12-31');
    expect((await book.call('billing.run', {})).counts.periods).toBe(0);
  });

  it('(b) charges an upgrade for the rest of the period on the next renewal invoice', async () => {
    book = await openBillingBook('2026-02-15');
    const id = await book.contract(await book.client(), { startDate: '2026-03-01', priceMinor: 1000 });
    await book.call('billing.run', {});
    book.day('2026-03-10');
    await book.call('contracts.update', { id, priceMinor: 2000 });
    book.day('2026-03-18');
    const result = await book.call('billing.run', {});
    const april = await invoice(result.documents[0]!.id);
    expect(april.lines.map((l) => [l.kind, l.periodStart, l.periodEnd, l.unitPriceMinor])).toEqual([
      ['service', '2026-04-01', '2026-04-30', 2000],
      ['proration', '2026-03-10', '2026-03-31', 710], // 1000 × 22 ÷ 31
    ]);
    expect(april.lines[1]!.description).toBe('site1.example: price 10.00 → 20.00 USD from 2026-03-10, 2026-03-10 – 2026-03-31 (22 of 31 days)');
    // Settled once: the next renewal carries no proration.
    book.day('2026-04-17');
    const may = await invoice((await book.call('billing.run', {})).documents[0]!.id);
    expect(may.lines.map((l) => l.kind)).toEqual(['service']);
  });

  it('(b) settles a change made after the next period was invoiced, for that whole period too', async () => {
    book = await openBillingBook('2026-02-15');
    const id = await book.contract(await book.client(), { startDate: '2026-03-01', priceMinor: 1000 });
    await book.call('billing.run', {});
    book.day('2026-03-18');
    await book.call('billing.run', {});
    book.day('2026-03-25');
    await book.call('contracts.update', { id, priceMinor: 1300 });
    book.day('2026-04-17');
    const may = await invoice((await book.call('billing.run', {})).documents[0]!.id);
    expect(may.lines.map((l) => [l.kind, l.periodStart, l.unitPriceMinor])).toEqual([
      ['service', '2026-05-01', 1300],
      ['proration', '2026-03-25', 68], // 300 × 7 ÷ 31 = 67.7
      ['proration', '2026-04-01', 300],
    ]);
  });

  it('(b) credits a downgrade with a credit note against the renewal invoice', async () => {
    book = await openBillingBook('2026-02-15');
    const client = await book.client();
    const id = await book.contract(client, { startDate: '2026-03-01', priceMinor: 2000 });
    await book.call('billing.run', {});
    book.day('2026-03-10');
    await book.call('contracts.update', { id, priceMinor: 1000 });
    book.day('2026-03-18');
    const result = await book.call('billing.run', {});
    expect(result.counts).toMatchObject({ invoices: 1, creditNotes: 1 });
    const april = await invoice(result.documents[0]!.id);
    expect(april.lines.map((l) => [l.kind, l.unitPriceMinor])).toEqual([['service', 1000]]);
    expect(april.openMinor).toBe(290);
    expect(april.creditNotes).toEqual([expect.objectContaining({ kind: 'credit_note', totalMinor: 710, reason: 'Price of site1.example lowered on 2026-03-10: the difference for days already invoiced' })]);
    expect(result.attention).toEqual([]);
  });

  it('(b) reports the part of a downgrade credit the renewal invoice cannot carry', async () => {
    book = await openBillingBook('2026-02-15');
    const id = await book.contract(await book.client(), { startDate: '2026-03-01', priceMinor: 3100 });
    await book.call('billing.run', {});
    book.day('2026-03-02');
    await book.call('contracts.update', { id, priceMinor: 100 });
    book.day('2026-03-18');
    const result = await book.call('billing.run', {});
    // 3000 × 30 ÷ 31 = 2903 owed back; the April invoice is only 100.
    expect(result.documents.map((d) => [d.kind, d.totalMinor])).toEqual([
      ['invoice', 100],
      ['credit_note', 100],
    ]);
    expect(result.attention).toEqual([{ kind: 'credit_not_applied', contractId: id, invoiceId: result.documents[0]!.id, amountMinor: 2803, message: expect.stringContaining('2803') }]);
  });
});
