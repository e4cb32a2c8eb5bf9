// The dashboard and every report against a small book built through the API on fixed days, with
// each figure worked out by hand below; revenue and tax tie to the journal; the CSV is parsed back
// (BOM, Chinese name) and the PDF read back with pdftotext.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output } from '../../../shared/api/methods.js';
import { openBillingBook, type BillingBook } from '../../fixtures/billingBook.js';
import { tempDir } from '../../fixtures/book.js';

let book: BillingBook;
const ids: Record<string, string> = {};

/** Rows of a report as [first cell, …the named cells]. */
const table = (report: Output<'reports.run'>, keys: string[]) => report.rows.map((row) => keys.map((key) => row.cells[key]));

beforeAll(async () => {
  book = await openBillingBook('2026-11-26');
  const vat = await book.call('taxRates.create', { name: 'VAT 10 %', rateBp: 1000 });
  const zero = await book.call('taxRates.create', { name: 'Zero', rateBp: 0 });
  const basic = await book.call('plans.create', { name: 'Basic', kind: 'shared_hosting', currency: 'USD', prices: { monthly: 1000 }, panelKind: 'cpanel' });
  const vps = await book.call('plans.create', { name: 'VPS', kind: 'vps', currency: 'USD', prices: { annual: 60000 }, panelKind: 'proxmox' });
  ids.a = await book.client({ name: 'Acme Web' });
  ids.b = await book.client({ name: '卡尔云测试' });
  ids.c = await book.client({ name: 'Euro GmbH', currency: 'EUR' });
  // MRR (USD): 1000 + 60000/12 + 1000 + 3000/3 = 8000; the EUR contract is in its own currency.
  ids.aBasic = await book.contract(ids.a, { planId: basic.id, cycle: 'monthly', startDate: '2026-01-01', nextDueDate: '2026-12-01' });
  ids.aVps = await book.contract(ids.a, { planId: vps.id, cycle: 'annual', priceMinor: 60000, startDate: '2026-03-01', nextDueDate: '2027-03-01', termReviewDate: '2027-01-10' });
  ids.bBasic = await book.contract(ids.b, { planId: basic.id, cycle: 'monthly', startDate: '2026-06-15', nextDueDate: '2026-12-15' });
  ids.bOwn = await book.contract(ids.b, { cycle: 'quarterly', priceMinor: 3000, startDate: '2026-09-01', nextDueDate: '2026-12-01' });
  ids.cOwn = await book.contract(ids.c, { cycle: 'monthly', priceMinor: 2000, startDate: '2026-10-01', nextDueDate: '2026-12-05' });

  const issue = async (clientId: string, issueDate: string, dueDate: string, lines: { description: string; unitPriceMinor: number; taxRateId: string; contractId?: string }[]) => {
    const draft = await book.call('invoices.createDraft', { clientId, dueDate, lines });
    return (await book.call('invoices.issue', { id: draft.id, issueDate })).id;
  };
  ids.i1 = await issue(ids.a, '2026-08-01', '2026-08-15', [
    { description: 'Basic, August', unitPriceMinor: 1000, taxRateId: vat.id, contractId: ids.aBasic },
    { description: 'Server set-up', unitPriceMinor: 5000, taxRateId: zero.id },
  ]); // 1100 + 5000 = 6100
  ids.i2 = await issue(ids.a, '2026-10-20', '2026-11-03', [{ description: 'VPS, a year', unitPriceMinor: 60000, taxRateId: vat.id, contractId: ids.aVps }]); // 66000
  ids.i3 = await issue(ids.b, '2026-09-01', '2026-09-15', [{ description: 'Own price, a quarter', unitPriceMinor: 3000, taxRateId: zero.id, contractId: ids.bOwn }]); // 3000
  ids.i4 = await issue(ids.b, '2026-11-20', '2026-12-04', [{ description: 'Basic, December', unitPriceMinor: 1000, taxRateId: vat.id, contractId: ids.bBasic }]); // 1100
  ids.i5 = await issue(ids.c, '2026-10-01', '2026-10-15', [{ description: 'Hosting', unitPriceMinor: 2000, taxRateId: zero.id, contractId: ids.cOwn }]); // EUR 2000

  await book.call('payments.record', { clientId: ids.a, date: '2026-08-20', amountMinor: 6100, method: 'bank_transfer', allocations: [{ invoiceId: ids.i1, amountMinor: 6100 }] });
  await book.call('payments.record', { clientId: ids.a, date: '2026-11-10', amountMinor: 20000, method: 'card', allocations: [{ invoiceId: ids.i2, amountMinor: 20000 }] });
  await book.call('payments.record', { clientId: ids.b, date: '2026-09-30', amountMinor: 1000, method: 'alipay', allocations: [{ invoiceId: ids.i3, amountMinor: 1000 }] });
  await book.call('invoices.creditNote', { invoiceId: ids.i3, amountMinor: 500, reason: 'Goodwill', date: '2026-10-05' });
  await book.call('payments.record', { clientId: ids.c, date: '2026-10-20', amountMinor: 2000, method: 'paypal', allocations: [{ invoiceId: ids.i5, amountMinor: 2000 }] });
  const bounced = await book.call('payments.record', { clientId: ids.b, date: '2026-11-01', amountMinor: 300, method: 'wechat_pay', allocations: [{ invoiceId: ids.i3, amountMinor: 300 }] });
  await book.call('payments.bounce', { id: bounced.id, reason: 'Returned by the bank', date: '2026-11-05' });

  // The ladder is written by the arrears run (built in parallel); here its rungs are written as it writes them.
  const rung = book.backend.db.prepare(
    "INSERT INTO dunning_rungs (invoice_id, step_key, client_id, policy_id, state, scheduled_on, done_on, updated_at) VALUES (?, ?, ?, 'dp_standard0', ?, ?, ?, '2026-11-26T09:00:00Z')",
  );
  rung.run(ids.i3, 'first_notice', ids.b, 'done', '2026-09-16', '2026-09-16');
  rung.run(ids.i3, 'second_notice', ids.b, 'done', '2026-09-20', '2026-09-20');
  rung.run(ids.i3, 'restriction', ids.b, 'failed', '2026-09-22', '2026-09-22');
  rung.run(ids.i3, 'final_notice', ids.b, 'skipped', '2026-09-25', null);
  // A panel action suspends an account; what it leaves in the book is the status and its history.
  book.backend.db.prepare("UPDATE contracts SET status = 'suspended' WHERE id = ?").run(ids.bBasic);
  book.backend.db.prepare("INSERT INTO contract_status_history (contract_id, from_status, to_status, at, reason, actor) VALUES (?, 'active', 'suspended', '2026-11-20T10:00:00Z', 'arrears', 'tester')").run(ids.bBasic);
});

