// A realistic month of statements against a small book: Alipay (GBK, Chinese counterparties),
// WeChat Pay, PayPal and a German bank CSV. Each incoming line gets the suggestion a person would
// make; accepting books payments through the ledger (which still balances); importing the same
// file again stores and books nothing new, and a booked line is never booked twice.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../shared/api/methods.js';
import { openBillingBook, type BillingBook } from '../fixtures/billingBook.js';

const sample = (name: string) => readFileSync(join(import.meta.dirname, '../fixtures/statements', name)).toString('base64');
type Line = Output<'statements.lines'>['items'][number];

let book: BillingBook;
const invoice = async (clientId: string, amounts: number[]) => {
  const draft = await book.call('invoices.createDraft', { clientId, dueDate: '2026-11-30', lines: amounts.map((a, i) => ({ description: `Hosting ${i + 1}`, unitPriceMinor: a })) });
  return book.call('invoices.issue', { id: draft.id });
};
let ids: Record<string, string>;

beforeEach(async () => {
  book = await openBillingBook('2026-11-26');
  const zhang = await book.client({ name: '张三', currency: 'CNY', email: 'zhangsan@example.cn', language: 'zh-CN' });
  const kaer = await book.client({ name: '卡尔云科技', company: '卡尔云科技有限公司', currency: 'CNY' });
  const wang = await book.client({ name: '王五', currency: 'CNY' });
  const zhao = await book.client({ name: '赵六', currency: 'CNY' });
  const acme = await book.client({ name: 'Acme Web', company: 'Acme Web Ltd', currency: 'USD', billingEmail: 'billing@acme.example' });
  const inv1 = await invoice(zhang, [10000]);
  const inv2 = await invoice(zhang, [5000]);
  const inv3 = await invoice(kaer, [30000]);
  const inv4 = await invoice(wang, [8000]);
  const inv5 = await invoice(zhao, [8000]);
  const inv6 = await invoice(acme, [2500]);
  const inv7 = await invoice(acme, [4000]);
  expect([inv1, inv2, inv3, inv4, inv5, inv6, inv7].map((i) => [i.number, i.openMinor])).toEqual([
    ['INV-2026-00001', 10000],
    ['INV-2026-00002', 5000],
    ['INV-2026-00003', 30000],
    ['INV-2026-00004', 8000],
    ['INV-2026-00005', 8000],
    ['INV-2026-00006', 2500],
    ['INV-2026-00007', 4000],
  ]);
  ids = { zhang, kaer, wang, zhao, acme, inv1: inv1.id, inv2: inv2.id, inv3: inv3.id, inv4: inv4.id, inv5: inv5.id, inv6: inv6.id, inv7: inv7.id };
});
afterEach(() => book.close());

const brief = (line: Line) => ({
  row: line.row,
  status: line.status,
  kind: line.suggestion?.kind ?? null,
  reason: line.suggestion?.reason ?? null,
  client: line.suggestion?.clientName ?? null,
  pays: line.suggestion?.allocations.map((a) => [a.number, a.amountMinor]) ?? [],
  credit: line.suggestion?.creditMinor ?? 0,
  candidates: line.suggestion?.candidates.map((c) => c.number) ?? [],
});

