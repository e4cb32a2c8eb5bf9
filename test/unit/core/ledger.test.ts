import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestBook, type TestBook } from '../../fixtures/book.js';

let book: TestBook;
afterEach(() => book?.close());

async function refused(method: Parameters<TestBook['call']>[0], input: unknown) {
  const answer = await book.backend.dispatch(method, input);
  if (answer.ok) throw new Error(`${method} should have been refused`);
  return { code: answer.error.code, fields: (answer.error.details?.fields ?? []).map((f) => `${f.field}:${f.code}`) };
}

const ledgerOk = async () => {
  const result = await book.call('books.check', {});
  expect(result.checks.filter((c) => !c.ok)).toEqual([]);
};

async function billingBook() {
  book = await openTestBook({ now: '2026-03-10T09:00:00Z' });
  const vat = await book.call('taxRates.create', { name: 'VAT 20 %', rateBp: 2000, country: 'GB' });
  const client = await book.call('clients.create', { name: 'Acme Web', currency: 'GBP', country: 'GB' });
  const issueInvoice = async (amounts: number[], dueDate?: string) => {
    const draft = await book.call('invoices.createDraft', { clientId: client.id, dueDate, lines: amounts.map((a, i) => ({ description: `Item ${i + 1}`, unitPriceMinor: a })) });
    return book.call('invoices.issue', { id: draft.id });
  };
  return { vat, client, issueInvoice };
}

describe('invoices', () => {
  it('drafts freely, then issuing takes the next gapless number, dates it and freezes it', async () => {
    const { client, issueInvoice } = await billingBook();
    const draft = await book.call('invoices.createDraft', { clientId: client.id, lines: [{ description: 'Hosting', unitPriceMinor: 1000 }] });
    expect(draft).toMatchObject({ status: 'draft', number: null, totalMinor: 1200, taxByRate: [{ rateBp: 2000, netMinor: 1000, taxMinor: 200 }] });
    const changed = await book.call('invoices.updateDraft', { id: draft.id, lines: [{ description: 'Hosting', unitPriceMinor: 1000, quantityMilli: 3000 }] });
    expect(changed.totalMinor).toBe(3600);
    const issued = await book.call('invoices.issue', { id: draft.id });
    expect(issued).toMatchObject({ status: 'issued', number: 'INV-2026-00001', issueDate: '2026-03-10', dueDate: '2026-03-24', openMinor: 3600 });
    expect((await refused('invoices.updateDraft', { id: draft.id, notes: 'x' })).code).toBe('conflict');
    expect((await issueInvoice([500])).number).toBe('INV-2026-00002');
    // The database itself refuses to change an issued invoice.
    expect(() => book.backend.db.prepare('UPDATE invoices SET total_minor = 1 WHERE id = ?').run(draft.id)).toThrow(/cannot be changed/);
    expect(() => book.backend.db.prepare('UPDATE invoice_lines SET net_minor = 1 WHERE invoice_id = ?').run(draft.id)).toThrow(/cannot be changed/);
    await ledgerOk();
  });

  it('never gives two windows issuing at the same moment the same number', async () => {
    const { client } = await billingBook();
    const drafts = await Promise.all(Array.from({ length: 8 }, () => book.call('invoices.createDraft', { clientId: client.id, lines: [{ description: 'x', unitPriceMinor: 100 }] })));
    const issued = await Promise.all(drafts.map((d) => book.call('invoices.issue', { id: d.id })));
    expect(issued.map((i) => i.number).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `INV-2026-0000${i + 1}`));
    await ledgerOk();
  });

  it('refuses an empty invoice, a due date before the issue date, and a deleted issued invoice', async () => {
    const { client } = await billingBook();
    const empty = await book.call('invoices.createDraft', { clientId: client.id });
    expect((await refused('invoices.issue', { id: empty.id })).fields).toEqual(['lines:required']);
    const early = await book.call('invoices.createDraft', { clientId: client.id, dueDate: '2026-03-01', lines: [{ description: 'x', unitPriceMinor: 1 }] });
    expect((await refused('invoices.issue', { id: early.id })).fields).toEqual(['dueDate:date_order']);
    expect((await refused('invoices.createDraft', { clientId: client.id, lines: [{ description: 'x', unitPriceMinor: -5 }] })).fields).toEqual(['lines.0.unitPriceMinor:too_small']);
    expect((await refused('invoices.createDraft', { clientId: client.id, lines: [{ description: 'x', unitPriceMinor: 1.5 }] })).fields).toEqual(['lines.0.unitPriceMinor:invalid_type']);
    await ledgerOk();
  });

  it('credits in part or in full, never more than is open, and voids only what nobody paid', async () => {
    const { client, issueInvoice } = await billingBook();
    const invoice = await issueInvoice([1000]);
    expect((await refused('invoices.creditNote', { invoiceId: invoice.id, reason: 'too much', amountMinor: 1201 })).fields).toEqual(['amountMinor:too_large']);
    const note = await book.call('invoices.creditNote', { invoiceId: invoice.id, reason: 'Loyalty discount', approvedBy: 'Li Na', amountMinor: 120 });
    expect(note).toMatchObject({ kind: 'credit_note', number: 'CN-2026-00001', totalMinor: 120, taxByRate: [{ rateBp: 2000, netMinor: 100, taxMinor: 20 }], approvedBy: 'Li Na' });
    expect((await book.call('invoices.get', { id: invoice.id })).openMinor).toBe(1080);
    expect((await refused('invoices.void', { id: invoice.id, reason: 'mistake' })).code).toBe('conflict');
    const other = await issueInvoice([500]);
    const voided = await book.call('invoices.void', { id: other.id, reason: 'Issued twice' });
    expect(voided).toMatchObject({ status: 'void', number: 'INV-2026-00002', openMinor: 0, voidReason: 'Issued twice' });
    expect((await refused('payments.record', { clientId: client.id, date: '2026-03-10', amountMinor: 600, method: 'card', allocations: [{ invoiceId: other.id, amountMinor: 600 }] })).fields).toEqual([
      'allocations.0.invoiceId:not_allowed',
    ]);
    await ledgerOk();
  });
});