afterAll(() => book?.close());

describe('dashboard.data', () => {
  it('gives every figure for the most used currency, worked out by hand', async () => {
    await book.call('risk.list', {});
    const scoreB = (await book.call('risk.client', { clientId: ids.b })).score;
    const d = await book.call('dashboard.data', {});
    expect(d.currency).toBe('USD');
    expect(d.currencies).toEqual([
      { currency: 'USD', clients: 2 },
      { currency: 'EUR', clients: 1 },
    ]);
    expect(d.mrrMinor).toBe(8000);
    expect(d.mrrTrend).toHaveLength(24);
    expect(Object.fromEntries(d.mrrTrend.map((m) => [m.month, m.amountMinor]))).toMatchObject({ '2025-12': 0, '2026-01': 1000, '2026-02': 1000, '2026-03': 6000, '2026-06': 7000, '2026-08': 7000, '2026-09': 8000, '2026-11': 8000 });
    // The bounced payment never counts as cash; the EUR payment is in the other currency.
    expect(d.cashByMonth.filter((m) => m.amountMinor !== 0)).toEqual([
      { month: '2026-08', amountMinor: 6100 },
      { month: '2026-09', amountMinor: 1000 },
      { month: '2026-11', amountMinor: 20000 },
    ]);
    expect(d.aging).toEqual({ current: 1100, days1to30: 46000, days31to60: 0, days61to90: 1500, over90: 0 });
    // Due in the last 90 days: I3 (3000, 1500 open) and I2 (66000, 46000 open): 21500 of 69000 settled.
    expect(d.collectionRatePct).toBe(31.2);
    // 48600 owed against 3000 + 66000 + 1100 invoiced in the last 90 days, × 90.
    expect(d.dsoDays).toBe(62.4);
    const bands = Object.fromEntries(d.riskBands.map((b) => [b.band, b.clients]));
    expect(Object.values(bands).reduce((a, b) => a + b, 0)).toBe(2);
    expect(bands.unscored).toBe(0);
    // I2 has no rung; I3's latest rung that happened is the failed restriction (the skipped one does not count).
    expect(d.ladder).toEqual([
      { stepKey: null, invoices: 1, amountMinor: 46000 },
      { stepKey: 'restriction', invoices: 1, amountMinor: 1500 },
    ]);
    // Only I4 (1100, due 4 December) falls due in the next 30 days.
    expect(d.expected.dueMinor).toBe(1100);
    expect(d.expected.expectedMinor).toBe(Math.round((1100 * (100 - scoreB)) / 100));
    expect(d.expected.weeks.map((w) => [w.from, w.to, w.dueMinor])).toEqual([
      ['2026-11-27', '2026-12-03', 0],
      ['2026-12-04', '2026-12-10', 1100],
      ['2026-12-11', '2026-12-17', 0],
      ['2026-12-18', '2026-12-26', 0],
    ]);
  });

  it('answers for another currency and for an earlier day', async () => {
    const eur = await book.call('dashboard.data', { currency: 'EUR' });
    expect(eur.mrrMinor).toBe(2000);
    expect(eur.cashByMonth.find((m) => m.month === '2026-10')?.amountMinor).toBe(2000);
    expect(eur.aging).toEqual({ current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 });
    // On 31 October: I2 not yet due (66000); I3 had 3000 − 1000 paid − 500 credited = 1500 open, 46 days late.
    const october = await book.call('dashboard.data', { asOf: '2026-10-31' });
    expect(october.aging).toEqual({ current: 66000, days1to30: 0, days31to60: 1500, days61to90: 0, over90: 0 });
    expect(october.mrrMinor).toBe(8000);
    expect(october.mrrTrend.at(-1)?.month).toBe('2026-10');
  });
});

