// Export for the accountant, end to end: a small book in browser mode and headless Chromium. The
// Exports screen writes every CSV into a folder (semicolons and decimal commas), each file parses
// back with csv-parse and keeps the Chinese client's name; a folder outside the allowed places is
// refused beside its box; the accountant package is written and the offer to lock the period
// locks it; Settings → Account codes saves a mapping the journal export then uses; without a folder
// the file is downloaded through the browser. Screenshots in
// English and 简体中文. The tests run in order and share one book.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import { EXPORT_DATASETS, exportFileName } from '../../shared/exports/columns.js';
import { lastMonth } from '../../renderer/src/exports/exportRequest.js';
import type { BrowserMode } from '../fixtures/browserMode.js';
import { tempDir } from '../fixtures/book.js';
import { COMPANY } from '../fixtures/documents.js';
import { callApi, closeBook, errorBeside, openBook, screenshot as screenshotOf, type OpenBook } from './support/book.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let page: Page;
let browserErrors: string[];
let period: { from: string; to: string };
const folder = tempDir('hostledger-e2e-exports-');
const CHINESE = '卡尔云测试有限公司';

const api = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callApi(server, method, input);
const screenshot = (name: string) => screenshotOf(page, name);

beforeAll(async () => {
  book = await openBook({ afterFirstDailyRun: true });
  ({ server, page, browserErrors } = book);
  const { today } = await api('app.info', {});
  period = lastMonth(today);
  await api('company.update', COMPANY);
  const rate = await api('taxRates.create', { name: 'VAT 6%', rateBp: 600 });
  for (const [name, currency] of [[CHINESE, 'CNY'], ['Acme Web', 'USD']] as const) {
    const client = await api('clients.create', { name, currency });
    const draft = await api('invoices.createDraft', { clientId: client.id, lines: [{ description: name === CHINESE ? '主机 月付' : 'Hosting', unitPriceMinor: 9900, taxRateId: rate.id }] });
    await api('invoices.issue', { id: draft.id, issueDate: period.from });
    await api('payments.record', { clientId: client.id, date: period.to, amountMinor: 5000, method: 'bank_transfer' });
  }
});

afterAll(() => closeBook(book));

describe('export for the accountant in browser mode', () => {
  it('writes every CSV into a folder, and each parses back', async () => {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Exports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Export for the accountant' }).waitFor();
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(period.from);
    expect(await page.getByLabel('To', { exact: true }).inputValue()).toBe(period.to);
    await page.getByLabel('Separator between fields').selectOption(';');
    await page.getByLabel('Decimal separator').selectOption(',');
    await page.getByLabel('Folder on this computer').fill(folder);
    await page.getByRole('button', { name: 'Export CSV files' }).click();
    const written = page.locator('.exports-written tbody tr');
    await expect.poll(() => written.count(), { timeout: 20_000 }).toBe(EXPORT_DATASETS.length);
    for (const dataset of EXPORT_DATASETS) {
      const rows = parse(readFileSync(join(folder, exportFileName(dataset, period.from, period.to))), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
      if (dataset !== 'credit_notes') expect(rows.length).toBeGreaterThan(0);
    }
    const invoices = parse(readFileSync(join(folder, exportFileName('invoices', period.from, period.to))), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(invoices.map((r) => r.client_name)).toContain(CHINESE);
    expect(invoices.map((r) => r.total)).toEqual(['104,94', '104,94']);
    await screenshot('exports-written-en.png');
  });

  it('refuses a folder outside the allowed places beside its box', async () => {
    const box = page.getByLabel('Folder on this computer');
    await box.fill('/etc');
    await page.getByRole('button', { name: 'Export CSV files' }).click();
    expect(await errorBeside(page, box)).toBe('Choose a folder in your home folder (or the temporary folder)');
    await expect.poll(() => box.evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    await box.fill(folder);
  });

  it('writes the accountant package and then locks the period when asked', async () => {
    await page.getByRole('button', { name: 'Make the accountant package' }).click();
    const offer = page.getByRole('alertdialog');
    await offer.waitFor({ timeout: 30_000 });
    expect(await page.locator('.exports-written tbody tr').innerText()).toContain('accountant-package_');
    expect(await page.getByRole('status').filter({ hasText: 'The package holds' }).innerText()).toContain('6 CSV files and 2 PDFs');
    await screenshot('exports-package-lock-offer-en.png');
    await offer.getByRole('button', { name: /^Lock up to/ }).click();
    await page.getByText(/The books are locked up to/).waitFor();
    expect((await api('billingSettings.get', {})).lockDate).toBe(period.to);
  });

  it('maps an account code in Settings and the journal export uses it', async () => {
    await page.getByRole('link', { name: 'Account codes for the journal…' }).click();
    await page.getByRole('heading', { level: 2, name: 'Account codes' }).waitFor();
    await page.getByLabel("Accountant's code for 1100 Accounts receivable").fill('1122');
    await page.getByLabel("Accountant's name for 1100 Accounts receivable").fill('Debtors');
    await page.getByRole('button', { name: 'Save account codes' }).click();
    await page.getByText('Saved.').waitFor();
    await screenshot('exports-account-codes-en.png');
    const journal = await api('exports.csv', { dataset: 'journal', from: period.from, to: period.to });
    const lines = parse(Buffer.from(journal.base64!, 'base64'), { bom: true, columns: true }) as Record<string, string>[];
    expect(lines.some((l) => l.account_code === '1122' && l.account_name === 'Debtors')).toBe(true);
  });

  it('downloads a file through the browser when no folder is given', async () => {
    await page.getByRole('link', { name: 'Exports' }).click();
    await page.getByRole('heading', { level: 1, name: 'Export for the accountant' }).waitFor();
    for (const name of ['Invoices', 'Invoice lines', 'Credit notes', 'Journal', 'Tax summary']) await page.getByRole('checkbox', { name: new RegExp(`^${name} —`) }).uncheck();
    await page.getByLabel('Folder on this computer').fill('');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV files' }).click()]);
    expect(download.suggestedFilename()).toBe(exportFileName('payments', period.from, period.to));
    const saved = join(folder, 'downloaded.csv');
    await download.saveAs(saved);
    const rows = parse(readFileSync(saved), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.amount)).toEqual(['50.00', '50.00']);
    expect(await page.locator('.exports-written tbody tr').innerText()).toContain('downloaded');
    for (const name of ['Invoices', 'Invoice lines', 'Credit notes', 'Journal', 'Tax summary']) await page.getByRole('checkbox', { name: new RegExp(`^${name} —`) }).check();
  });

  it('reads the same in 简体中文', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('heading', { level: 1, name: '导出给会计' }).waitFor();
    await page.getByLabel('本机文件夹').fill(folder);
    await page.getByRole('button', { name: '导出 CSV 文件' }).click();
    await expect.poll(() => page.locator('.exports-written tbody tr').count(), { timeout: 20_000 }).toBe(EXPORT_DATASETS.length);
    await screenshot('exports-written-zh.png');
    await page.getByRole('link', { name: '会计分录的科目代码…' }).click();
    await page.getByRole('heading', { level: 2, name: '科目代码' }).waitFor();
    await screenshot('exports-account-codes-zh.png');
    expect(browserErrors).toEqual([]);
  });
});