describe('payments', () => {
  it('pay the oldest invoices first; the rest becomes credit that pays the next invoice', async () => {
    const { client, issueInvoice } = await billingBook();
    const first = await issueInvoice([1000], '2026-03-20');
    const second = await issueInvoice([500], '2026-03-31');
    const payment = await book.call('payments.record', { clientId: client.id, date: '2026-03-12', amountMinor: 2000, method: 'bank_transfer', reference: 'HSBC 8812' });
    expect(payment.allocations.map((a) => [a.invoiceNumber, a.amountMinor])).toEqual([
      [first.number, 1200],
      [second.number, 600],
    ]);
    expect(payment.unallocatedMinor).toBe(200);
    expect(await book.call('accounts.summary', { clientId: client.id })).toMatchObject({ balanceMinor: -200, creditMinor: 200, openMinor: 0 });
    const third = await issueInvoice([1000]);
    expect((await book.call('invoices.get', { id: third.id })).openMinor).toBe(1000); // 1200 − 200 credit
    await ledgerOk();
  });

  it('take a partial payment and then the rest', async () => {
    const { client, issueInvoice } = await billingBook();
    const invoice = await issueInvoice([1000]);
    await book.call('payments.record', { clientId: client.id, date: '2026-03-11', amountMinor: 500, method: 'alipay' });
    expect((await book.call('invoices.get', { id: invoice.id })).openMinor).toBe(700);
    await book.call('payments.record', { clientId: client.id, date: '2026-03-12', amountMinor: 700, method: 'wechat_pay' });
    expect((await book.call('invoices.get', { id: invoice.id })).openMinor).toBe(0);
    expect((await book.call('invoices.search', { clientId: client.id, filter: 'paid' })).items.map((i) => i.id)).toEqual([invoice.id]);
    await ledgerOk();
  });

  it('refuse allocating more than the payment or the invoice, and zero or negative amounts', async () => {
    const { client, issueInvoice } = await billingBook();
    const invoice = await issueInvoice([1000]);
    const base = { clientId: client.id, date: '2026-03-11', method: 'cash' };
    expect((await refused('payments.record', { ...base, amountMinor: 0 })).fields).toEqual(['amountMinor:too_small']);
    expect((await refused('payments.record', { ...base, amountMinor: -100 })).fields).toEqual(['amountMinor:too_small']);
    expect((await refused('payments.record', { ...base, amountMinor: 100, allocations: [{ invoiceId: invoice.id, amountMinor: 200 }] })).fields).toEqual(['allocations:too_large']);
    expect((await refused('payments.record', { ...base, amountMinor: 5000, allocations: [{ invoiceId: invoice.id, amountMinor: 1300 }] })).fields).toEqual(['allocations.0.amountMinor:too_large']);
    expect((await book.call('payments.listByClient', { clientId: client.id })).items).toEqual([]);
    await ledgerOk();
  });

  it('a bounced payment reopens the invoices it paid', async () => {
    const { client, issueInvoice } = await billingBook();
    const invoice = await issueInvoice([1000]);
    const payment = await book.call('payments.record', { clientId: client.id, date: '2026-03-11', amountMinor: 1200, method: 'card' });
    const bounced = await book.call('payments.bounce', { id: payment.id, reason: 'Card charge-back' });
    expect(bounced).toMatchObject({ status: 'bounced', bounceReason: 'Card charge-back', unallocatedMinor: 0 });
    expect((await book.call('invoices.get', { id: invoice.id })).openMinor).toBe(1200);
    expect(await book.call('accounts.summary', { clientId: client.id })).toMatchObject({ balanceMinor: 1200, creditMinor: 0 });
    expect((await refused('payments.bounce', { id: payment.id, reason: 'again' })).code).toBe('conflict');
    await ledgerOk();
  });

  it('refunds credit, never more than there is', async () => {
    const { client } = await billingBook();
    await book.call('payments.record', { clientId: client.id, date: '2026-03-11', amountMinor: 3000, method: 'paypal' });
    expect((await refused('payments.refund', { clientId: client.id, amountMinor: 3001, method: 'paypal', reason: 'closing' })).fields).toEqual(['amountMinor:too_large']);
    expect(await book.call('payments.refund', { clientId: client.id, amountMinor: 1000, method: 'paypal', reason: 'Overpaid' })).toMatchObject({ creditMinor: 2000 });
    await ledgerOk();
  });
});

