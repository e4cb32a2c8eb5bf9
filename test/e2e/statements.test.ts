// Bank statements end to end: a book with Chinese and English clients and open invoices, an Alipay
// statement (GBK) uploaded in the browser, read, imported, reviewed — an ambiguous line booked to
// the invoice chosen, every exact match accepted at once, an unknown line ignored — then the same
// in 简体中文, and importing the same file again books nothing. Then clients from a WHMCS export in
// Settings → Import history, imported and undone. The tests run in order and share one book.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import type { BrowserMode } from '../fixtures/browserMode.js';
import { callApi, closeBook, openBook, screenshot as screenshotOf, type OpenBook } from './support/book.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let page: Page;
let browserErrors: string[];
const ids: Record<string, string> = {};

const api = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callApi(server, method, input);
const screenshot = (name: string) => screenshotOf(page, name);
const SAMPLES = join(import.meta.dirname, '..', 'fixtures', 'statements');
const rows = () => page.locator('.statement-lines tbody tr');
const rowOf = (text: string) => rows().filter({ hasText: text });

async function invoice(clientId: string, amount: number) {
  const draft = await api('invoices.createDraft', { clientId, lines: [{ description: 'Hosting', unitPriceMinor: amount }] });
  return api('invoices.issue', { id: draft.id });
}

beforeAll(async () => {
  book = await openBook({ afterFirstDailyRun: true });
  ({ server, page, browserErrors } = book);
  const client = async (input: Input<'clients.create'>) => (await api('clients.create', input)).id;
  ids.zhang = await client({ name: '张三', currency: 'CNY', email: 'zhangsan@example.cn' });
  ids.kaer = await client({ name: '卡尔云科技', currency: 'CNY' });
  ids.wang = await client({ name: '王五', currency: 'CNY' });
  ids.zhao = await client({ name: '赵六', currency: 'CNY' });
  const numbers = [];
  for (const [id, amount] of [[ids.zhang, 10000], [ids.zhang, 5000], [ids.kaer, 30000], [ids.wang, 8000], [ids.zhao, 8000]] as const) numbers.push((await invoice(id!, amount)).number);
  expect(numbers[0]).toMatch(/^INV-\d{4}-00001$/);
});

afterAll(() => closeBook(book));