describe('statement matching', () => {
  it('suggests exact, partial, ambiguous and unknown matches for an Alipay statement, books the accepted lines once, and keeps the ledger balanced', async () => {
    const imported = await book.call('statements.import', { csvBase64: sample('alipay.csv'), format: 'alipay', fileName: 'alipay.csv' });
    expect(imported).toMatchObject({ lineCount: 6, newLines: 6, duplicates: 0, open: 5, booked: 0, matches: { exact: 2, partial: 1, ambiguous: 1, unknown: 1, overpaid: 0 } });

    const { items } = await book.call('statements.lines', { statementId: imported.id });
    expect(items.map(brief)).toEqual([
      { row: 19, status: 'open', kind: 'exact', reason: 'invoice_number', client: '张三', pays: [['INV-2026-00001', 10000]], credit: 0, candidates: [] },
      { row: 20, status: 'open', kind: 'partial', reason: 'client', client: '卡尔云科技', pays: [['INV-2026-00003', 12000]], credit: 0, candidates: [] },
      { row: 21, status: 'open', kind: 'ambiguous', reason: 'amount', client: null, pays: [], credit: 0, candidates: ['INV-2026-00004', 'INV-2026-00005'] },
      { row: 22, status: 'open', kind: 'unknown', reason: 'none', client: null, pays: [], credit: 0, candidates: ['INV-2026-00004', 'INV-2026-00005', 'INV-2026-00002', 'INV-2026-00001', 'INV-2026-00003'] },
      { row: 23, status: 'outgoing', kind: null, reason: null, client: null, pays: [], credit: 0, candidates: [] },
      { row: 25, status: 'open', kind: 'exact', reason: 'client_and_amount', client: '张三', pays: [['INV-2026-00002', 5000]], credit: 0, candidates: [] },
    ]);
    const [exact, partial, ambiguous, unknown, , second] = items;

    // An ambiguous line is not booked without a choice, and nothing of the call is kept.
    const refused = await book.refused('statements.accept', { lineIds: [exact!.id, ambiguous!.id] });
    expect(refused).toEqual({ code: 'invalid_input', fields: ['lineIds.1:required'] });
    expect((await book.call('payments.listByClient', { clientId: ids.zhang! })).items).toEqual([]);

    const accepted = await book.call('statements.accept', {
      lineIds: [exact!.id, partial!.id, ambiguous!.id, second!.id],
      choices: [{ lineId: ambiguous!.id, invoiceIds: [ids.inv5!] }],
    });
    expect(accepted.booked.map((b) => [b.clientId, b.amountMinor])).toEqual([
      [ids.zhang, 10000],
      [ids.kaer, 12000],
      [ids.zhao, 8000],
      [ids.zhang, 5000],
    ]);
    await book.call('statements.ignore', { lineIds: [unknown!.id] });

    const open = async (id: string) => (await book.call('invoices.get', { id })).openMinor;
    expect([await open(ids.inv1!), await open(ids.inv2!), await open(ids.inv3!), await open(ids.inv4!), await open(ids.inv5!)]).toEqual([0, 0, 18000, 8000, 0]);
    const payment = await book.call('payments.get', { id: accepted.booked[0]!.paymentId });
    expect(payment).toMatchObject({ method: 'alipay', date: '2026-11-20', amountMinor: 10000, reference: 'INV-2026-00001 主机续费' });
    await book.ledgerOk();

    // A line is booked once: accepting it again is refused.
    expect((await book.refused('statements.accept', { lineIds: [exact!.id] })).code).toBe('conflict');

    // The same file again: nothing new stored, nothing booked.
    const again = await book.call('statements.import', { csvBase64: sample('alipay.csv'), format: 'alipay', fileName: 'alipay.csv' });
    expect(again).toMatchObject({ lineCount: 6, newLines: 0, duplicates: 6 });
    const statuses = (await book.call('statements.lines', {})).items.map((l) => l.status);
    expect(statuses).toEqual(['booked', 'booked', 'booked', 'ignored', 'outgoing', 'booked']);
    const paymentsNow = (await book.call('payments.listByClient', { clientId: ids.zhang! })).items.length;
    expect(paymentsNow).toBe(2);
    await book.ledgerOk();
  });

  it('matches WeChat Pay by name and invoice number, PayPal by email, and a bank CSV with a decimal comma by number', async () => {
    const wechat = await book.call('statements.import', { csvBase64: sample('wechat.csv'), format: 'wechat' });
    const paypal = await book.call('statements.import', { csvBase64: sample('paypal.csv'), format: 'paypal' });
    const bank = await book.call('statements.import', {
      csvBase64: sample('bank-generic.csv'),
      format: 'generic',
      mapping: { date: 'Buchungstag', amount: 'Betrag', currency: 'Währung', reference: 'Verwendungszweck', counterparty: 'Auftraggeber/Empfänger', dateFormat: 'DD.MM.YYYY', decimalSeparator: ',', delimiter: ';' },
    });
    const lines = async (statementId: string) => (await book.call('statements.lines', { statementId, status: 'open' })).items.map(brief);
    expect(await lines(wechat.id)).toEqual([
      { row: 18, status: 'open', kind: 'exact', reason: 'client_and_amount', client: '王五', pays: [['INV-2026-00004', 8000]], credit: 0, candidates: [] },
      { row: 19, status: 'open', kind: 'exact', reason: 'invoice_number', client: '卡尔云科技', pays: [['INV-2026-00003', 30000]], credit: 0, candidates: [] },
    ]);
    expect(await lines(paypal.id)).toEqual([
      { row: 2, status: 'open', kind: 'exact', reason: 'client_and_amount', client: 'Acme Web', pays: [['INV-2026-00006', 2500], ['INV-2026-00007', 4000]], credit: 0, candidates: [] },
      { row: 3, status: 'open', kind: 'unknown', reason: 'none', client: null, pays: [], credit: 0, candidates: ['INV-2026-00007', 'INV-2026-00006'] },
    ]);
    expect(await lines(bank.id)).toEqual([
      { row: 2, status: 'open', kind: 'exact', reason: 'invoice_number', client: 'Acme Web', pays: [['INV-2026-00007', 4000]], credit: 0, candidates: [] },
      { row: 4, status: 'open', kind: 'unknown', reason: 'none', client: null, pays: [], credit: 0, candidates: ['INV-2026-00006', 'INV-2026-00007'] },
    ]);

    // PayPal and the bank both pay INV-2026-00007. Booked in one call, the bank line finds it paid
    // and is refused (with the PayPal line: nothing is kept); booked to the client by choice it is credit.
    const paypalLine = (await book.call('statements.lines', { statementId: paypal.id, status: 'open' })).items[0]!;
    const bankLine = (await book.call('statements.lines', { statementId: bank.id, status: 'open' })).items[0]!;
    expect(await book.refused('statements.accept', { lineIds: [paypalLine.id, bankLine.id] })).toEqual({ code: 'invalid_input', fields: ['lineIds.1:required'] });
    expect((await book.call('accounts.summary', { clientId: ids.acme! })).openMinor).toBe(6500);
    await book.call('statements.accept', { lineIds: [paypalLine.id, bankLine.id], choices: [{ lineId: bankLine.id, clientId: ids.acme! }] });
    const summary = await book.call('accounts.summary', { clientId: ids.acme! });
    expect(summary).toMatchObject({ openMinor: 0, creditMinor: 4000 });
    await book.ledgerOk();
  });

  it('refuses a statement with a bad row whole, naming the row', async () => {
    const text = 'date,amount\n2026-11-20,10.00\n2026-13-01,5.00\n';
    const answer = await book.backend.dispatch('statements.import', { text, format: 'generic', currency: 'USD', mapping: { date: 'date', amount: 'amount' } });
    expect(answer.ok).toBe(false);
    expect(JSON.stringify(answer)).toContain('Row 3');
    expect((await book.call('statements.list', {})).items).toEqual([]);
  });
});
