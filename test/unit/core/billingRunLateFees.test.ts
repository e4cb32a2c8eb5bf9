// Late fees by the book's policy, charged by the billing run: fixed or percent, once or monthly,
// capped, never on disputed invoices, dated when due (or on the run day when that day is locked).
import { afterEach, describe, expect, it } from 'vitest';
import type { LateFeePolicy } from '../../../shared/billing/lateFees.js';
import { openBillingBook, type BillingBook } from '../../fixtures/billingBook.js';

let book: BillingBook;
afterEach(async () => {
  await book.ledgerOk();
  book.close();
});

const POLICY: LateFeePolicy = { enabled: true, kind: 'fixed', fixedMinorByCurrency: { USD: 500 }, percentBp: 0, afterDays: 5, repeat: 'once', capMinorByCurrency: {} };

/** A book on `today` with the policy on and one client with an invoice of 10,000 due on 1 March. */
async function overdueBook(today: string, policy: Partial<LateFeePolicy> = {}) {
  book = await openBillingBook('2026-02-15');
  await book.call('billingSettings.update', { lateFee: { ...POLICY, ...policy } });
  const client = await book.client();
  const draft = await book.call('invoices.createDraft', { clientId: client, dueDate: '2026-03-01', lines: [{ description: 'Website redesign', unitPriceMinor: 10_000 }] });
  const invoice = await book.call('invoices.issue', { id: draft.id });
  book.day(today);
  return { client, invoice };
}

const feesOf = (invoiceId: string) => book.backend.db.prepare('SELECT n, due_date, fee_invoice_id FROM late_fees WHERE invoice_id = ? ORDER BY n').all(invoiceId) as { n: number; due_date: string; fee_invoice_id: string }[];