describe('bank statements in browser mode', () => {
  it('reads an Alipay statement, imports it and shows each line with its suggested match', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Bank statements' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bank statements' }).waitFor();
    await page.getByLabel('Kind of file').selectOption('alipay');
    await page.locator('input[type=file]').setInputFiles(join(SAMPLES, 'alipay.csv'));
    await expect.poll(() => page.locator('.import-source .muted').innerText()).toBe('alipay.csv');
    await page.getByRole('button', { name: 'Read the file' }).click();
    await expect.poll(() => page.locator('.statement-preview tbody tr').count()).toBe(6);
    expect(await page.locator('.import-preview .notice').innerText()).toContain('GBK');
    expect(await page.locator('.statement-preview tbody').innerText()).toContain('INV-');
    await screenshot('statements-read-en.png');

    await page.getByRole('button', { name: 'Import 6 lines' }).click();
    await expect.poll(() => page.locator('.notice-success').first().innerText()).toContain('6 new lines');
    await expect.poll(() => rows().count()).toBe(5);
    expect(await rowOf('张三').first().innerText()).toContain('Exact');
    expect(await rowOf('卡尔云科技有限公司').innerText()).toContain('Partial');
    expect(await rowOf('李**').innerText()).toContain('Choose');
    expect(await rowOf('陌生人').innerText()).toContain('Unknown');
    await screenshot('statements-review-en.png');
  });

  it('books a chosen invoice, then every exact match, and sets an unknown line aside', async () => {
    // The 80.00 from 李** is open on two invoices: no Accept until one is chosen.
    const ambiguous = rowOf('李**');
    expect(await ambiguous.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    await ambiguous.getByRole('combobox').selectOption({ label: (await ambiguous.locator('option').nth(2).innerText()) });
    await ambiguous.getByRole('button', { name: 'Accept' }).click();
    await expect.poll(() => page.locator('.statement-lines').locator('..').locator('.notice-success').innerText()).toContain('Booked as payments: 1');

    await page.getByRole('button', { name: 'Accept all exact matches (2)' }).click();
    await expect.poll(() => rows().count()).toBe(2);
    await rowOf('陌生人').getByRole('button', { name: 'Ignore' }).click();
    await expect.poll(() => rows().count()).toBe(1);

    const zhangPayments = await api('payments.listByClient', { clientId: ids.zhang! });
    expect(zhangPayments.items.map((p) => [p.amountMinor, p.method]).sort()).toEqual([[10000, 'alipay'], [5000, 'alipay']].sort());
    expect((await api('accounts.summary', { clientId: ids.zhao! })).openMinor).toBe(0);
    expect((await api('accounts.summary', { clientId: ids.wang! })).openMinor).toBe(8000);
    const check = await api('books.check', {});
    expect(check.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('shows every line in 简体中文, and the same file imported again books nothing new', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('heading', { level: 1, name: '银行流水' }).waitFor();
    await page.getByLabel('显示').selectOption('all');
    await expect.poll(() => rows().count()).toBe(6);
    expect(await rowOf('陌生人').innerText()).toContain('已忽略');
    expect(await rowOf('阿里云').innerText()).toContain('支出');
    await screenshot('statements-review-zh.png');

    await page.getByLabel('文件类型').selectOption('alipay');
    await page.locator('input[type=file]').setInputFiles(join(SAMPLES, 'alipay.csv'));
    await page.getByRole('button', { name: '读取文件' }).click();
    await page.getByRole('button', { name: '导入 6 笔流水' }).click();
    await expect.poll(() => page.locator('.notice-success').first().innerText()).toContain('新增 0 笔，之前已导入 6 笔');
    expect((await api('payments.listByClient', { clientId: ids.zhang! })).items).toHaveLength(2);

    // A file with problems: each is named in Chinese, with the English sentence naming the value.
    const broken = ['"Date","Name","Status","Currency","Gross"', '"11/31/2026","Acme Web Ltd","Completed","USD","65.00"', '"11/20/2026","Acme Web Ltd","Completed","XX","65.00"'].join('\n');
    await page.getByLabel('文件类型').selectOption('paypal');
    await page.locator('input[type=file]').setInputFiles({ name: 'paypal-broken.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await page.getByRole('button', { name: '读取文件' }).click();
    await expect.poll(() => page.locator('.import-errors tbody tr').count()).toBe(2);
    const problems = await page.locator('.import-errors tbody').innerText();
    expect(problems).toContain('此项的值无效');
    expect(problems).toContain('"11/31/2026" is not a date in the form MM/DD/YYYY.');
    expect(problems).toContain('无法识别的币种代码');
    await page.getByRole('button', { name: 'English' }).click();
  });

  it('imports clients and contracts from a WHMCS export in Settings, then undoes it', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('link', { name: 'Import history' }).click();
    // By its heading's id: the region's name changes with the language.
    const panel = page.locator('section[aria-labelledby="client-import-heading"]');
    await panel.getByLabel('Exported from').selectOption('whmcs');
    await panel.getByLabel('CSV', { exact: true }).fill(
      [
        'id,firstname,lastname,companyname,email,country,currency_code,domain,billingcycle,amount,regdate,nextduedate',
        '17,Wei,Li,,li.wei@kaeryun.example.cn,CN,CNY,kaeryun.example.cn,Annually,1200.00,2025-03-01,2027-03-01',
        '23,Emily,Brown,,emily@brownsites.example,GB,GBP,brownsites.example,Monthly,4.50,2026-06-10,2026-12-10',
        '31,Bad,Mail,,not-an-email,BR,USD,,,,,',
      ].join('\n'),
    );
    await panel.getByRole('button', { name: 'Check the file' }).click();
    await expect.poll(() => panel.locator('.import-errors tbody tr').count()).toBe(1);
    expect(await panel.locator('.import-errors tbody').innerText()).toContain('email');
    expect(await panel.getByRole('button', { name: /^Import \d+ clients$/ }).count()).toBe(0);
    await panel.locator('.import-errors').scrollIntoViewIfNeeded();
    await screenshot('client-import-errors-en.png');
    await panel.getByLabel('CSV', { exact: true }).fill((await panel.getByLabel('CSV', { exact: true }).inputValue()).split('\n').slice(0, 3).join('\n'));
    await panel.getByRole('button', { name: 'Check the file' }).click();
    await panel.getByRole('button', { name: 'Import 2 clients' }).waitFor();
    // The preview in Chinese: the columns found by name, and the clients with their contracts.
    await page.getByRole('button', { name: '简体中文' }).click();
    await panel.getByRole('button', { name: '导入 2 个客户' }).waitFor();
    expect(await panel.getByLabel('计费周期').inputValue()).toBe('billingcycle');
    expect(await panel.locator('.import-preview tbody').innerText()).toContain('kaeryun.example.cn · 年付');
    await panel.locator('.client-import-mapping').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot('client-import-preview-zh.png');
    await page.getByRole('button', { name: 'English' }).click();
    await panel.getByRole('button', { name: 'Import 2 clients' }).click();
    await expect.poll(() => panel.locator('.notice-success').innerText()).toContain('Imported 2 clients and 2 contracts');
    expect((await api('clients.search', { query: 'Emily' })).items).toHaveLength(1);
    await panel.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await screenshot('client-import-en.png');

    await panel.getByRole('button', { name: 'Undo import' }).click();
    await panel.getByRole('button', { name: 'Remove everything it imported' }).click();
    await expect.poll(() => panel.locator('.notice-success').innerText()).toContain('Import undone');
    expect((await api('clients.search', { query: 'Emily' })).items).toHaveLength(0);
    expect(browserErrors).toEqual([]);
  });
});