describe('proforma invoices', () => {
  it('become an invoice, numbered in the invoice series, when paid in full', async () => {
    const { client } = await billingBook();
    const draft = await book.call('invoices.createDraft', { clientId: client.id, kind: 'proforma', lines: [{ description: 'VPS, April', unitPriceMinor: 2000 }] });
    const proforma = await book.call('invoices.issue', { id: draft.id });
    expect(proforma.number).toBe('PF-2026-00001');
    expect(await book.call('accounts.summary', { clientId: client.id })).toMatchObject({ openMinor: 0 }); // a request, not a receivable
    await book.call('payments.record', { clientId: client.id, date: '2026-03-11', amountMinor: 1000, method: 'bank_transfer' });
    expect((await book.call('invoices.get', { id: proforma.id })).convertedInvoiceId).toBeNull();
    await book.call('payments.record', { clientId: client.id, date: '2026-03-12', amountMinor: 1400, method: 'bank_transfer' });
    const converted = await book.call('invoices.get', { id: proforma.id });
    const invoice = await book.call('invoices.get', { id: converted.convertedInvoiceId! });
    expect(invoice).toMatchObject({ kind: 'invoice', number: 'INV-2026-00001', totalMinor: 2400, openMinor: 0, issueDate: '2026-03-12' });
    await ledgerOk();
  });
});