describe('late fees', () => {
  it('are a separate invoice with one late_fee line, charged once, afterDays past the due date', async () => {
    const { invoice } = await overdueBook('2026-03-05');
    expect((await book.call('billing.run', {})).counts.lateFees).toBe(0);
    book.day('2026-03-06');
    const result = await book.call('billing.run', {});
    expect(result.lateFees).toEqual([{ invoiceId: invoice.id, n: 1, dueDate: '2026-03-06', feeInvoiceId: expect.any(String), amountMinor: 500 }]);
    const fee = await book.call('invoices.get', { id: result.lateFees[0]!.feeInvoiceId });
    expect(fee).toMatchObject({ kind: 'invoice', source: 'late_fee', number: 'INV-2026-00002', issueDate: '2026-03-06', totalMinor: 500 });
    expect(fee.lines).toEqual([expect.objectContaining({ kind: 'late_fee', description: 'Late fee for INV-2026-00001', unitPriceMinor: 500 })]);
    // Posted to the late-fee account, not revenue.
    const ledger = await book.call('accounts.ledger', { clientId: invoice.clientId });
    expect(ledger.items.filter((l) => l.memo === `Invoice ${fee.number}`).map((l) => l.account)).toEqual(['1100']);
    const lateFeeAccount = book.backend.db.prepare(`SELECT sum(credit_minor - debit_minor) FROM journal_lines WHERE account = '4100'`).pluck().get();
    expect(lateFeeAccount).toBe(500);
    book.day('2026-04-30');
    expect((await book.call('billing.run', {})).counts.lateFees).toBe(0);
    expect(feesOf(invoice.id)).toHaveLength(1);
  });

  it('repeat monthly on the same day until the cap for the currency is reached', async () => {
    const { invoice } = await overdueBook('2026-03-06', { repeat: 'monthly', capMinorByCurrency: { USD: 1200 } });
    await book.call('billing.run', {});
    book.day('2026-04-06');
    await book.call('billing.run', {});
    book.day('2026-05-06');
    await book.call('billing.run', {});
    book.day('2026-08-06');
    await book.call('billing.run', {});
    const amounts = book.backend.db
      .prepare(`SELECT f.n, f.due_date, i.total_minor FROM late_fees f JOIN invoices i ON i.id = f.fee_invoice_id WHERE f.invoice_id = ? ORDER BY f.n`)
      .raw()
      .all(invoice.id);
    expect(amounts).toEqual([
      [1, '2026-03-06', 500],
      [2, '2026-04-06', 500],
      [3, '2026-05-06', 200],
    ]);
    const third = await book.call('invoices.get', { id: feesOf(invoice.id)[2]!.fee_invoice_id });
    expect(third.lines[0]!.description).toBe('Late fee for INV-2026-00001 (month 3)');
  });

  it('as a percentage, take what was overdue on the fee day: a part paid before counts, one paid after does not', async () => {
    const { client, invoice } = await overdueBook('2026-03-01', { kind: 'percent', percentBp: 150 });
    await book.call('billing.run', {});
    await book.call('payments.record', { clientId: client, date: '2026-03-03', amountMinor: 4000, method: 'bank_transfer' });
    book.day('2026-03-10');
    await book.call('payments.record', { clientId: client, date: '2026-03-08', amountMinor: 1000, method: 'bank_transfer' });
    const result = await book.call('billing.run', {});
    // 1.5 % of the 6,000 open on 6 March; charged while the app was closed, dated that day.
    expect(result.lateFees).toEqual([expect.objectContaining({ invoiceId: invoice.id, dueDate: '2026-03-06', amountMinor: 90 })]);
    expect(result.documents[0]).toMatchObject({ issueDate: '2026-03-06', source: 'late_fee' });
    expect(result.catchUp).toMatchObject({ lastRunDate: '2026-03-01', daysCaughtUp: 8, backdated: 1 });
  });

  it('are not charged on a disputed invoice, a paid one, a proforma, or on a fee', async () => {
    const { client, invoice } = await overdueBook('2026-02-15', { repeat: 'monthly' });
    const paid = await book.call('invoices.issue', { id: (await book.call('invoices.createDraft', { clientId: client, dueDate: '2026-03-01', lines: [{ description: 'Domain', unitPriceMinor: 300 }] })).id });
    await book.call('payments.record', { clientId: client, date: '2026-02-15', amountMinor: 300, method: 'card', allocations: [{ invoiceId: paid.id, amountMinor: 300 }] });
    const proforma = await book.call('invoices.createDraft', { clientId: client, kind: 'proforma', dueDate: '2026-03-01', lines: [{ description: 'VPS', unitPriceMinor: 800 }] });
    await book.call('invoices.issue', { id: proforma.id });
    await book.call('billing.run', {});
    book.day('2026-03-06');
    const first = await book.call('billing.run', {});
    expect(first.lateFees.map((f) => f.invoiceId)).toEqual([invoice.id]);
    // The fee invoice itself goes unpaid for months: it never earns a fee of its own.
    book.backend.db.prepare('UPDATE invoices SET disputed = 1 WHERE id = ?').run(invoice.id);
    book.day('2026-06-30');
    expect((await book.call('billing.run', {})).counts.lateFees).toBe(0);
  });

  it('that fell due while the app was closed inside a locked period are dated the run day, naming their day', async () => {
    const { invoice } = await overdueBook('2026-03-01');
    await book.call('billing.run', {});
    book.day('2026-03-12');
    await book.call('books.lock', { lockDate: '2026-03-08' });
    const result = await book.call('billing.run', {});
    expect(result.catchUp.redatedForLock).toBe(1);
    expect(result.lateFees).toEqual([expect.objectContaining({ invoiceId: invoice.id, dueDate: '2026-03-06' })]);
    const fee = await book.call('invoices.get', { id: result.lateFees[0]!.feeInvoiceId });
    expect(fee.issueDate).toBe('2026-03-12');
    expect(fee.lines[0]!.description).toBe('Late fee for INV-2026-00001 (due 2026-03-06)');
  });

  it('are dated the run day when the books are locked over their day while the run works, not lost', async () => {
    const { client, invoice } = await overdueBook('2026-03-01');
    await book.contract(client, { startDate: '2026-03-20' });
    await book.call('billing.run', {});
    book.day('2026-03-12');
    // Planned with the books open; locked after planning, before the first batch is written.
    const unsubscribe = book.backend.subscribe((event) => {
      if (event.name === 'job.progress' && event.payload.done === 0) void book.backend.dispatch('books.lock', { lockDate: '2026-03-08' });
    });
    const result = await book.call('billing.run', {});
    unsubscribe();
    expect(result.counts).toMatchObject({ invoices: 1, lateFees: 1, skipped: 0 });
    expect(result.catchUp.redatedForLock).toBe(2);
    expect(result.documents.map((d) => [d.source, d.issueDate])).toEqual([
      ['renewal', '2026-03-12'],
      ['late_fee', '2026-03-12'],
    ]);
    const fee = await book.call('invoices.get', { id: result.lateFees[0]!.feeInvoiceId });
    expect(fee.lines[0]!.description).toBe(`Late fee for ${invoice.number} (due 2026-03-06)`);
  });

  it('are waived with a credit note on the fee invoice, which takes the fee back out of the late-fee account', async () => {
    const { invoice } = await overdueBook('2026-03-06');
    const result = await book.call('billing.run', {});
    const feeId = result.lateFees[0]!.feeInvoiceId;
    await book.call('invoices.creditNote', { invoiceId: feeId, reason: 'First time, waived', approvedBy: 'Li Na' });
    expect((await book.call('invoices.get', { id: feeId })).openMinor).toBe(0);
    expect(book.backend.db.prepare(`SELECT sum(credit_minor - debit_minor) FROM journal_lines WHERE account = '4100'`).pluck().get()).toBe(0);
    expect((await book.call('invoices.get', { id: invoice.id })).openMinor).toBe(10_000);
  });

  it('are not charged for days before billing ran in this book, nor for days a run already looked at', async () => {
    const { invoice } = await overdueBook('2026-03-10');
    // The book's first run: the fee of 6 March is from before HostLedger billed here.
    expect((await book.call('billing.run', {})).counts.lateFees).toBe(0);
    await book.call('billingSettings.update', { lateFee: { ...POLICY, enabled: false } });
    book.day('2026-03-20');
    await book.call('billing.run', {});
    await book.call('billingSettings.update', { lateFee: { ...POLICY, repeat: 'monthly' } });
    book.day('2026-04-06');
    const result = await book.call('billing.run', {});
    // Switched on again: the fee of 6 April (the second month) is charged, not the days the policy was off.
    expect(result.lateFees).toEqual([expect.objectContaining({ invoiceId: invoice.id, n: 2, dueDate: '2026-04-06' })]);
  });
});