describe('reports.run', () => {
  it('receivables aging by client, filtered by age bucket', async () => {
    const all = await book.call('reports.run', { report: 'aging', filters: { currency: 'USD' } });
    expect(table(all, ['client', 'current', 'days1to30', 'days61to90', 'total'])).toEqual([
      ['Acme Web', 0, 46000, 0, 46000],
      ['卡尔云测试', 1100, 0, 1500, 2600],
    ]);
    expect(all.totals).toEqual([{ currency: 'USD', cells: { current: 1100, days1to30: 46000, days31to60: 0, days61to90: 1500, over90: 0, total: 48600 } }]);
    const late = await book.call('reports.run', { report: 'aging', filters: { bucket: 'days61to90' } });
    expect(late.rows.map((r) => r.clientId)).toEqual([ids.b]);
  });

  it('outstanding invoices as of today and as of an earlier day', async () => {
    const today = await book.call('reports.run', { report: 'outstanding', filters: { currency: 'USD' } });
    expect(table(today, ['dueDate', 'daysOverdue', 'invoiceTotal', 'open'])).toEqual([
      ['2026-09-15', 72, 3000, 1500],
      ['2026-11-03', 23, 66000, 46000],
      ['2026-12-04', 0, 1100, 1100],
    ]);
    expect(today.totals[0]?.cells.open).toBe(48600);
    expect(today.rows.map((r) => r.cells.ladderStep)).toEqual(['Restriction', 'Not on the ladder yet', '']);
    const restricted = await book.call('reports.run', { report: 'outstanding', filters: { step: 'restriction' } });
    expect(restricted.rows.map((r) => r.cells.open)).toEqual([1500]);
    const notYet = await book.call('reports.run', { report: 'outstanding', filters: { step: 'none' } });
    expect(notYet.rows.map((r) => r.cells.open)).toEqual([46000]);
    const october = await book.call('reports.run', { report: 'outstanding', asOf: '2026-10-31', filters: { currency: 'USD' } });
    expect(table(october, ['dueDate', 'open'])).toEqual([
      ['2026-09-15', 1500],
      ['2026-11-03', 66000],
    ]);
  });

  it('revenue by month ties to the journal', async () => {
    const report = await book.call('reports.run', { report: 'revenueByMonth', from: '2026-01-01', to: '2026-11-26' });
    expect(table(report, ['month', 'invoicedNet', 'creditedNet', 'net', 'tax', 'total'])).toEqual([
      ['2026-08', 6000, 0, 6000, 100, 6100],
      ['2026-09', 3000, 0, 3000, 0, 3000],
      ['2026-10', 2000, 0, 2000, 0, 2000],
      ['2026-10', 60000, -500, 59500, 6000, 65500],
      ['2026-11', 1000, 0, 1000, 100, 1100],
    ]);
    const usd = report.totals.find((t) => t.currency === 'USD')!;
    expect(usd.cells).toEqual({ invoicedNet: 70000, creditedNet: -500, net: 69500, tax: 6200, total: 75700 });
    const journal = (accounts: string) =>
      book.backend.db
        .prepare<[], number>(
          `SELECT sum(l.credit_minor - l.debit_minor) FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id
           WHERE l.currency = 'USD' AND l.account IN (${accounts}) AND e.date BETWEEN '2026-01-01' AND '2026-11-26'`,
        )
        .pluck()
        .get();
    expect(journal("'4000', '4090', '4100'")).toBe(usd.cells.net);
    expect(journal("'2100'")).toBe(usd.cells.tax);
  });

  it('revenue by plan and by panel add up to the same net revenue', async () => {
    const byPlan = await book.call('reports.run', { report: 'revenueByPlan', from: '2026-01-01', to: '2026-11-26', filters: { currency: 'USD' } });
    expect(table(byPlan, ['plan', 'lines', 'net'])).toEqual([
      ['VPS', 1, 60000],
      ['Other (no contract)', 1, 5000],
      ['Own price (no plan)', 1, 3000],
      ['Basic', 2, 2000],
      ['Credit notes', 1, -500],
    ]);
    expect(byPlan.totals[0]?.cells.net).toBe(69500);
    const byPanel = await book.call('reports.run', { report: 'revenueByPanel', from: '2026-01-01', to: '2026-11-26', filters: { currency: 'USD' }, language: 'zh-CN' });
    expect(table(byPanel, ['panel', 'net'])).toEqual([
      ['Proxmox VE', 60000],
      ['其他（无合同）', 5000],
      ['无控制面板', 3000],
      ['cPanel', 2000],
      ['贷项通知单', -500],
    ]);
  });

  it('tax summary by rate, net of credit notes', async () => {
    const report = await book.call('reports.run', { report: 'taxSummary', from: '2026-01-01', to: '2026-11-26' });
    expect(report.rows.map((r) => [r.currency, r.cells.taxRate, r.cells.net, r.cells.tax, r.cells.total])).toEqual([
      ['EUR', '0 %', 2000, 0, 2000],
      ['USD', '0 %', 7500, 0, 7500],
      ['USD', '10 %', 62000, 6200, 68200],
    ]);
  });

  it('payments by method, bounced ones shown and taken off', async () => {
    const report = await book.call('reports.run', { report: 'paymentsByMethod', from: '2026-01-01', to: '2026-11-26', filters: { currency: 'USD' } });
    expect(table(report, ['method', 'payments', 'received', 'bounced', 'net'])).toEqual([
      ['Card', 1, 20000, 0, 20000],
      ['Bank transfer', 1, 6100, 0, 6100],
      ['Alipay', 1, 1000, 0, 1000],
      ['WeChat Pay', 1, 300, -300, 0],
    ]);
    expect(report.totals[0]?.cells).toEqual({ payments: 4, received: 27400, bounced: -300, net: 27100 });
  });

  it('restricted and suspended accounts, with what the client has overdue', async () => {
    const report = await book.call('reports.run', { report: 'restricted' });
    expect(table(report, ['client', 'contract', 'plan', 'status', 'since', 'clientOverdue'])).toEqual([['卡尔云测试', expect.any(String), 'Basic', 'Suspended', '2026-11-20', 1500]]);
  });

  it('contracts due for renewal or term review in the next 90 days', async () => {
    const report = await book.call('reports.run', { report: 'renewals', filters: { currency: 'USD' } });
    expect(report.from).toBe('2026-11-26');
    expect(report.to).toBe('2027-02-24');
    expect(table(report, ['client', 'plan', 'due', 'nextDue', 'termReview', 'price'])).toEqual([
      ['Acme Web', 'Basic', 'Renewal', '2026-12-01', null, 1000],
      ['卡尔云测试', 'Own price (no plan)', 'Renewal', '2026-12-01', null, 3000],
      ['卡尔云测试', 'Basic', 'Renewal', '2026-12-15', null, 1000],
      ['Acme Web', 'VPS', 'Term review', '2027-03-01', '2027-01-10', 60000],
    ]);
  });

  it('refuses a period that ends before it starts, naming the field, and an unknown client', async () => {
    expect(await book.refused('reports.run', { report: 'revenueByMonth', from: '2026-10-01', to: '2026-09-01' })).toEqual({ code: 'invalid_input', fields: ['to:date_order'] });
    expect((await book.refused('reports.run', { report: 'aging', filters: { clientId: 'cl_nobody000' } })).code).toBe('not_found');
  });
});