describe('the period lock', () => {
  it('refuses anything dated on or before the lock date, and is never moved back', async () => {
    const { client, issueInvoice } = await billingBook();
    const invoice = await issueInvoice([1000]);
    book.clock.set('2026-04-05T09:00:00Z');
    await book.call('books.lock', { lockDate: '2026-03-31' });
    expect((await refused('payments.record', { clientId: client.id, date: '2026-03-31', amountMinor: 100, method: 'cash' })).fields).toEqual(['date:not_allowed']);
    expect((await refused('invoices.creditNote', { invoiceId: invoice.id, reason: 'late', date: '2026-03-15' })).fields).toEqual(['date:not_allowed']);
    expect((await refused('books.lock', { lockDate: '2026-02-28' })).fields).toEqual(['lockDate:not_allowed']);
    expect((await refused('books.lock', { lockDate: '2026-04-05' })).fields).toEqual(['lockDate:not_allowed']);
    await book.call('payments.record', { clientId: client.id, date: '2026-04-01', amountMinor: 1200, method: 'cash' });
    await ledgerOk();
  });
});

describe('reading the account', () => {
  it('gives a statement with opening and closing balances, and aging as of a past date', async () => {
    const { client, issueInvoice } = await billingBook();
    const march = await issueInvoice([1000], '2026-03-20');
    book.clock.set('2026-04-10T09:00:00Z');
    await issueInvoice([500], '2026-04-20');
    await book.call('payments.record', { clientId: client.id, date: '2026-04-15', amountMinor: 1200, method: 'bank_transfer', allocations: [{ invoiceId: march.id, amountMinor: 1200 }] });
    const statement = await book.call('accounts.statement', { clientId: client.id, from: '2026-04-01', to: '2026-04-30' });
    expect(statement).toMatchObject({ openingMinor: 1200, closingMinor: 600 });
    expect(statement.lines.map((l) => [l.kind, l.debitMinor, l.creditMinor, l.balanceMinor])).toEqual([
      ['invoice.issued', 600, 0, 1800],
      ['payment.received', 0, 1200, 600],
    ]);
    book.clock.set('2026-06-01T09:00:00Z');
    // On 10 April the March invoice was 21 days overdue and unpaid (today it is paid), and the
    // April invoice issued that day was current.
    const past = await book.call('reports.aging', { asOf: '2026-04-10' });
    expect(past.totals).toEqual([{ currency: 'GBP', buckets: { current: 600, days1to30: 1200, days31to60: 0, days61to90: 0, over90: 0 }, totalMinor: 1800 }]);
    const now = await book.call('reports.aging', {});
    expect(now.totals).toEqual([{ currency: 'GBP', buckets: { current: 0, days1to30: 0, days31to60: 600, days61to90: 0, over90: 0 }, totalMinor: 600 }]);
    expect((await book.call('accounts.summary', { clientId: client.id })).oldestOverdueDays).toBe(42);
  });

  it('lists clients per currency, largest first within each, never ranking one currency against another', async () => {
    await billingBook();
    const owing = async (name: string, currency: string, amountMinor: number) => {
      const client = await book.call('clients.create', { name, currency, country: currency === 'CNY' ? 'CN' : 'US' });
      const draft = await book.call('invoices.createDraft', { clientId: client.id, lines: [{ description: 'Hosting', unitPriceMinor: amountMinor }] });
      await book.call('invoices.issue', { id: draft.id });
    };
    // In minor units the yuan debts are the larger numbers; a ranking across currencies would put them first.
    await owing('Small Dollar', 'USD', 5000);
    await owing('Big Yuan', 'CNY', 90000);
    await owing('Big Dollar', 'USD', 40000);
    await owing('Small Yuan', 'CNY', 60000);
    const aging = await book.call('reports.aging', { limit: 1 });
    expect(aging.totals.map((t) => [t.currency, t.totalMinor])).toEqual([
      ['CNY', 150000],
      ['USD', 45000],
    ]);
    expect(aging.clients.map((c) => c.clientName)).toEqual(['Big Yuan', 'Big Dollar']);
    expect((await book.call('reports.aging', {})).clients.map((c) => c.clientName)).toEqual(['Big Yuan', 'Small Yuan', 'Big Dollar', 'Small Dollar']);
  });

  it('says whether the credit balance covers the next renewal', async () => {
    const { client } = await billingBook();
    const plan = await book.call('plans.create', { name: 'Pro', kind: 'shared_hosting', currency: 'GBP', prices: { monthly: 1500 } });
    await book.call('contracts.create', { clientId: client.id, planId: plan.id, label: 'acme.example', cycle: 'monthly', startDate: '2026-03-01', nextDueDate: '2026-04-01' });
    await book.call('payments.record', { clientId: client.id, date: '2026-03-10', amountMinor: 1000, method: 'card' });
    expect((await book.call('accounts.summary', { clientId: client.id })).nextRenewal).toEqual({ date: '2026-04-01', amountMinor: 1500, coveredByCredit: false });
  });
});

describe('the ledger check', () => {
  it('finds an unbalanced entry, a wrong open amount, a changed issued invoice and a changed locked period', async () => {
    const { client, issueInvoice } = await billingBook();
    const invoice = await issueInvoice([1000]);
    await book.call('payments.record', { clientId: client.id, date: '2026-03-10', amountMinor: 500, method: 'cash' });
    book.clock.set('2026-04-05T09:00:00Z');
    await book.call('books.lock', { lockDate: '2026-03-31' });
    const { dbFile } = book.backend;
    book.backend.close();
    const raw = new Database(dbFile);
    raw.exec('DROP TRIGGER invoices_issued_frozen; DROP TRIGGER journal_lines_append_only;');
    raw.prepare('UPDATE invoices SET open_minor = 1, due_date = ? WHERE id = ?').run('2030-01-01', invoice.id);
    raw.prepare("UPDATE journal_lines SET debit_minor = debit_minor + 1 WHERE seq = (SELECT min(seq) FROM journal_lines WHERE debit_minor > 0)").run();
    raw.close();
    book = await openTestBook({ dataDir: book.dataDir });
    const failed = (await book.call('books.check', {})).checks.filter((c) => !c.ok).map((c) => c.name);
    expect(failed).toEqual(expect.arrayContaining(['entries balance', 'open amounts', 'receivables match open invoices', 'issued invoices unchanged', 'locked periods unchanged']));
  });
});

describe('number formats', () => {
  it('change how numbers are written, never the counter', async () => {
    const { issueInvoice } = await billingBook();
    await issueInvoice([100]);
    expect((await book.call('numberSeries.list', {})).items.find((s) => s.series === 'invoice')).toEqual({ series: 'invoice', format: 'INV-{YYYY}-{NNNNN}', nextNumber: 2, example: 'INV-2026-00002' });
    expect(await book.call('numberSeries.update', { series: 'invoice', format: 'HL{YY}{MM}-{NNNN}' })).toMatchObject({ example: 'HL2603-0002' });
    expect((await issueInvoice([100])).number).toBe('HL2603-0002');
    for (const format of ['INV-{YYYY}', 'INV-{N}-{N}', 'INV-{DD}-{NNN}', 'X']) {
      const { fields } = await refused('numberSeries.update', { series: 'invoice', format });
      expect(fields.length, format).toBeGreaterThan(0);
      expect(fields.every((f) => f.startsWith('format:')), format).toBe(true);
    }
    await ledgerOk();
  });
});

describe('billing settings', () => {
  it('leave a field sent as undefined as it was', async () => {
    await billingBook();
    const before = await book.call('billingSettings.get', {});
    const after = await book.call('billingSettings.update', { defaultTaxRateId: undefined, paymentTermsDays: 30 });
    expect(after).toEqual({ ...before, paymentTermsDays: 30 });
  });
});