describe('an empty book', () => {
  it('has a dashboard of zeros without a currency, and reports without rows', async () => {
    const empty = await openBillingBook('2026-11-26');
    try {
      const d = await empty.call('dashboard.data', {});
      expect(d.currency).toBeNull();
      expect(d.mrrMinor).toBe(0);
      expect(d.mrrTrend).toHaveLength(24);
      expect(d.collectionRatePct).toBeNull();
      const report = await empty.call('reports.run', { report: 'outstanding' });
      expect(report.rows).toEqual([]);
      expect(report.totals).toEqual([]);
      const pdf = await empty.call('reports.pdf', { report: 'outstanding' });
      expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      empty.close();
    }
  });
});

describe('reports.csv and reports.pdf', () => {
  it('writes CSV with a BOM that parses back to the same figures, Chinese intact', async () => {
    const file = await book.call('reports.csv', { report: 'aging', filters: { currency: 'USD' }, language: 'zh-CN' });
    const bytes = Buffer.from(file.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true }) as string[][];
    expect(records[0]).toEqual(['客户', '币种', '未到期', '1–30 天', '31–60 天', '61–90 天', '90 天以上', '合计']);
    expect(records[2]).toEqual(['卡尔云测试', 'USD', '11.00', '0.00', '0.00', '15.00', '0.00', '26.00']);
    expect(records.at(-1)).toEqual(['合计', 'USD', '11.00', '460.00', '0.00', '15.00', '0.00', '486.00']);
    expect(file.fileName).toBe('应收账款账龄（按客户） 2026-11-26.csv');
  });

  it('writes a PDF that reads back with the title, a Chinese name and the totals', async () => {
    const file = await book.call('reports.pdf', { report: 'outstanding', language: 'zh-CN', filters: { currency: 'USD' } });
    const path = join(tempDir(), 'report.pdf');
    writeFileSync(path, Buffer.from(file.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('未结账单');
    expect(text).toContain('卡尔云测试');
    expect(text).toContain('截至 2026年11月26日');
    expect(text).toMatch(/合计 USD.*486\.00/);
    expect(text).toContain('第 1 页，共 1 页');
  });
});

describe('revenue by panel on a book with several plans per panel', () => {
  it('gives each panel one row, whatever plans its contracts are on', async () => {
    const other = await openBillingBook('2026-11-26');
    try {
      const client = await other.client({ name: 'Acme Web' });
      for (const [name, price] of [['Small', 1000], ['Large', 3000]] as const) {
        const plan = await other.call('plans.create', { name, kind: 'shared_hosting', currency: 'USD', prices: { monthly: price }, panelKind: 'cpanel' });
        const contractId = await other.contract(client, { planId: plan.id, cycle: 'monthly', startDate: '2026-10-01', nextDueDate: '2026-12-01' });
        const draft = await other.call('invoices.createDraft', { clientId: client, dueDate: '2026-11-15', lines: [{ description: `${name}, November`, unitPriceMinor: price, contractId }] });
        await other.call('invoices.issue', { id: draft.id, issueDate: '2026-11-01' });
      }
      const byPanel = await other.call('reports.run', { report: 'revenueByPanel', from: '2026-11-01', to: '2026-11-26', filters: { currency: 'USD' } });
      expect(table(byPanel, ['panel', 'lines', 'net'])).toEqual([['cPanel', 2, 4000]]);
    } finally {
      other.close();
    }
  });
});
