// The client and contract register, end to end: browser mode on a fresh data folder, the built
// renderer in headless Chromium, driven the way a reseller works — put plans on the price list,
// give a client contracts (one from a plan, its price filled in), have a bad contract refused with
// the error beside its field, end a contract with a reason, find the client by a contract's domain,
// read the client's activity, filter the contracts view, and — in a second, empty book — load the
// sample book from the empty client list. Screenshots of every screen in English and Chinese. The
// tests run in order and share one book.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import { addDays } from '../../shared/dates.js';
import { startBrowserMode, type BrowserMode } from '../fixtures/browserMode.js';
import { callApi, closeBook, errorBeside as errorOnPage, newWindow, openBook, screenshot as screenshotOf, type OpenBook } from './support/book.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let browser: Browser;
let page: Page;
/** The book's today (the server's clock and time zone), for dates relative to it. */
let today: string;
/** Console errors and uncaught exceptions of the main page (CSP violations show up here too). */
let browserErrors: string[];

const api = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callApi(server, method, input);

const screenshot = (name: string, on: Page = page) => screenshotOf(on, name);
const dialog = () => page.getByRole('dialog');
const mainHeading = (name: string) => page.getByRole('heading', { level: 1, name });
const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });

const errorBeside = (input: Locator) => errorOnPage(page, input);

const isFocused = (input: Locator) => input.evaluate((element) => element === element.ownerDocument.activeElement);

/** The first cells (row headers) of the table on screen, top to bottom. */
const rowHeaders = () => page.getByRole('rowheader').allInnerTexts();

async function submit(button: string) {
  await dialog().getByRole('button', { name: button, exact: true }).click();
  await dialog().waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  book = await openBook({ afterFirstDailyRun: true });
  ({ server, browser, page, browserErrors } = book);
  today = (await api('app.info', {})).today;
});

afterAll(() => closeBook(book));

describe('the client and contract register in browser mode', () => {
  it('puts plans on the price list, with prices per offered cycle and a restriction plan', async () => {
    await page.goto(server.url);
    await mainHeading('Clients').waitFor();
    await nav('Plans').click();
    await mainHeading('Plans').waitFor();
    expect(page.url()).toMatch(/#\/plans$/);
    await page.getByRole('heading', { name: 'No plans yet' }).waitFor();

    await page.getByRole('button', { name: 'New plan' }).first().click();
    let form = dialog();
    await form.getByRole('heading', { name: 'New plan' }).waitFor();
    await form.getByLabel('Name').fill('Lite (restricted)');
    await form.getByLabel(/^Currency/).fill('USD');
    await form.getByLabel('Monthly', { exact: true }).fill('1');
    await form.getByLabel('Control panel').selectOption('cpanel');
    await form.getByLabel('Package on the panel').fill('lite');
    await submit('Add plan');

    await page.getByRole('button', { name: 'New plan' }).first().click();
    form = dialog();
    await form.getByLabel('Name').fill('Pro Hosting');
    await form.getByLabel(/^Currency/).fill('USD');
    await form.getByLabel('Description').fill('10 GB web space, 5 sites');
    await form.getByLabel('Monthly', { exact: true }).fill('15');
    // Three decimals are not US dollars: refused beside the box before anything is sent.
    await form.getByLabel('Annual', { exact: true }).fill('150.005');
    await form.getByLabel('Control panel').selectOption('cpanel');
    await form.getByLabel('Package on the panel').fill('pro');
    await form.getByLabel('Restriction plan').selectOption({ label: 'Lite (restricted)' });
    await form.getByRole('button', { name: 'Add plan' }).click();
    const annual = form.getByLabel('Annual', { exact: true });
    expect(await errorBeside(annual)).toContain('Enter an amount such as 12.50');
    expect(await isFocused(annual)).toBe(true);
    await screenshot('plan-form-error-en.png');
    await annual.fill('150');
    await submit('Add plan');

    const pro = page.getByRole('row', { name: /Pro Hosting/ });
    await expect.poll(() => pro.innerText()).toContain('$150.00');
    expect(await pro.innerText()).toContain('$15.00');
    expect(await pro.innerText()).toContain('Lite (restricted)');
    expect(await pro.innerText()).toContain('Package: pro');
    expect((await api('plans.list', {})).items.find((plan) => plan.name === 'Pro Hosting')).toMatchObject({ prices: { monthly: 1500, annual: 15000 }, panelKind: 'cpanel', currency: 'USD' });
  });

  it('edits a plan in a dialog, archives it and shows it again with "show archived"', async () => {
    await api('plans.create', { name: 'Old VPS', kind: 'vps', currency: 'USD', prices: { monthly: 900 }, panelKind: 'proxmox' });
    await page.reload();
    await mainHeading('Plans').waitFor();
    await page.getByRole('button', { name: 'Edit Old VPS' }).click();
    await dialog().getByRole('heading', { name: 'Plan: Old VPS' }).waitFor();
    await dialog().getByLabel('Quarterly', { exact: true }).fill('25');
    await submit('Save changes');
    await expect.poll(() => page.getByRole('row', { name: /Old VPS/ }).innerText()).toContain('$25.00');

    await page.getByRole('button', { name: 'Archive Old VPS' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Old VPS/ }).count()).toBe(0);
    await page.getByLabel('Show archived plans (1)').check();
    await expect.poll(() => page.getByRole('row', { name: /Old VPS/ }).innerText()).toContain('Archived');
    await page.getByLabel('Show archived plans (1)').uncheck();
    await screenshot('plans-en.png');
  });

  it('gives a client a contract from a plan, with the plan’s price for the chosen cycle filled in', async () => {
    await api('clients.create', { name: 'Northwind Traders', currency: 'USD', email: 'ops@northwind.example', tags: ['agency'], country: 'US' });
    await nav('Clients').click();
    await page.getByRole('link', { name: 'Northwind Traders' }).click();
    await mainHeading('Northwind Traders').waitFor();
    await page.getByText('No contracts yet.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'New contract' }).click();
    const form = dialog();
    await form.getByRole('heading', { name: 'New contract for Northwind Traders' }).waitFor();
    expect(await isFocused(form.getByLabel('Plan', { exact: true }))).toBe(true);
    expect(await form.getByLabel('Start date').inputValue()).toBe(today);
    await form.getByLabel('Plan', { exact: true }).selectOption({ label: 'Pro Hosting (USD)' });
    const price = form.getByLabel('Price per billing cycle (USD)');
    expect(await price.inputValue()).toBe('15.00');
    await form.getByLabel('Billing cycle', { exact: true }).selectOption('annual');
    expect(await price.inputValue()).toBe('150.00');
    expect(await form.getByLabel('Service', { exact: true }).inputValue()).toBe('shared_hosting');
    expect(await form.getByLabel('Control panel').inputValue()).toBe('cpanel');
    await form.getByLabel('Domain or label').fill('northwind.example');
    // On cPanel the account reference is the username.
    await form.getByLabel('Panel username').fill('northwind');
    await form.getByLabel('Terms version').fill('v3');
    await form.getByLabel('Term review date').fill(addDays(today, 300));
    await form.getByLabel('Plan', { exact: true }).focus();
    await screenshot('contract-form-en.png');
    await submit('Add contract');

    const row = page.getByRole('row', { name: /northwind\.example/ });
    await expect.poll(() => row.innerText()).toContain('$150.00');
    expect(await row.innerText()).toContain('Pro Hosting');
    expect(await row.innerText()).toContain('Annual');
    const [saved] = (await api('contracts.search', { query: 'northwind.example' })).items;
    expect(saved).toMatchObject({ priceMinor: 15000, cycle: 'annual', panelAccount: 'northwind', nextDueDate: today, planName: 'Pro Hosting', termsVersion: 'v3' });
  });

  it('refuses a contract ending before it starts, with the error beside the end date, and saves it once corrected', async () => {
    await page.getByRole('button', { name: 'New contract' }).click();
    const form = dialog();
    await form.getByLabel('Service', { exact: true }).selectOption('domain');
    await form.getByLabel('Domain or label').fill('nwt-shop.example');
    await form.getByLabel('Billing cycle', { exact: true }).selectOption('annual');
    await form.getByLabel('Price per billing cycle (USD)').fill('12.99');
    await form.getByLabel('Start date').fill(addDays(today, 5));
    await form.getByLabel('End date').fill(addDays(today, -10));
    await form.getByLabel('Expires on').fill(addDays(today, 370));
    await form.getByRole('button', { name: 'Add contract' }).click();

    const endDate = form.getByLabel('End date');
    expect(await errorBeside(endDate)).toContain('This date is out of order with the other dates');
    expect(await isFocused(endDate)).toBe(true);
    expect(await form.getByRole('alert').first().innerText()).toContain('End date: This date is out of order');
    await screenshot('contract-form-error-en.png');

    await endDate.fill('');
    await submit('Add contract');
    const row = page.getByRole('row', { name: /nwt-shop\.example/ });
    await expect.poll(() => row.innerText()).toContain('$12.99');
    expect(await row.innerText()).toContain('Domain');
  });

  it('ends a contract now, with a reason, and shows its status history', async () => {
    await page.getByRole('button', { name: 'nwt-shop.example' }).click();
    const detail = dialog();
    await detail.getByRole('heading', { name: 'Contract: nwt-shop.example' }).waitFor();
    await detail.getByRole('button', { name: 'End contract' }).click();
    const end = dialog();
    await end.getByRole('heading', { name: 'End contract: nwt-shop.example' }).waitFor();
    // Without a reason the backend refuses, and says so beside the reason box.
    await end.getByLabel('Now').check();
    await end.getByRole('button', { name: 'End contract' }).click();
    expect(await errorBeside(end.getByLabel('Reason'))).toContain('This field is required');
    await end.getByLabel('Reason').fill('Duplicate order');
    await screenshot('end-contract-en.png');
    await end.getByRole('button', { name: 'End contract' }).click();

    await dialog().getByRole('heading', { name: 'Contract: nwt-shop.example' }).waitFor();
    const history = dialog().getByRole('table');
    await expect.poll(() => history.innerText()).toContain('Active → Cancelled');
    expect(await history.innerText()).toContain('Duplicate order');
    expect(await dialog().innerText()).toContain('This contract has ended and is kept as it was.');
    expect(await dialog().getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await screenshot('contract-detail-en.png');
    await dialog().getByRole('button', { name: 'Close' }).click();
    await dialog().waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('row', { name: /nwt-shop\.example/ }).innerText()).toContain('Cancelled');
    // Focus is back on the contract the reseller opened, though three dialogs came and went.
    expect(await isFocused(page.getByRole('button', { name: 'nwt-shop.example' }))).toBe(true);
  });

  it('finds the client by a contract’s domain in the clients search', async () => {
    await api('clients.create', { name: 'Contoso Ltd', currency: 'EUR', country: 'DE' });
    await nav('Clients').click();
    await mainHeading('Clients').waitFor();
    await page.getByRole('searchbox').fill('nwt-shop');
    await expect.poll(rowHeaders).toEqual(['Northwind Traders']);
    await page.getByRole('searchbox').fill('');
    await expect.poll(rowHeaders).toEqual(['Contoso Ltd', 'Northwind Traders']);
    await page.getByLabel('Currency', { exact: true }).fill('EUR');
    await expect.poll(rowHeaders).toEqual(['Contoso Ltd']);
    await page.getByLabel('Currency', { exact: true }).fill('');
    await page.getByLabel('Tag', { exact: true }).fill('agency');
    await expect.poll(rowHeaders).toEqual(['Northwind Traders']);
    await page.getByLabel('Tag', { exact: true }).fill('');
    await page.getByRole('searchbox').fill('nwt-shop');
    await expect.poll(rowHeaders).toEqual(['Northwind Traders']);
    await screenshot('clients-filtered-en.png');
  });

  it('opens the client page and reads the activity: contract ended, contracts added, client added', async () => {
    await page.getByRole('link', { name: 'Northwind Traders' }).click();
    await mainHeading('Northwind Traders').waitFor();
    const activity = page.getByRole('region', { name: 'Activity' }).getByRole('listitem');
    await expect.poll(() => activity.count()).toBe(4);
    const lines = await activity.allInnerTexts();
    expect(lines[0]).toContain('Contract ended');
    expect(lines[0]).toContain('nwt-shop.example');
    expect(lines[0]).toContain('Reason: Duplicate order');
    expect(lines[1]).toContain('Contract added');
    expect(lines[1]).toContain('nwt-shop.example');
    expect(lines[2]).toContain('Contract added');
    expect(lines[2]).toContain('northwind.example');
    expect(lines[3]).toContain('Client added');
    await screenshot('client-page-en.png');
  });

  it('records which fields an edit changed, and refuses to archive a client with live contracts', async () => {
    await page.getByRole('button', { name: 'northwind.example' }).click();
    await dialog().getByRole('button', { name: 'Edit' }).click();
    const form = dialog();
    await form.getByRole('heading', { name: 'Contract: northwind.example' }).waitFor();
    await form.getByLabel('Price per billing cycle (USD)').fill('160');
    await form.getByLabel('Notes').fill('Moved from shared plan');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await dialog().getByRole('heading', { name: 'Contract: northwind.example' }).waitFor();
    await expect.poll(() => dialog().innerText()).toContain('$160.00');
    await dialog().getByRole('button', { name: 'Close' }).click();
    await dialog().waitFor({ state: 'hidden' });
    const latest = page.getByRole('region', { name: 'Activity' }).getByRole('listitem').first();
    await expect.poll(() => latest.innerText()).toContain('Changed: Price, Notes');

    await page.getByRole('button', { name: 'Archive' }).click();
    await dialog().getByLabel('Reason').fill('No longer a client');
    await dialog().getByRole('button', { name: 'Archive client' }).click();
    await dialog().getByText('Northwind Traders still has live contracts (1). End them before archiving the client.').waitFor();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
  });

  it('filters the contracts view by "due in the next 30 days", and opens the client from a row', async () => {
    const contoso = (await api('clients.search', { query: 'contoso' })).items[0]!;
    await api('contracts.create', { clientId: contoso.id, kind: 'vps', label: 'vps-contoso-1', panelKind: 'proxmox', panelAccount: '101', priceMinor: 4900, cycle: 'monthly', startDate: addDays(today, -20), nextDueDate: addDays(today, 60) });
    await api('contracts.create', { clientId: contoso.id, kind: 'ssl_certificate', label: 'www.contoso.example', priceMinor: 2900, cycle: 'annual', startDate: addDays(today, -300), nextDueDate: addDays(today, 12), expiresOn: addDays(today, 12) });
    await nav('Contracts').click();
    await mainHeading('Contracts').waitFor();
    // Live contracts by next due date: the cancelled one is not among them.
    await expect.poll(rowHeaders).toEqual([expect.stringContaining('northwind.example'), expect.stringContaining('www.contoso.example'), expect.stringContaining('vps-contoso-1')]);
    await page.getByLabel('Due', { exact: true }).selectOption({ label: 'In the next 30 days or overdue' });
    await expect.poll(rowHeaders).toEqual([expect.stringContaining('northwind.example'), expect.stringContaining('www.contoso.example')]);
    expect(await page.getByRole('row', { name: /www\.contoso\.example/ }).innerText()).toContain('€29.00');
    await screenshot('contracts-en.png');

    await page.getByLabel('Due', { exact: true }).selectOption({ label: 'Any time' });
    await page.getByLabel('Cancelled').check();
    await page.getByLabel('Control panel').selectOption('proxmox');
    await expect.poll(rowHeaders).toEqual([expect.stringContaining('vps-contoso-1')]);
    await page.getByLabel('Control panel').selectOption('');
    await page.getByRole('searchbox').fill('northwind');
    await expect.poll(rowHeaders).toEqual([expect.stringContaining('northwind.example'), expect.stringContaining('nwt-shop.example')]);

    await page.getByRole('row', { name: /nwt-shop\.example/ }).getByRole('link', { name: 'Northwind Traders' }).click();
    await mainHeading('Northwind Traders').waitFor();
    await page.goBack();
    await mainHeading('Contracts').waitFor();
    // The filters are as they were left.
    expect(await page.getByRole('searchbox').inputValue()).toBe('northwind');
  });

  it('speaks Chinese on every screen of the register', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await mainHeading('合同').waitFor();
    // The arrears desk's entry may carry the count of lines waiting for a person.
    expect((await page.getByRole('navigation').getByRole('link').allInnerTexts()).map((text) => text.replace(/\s*\d+$/, ''))).toEqual(['催缴工作台', '客户', '合同', '价目表', '账单', '应收账款', '面板操作', '电话', '设置']);
    await page.getByRole('searchbox').fill('');
    await page.getByLabel('到期', { exact: true }).selectOption({ label: '30 天内到期或已逾期' });
    await expect.poll(rowHeaders).toHaveLength(2);
    expect(await page.getByRole('columnheader').allInnerTexts()).toEqual(['服务', '客户', '套餐', '价格', '下次到期', '状态']);
    expect(await page.getByRole('row', { name: /northwind\.example/ }).innerText()).toContain('年付');
    await screenshot('contracts-zh.png');

    await page.getByRole('navigation').getByRole('link', { name: '价目表' }).click();
    await mainHeading('价目表').waitFor();
    await expect.poll(() => page.getByRole('row', { name: /Pro Hosting/ }).innerText()).toContain('月付');
    await screenshot('plans-zh.png');

    await page.getByRole('navigation').getByRole('link', { name: '客户' }).click();
    await page.getByRole('link', { name: 'Northwind Traders' }).click();
    await mainHeading('Northwind Traders').waitFor();
    await expect.poll(() => page.getByRole('region', { name: '动态记录' }).innerText()).toContain('结束了合同');
    await screenshot('client-page-zh.png');

    await page.getByRole('button', { name: '新建合同' }).click();
    const form = dialog();
    await form.getByRole('heading', { name: '为 Northwind Traders 新建合同' }).waitFor();
    await form.getByLabel('套餐', { exact: true }).selectOption({ label: 'Pro Hosting（USD）' });
    await form.getByLabel('计价方式').selectOption('tiered');
    await form.getByRole('button', { name: '添加阶梯' }).click();
    await form.getByLabel('第 1 阶梯：上限').fill('10');
    await form.getByLabel('第 1 阶梯：单价').fill('1,5');
    await form.getByRole('button', { name: '添加合同' }).click();
    expect(await errorBeside(form.getByLabel('第 1 阶梯：单价'))).toContain('请输入金额，例如 12.50');
    await screenshot('contract-form-zh.png');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'nwt-shop.example' }).click();
    await dialog().getByRole('heading', { name: '合同：nwt-shop.example' }).waitFor();
    expect(await dialog().getByRole('table').innerText()).toContain('有效 → 已取消');
    await screenshot('contract-detail-zh.png');
    await dialog().getByRole('button', { name: '关闭' }).click();
    await dialog().waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: 'English' }).click();
    await mainHeading('Northwind Traders').waitFor();
  });

  it('loads the sample book from the empty state of an empty book, then scrolls its contracts page by page', async () => {
    const empty = await startBrowserMode();
    const context = await newWindow(browser);
    try {
      const fresh = await context.newPage();
      fresh.setDefaultTimeout(10_000);
      fresh.on('pageerror', (error) => browserErrors.push(error.message));
      await fresh.goto(empty.url);
      await fresh.getByRole('heading', { name: 'No clients yet' }).waitFor();
      await fresh.getByRole('button', { name: 'Load sample book' }).click();
      // Loading takes a few seconds; a progress bar says so meanwhile, then the list fills.
      await fresh.getByText(/Sample book loaded: 17 plans, 300 clients and \d+ contracts\./).waitFor({ timeout: 60_000 });
      await fresh.getByText('Clients shown: 50').waitFor();
      await screenshot('sample-book-en.png', fresh);

      await fresh.getByRole('navigation').getByRole('link', { name: 'Contracts' }).click();
      await fresh.getByText('Contracts shown: 50').waitFor();
      const scrollToEnd = () => fresh.locator('.table-scroll').evaluate((table) => table.scrollTo({ top: table.scrollHeight }));
      await scrollToEnd();
      await fresh.getByText('Contracts shown: 100').waitFor();
      await scrollToEnd();
      await fresh.getByText('Contracts shown: 150').waitFor();
      // However far it scrolled, only the rows in view are in the page.
      expect(await fresh.getByRole('row').count()).toBeLessThan(60);
      await screenshot('contracts-sample-en.png', fresh);
    } finally {
      await context.close();
      await empty.stop();
    }
  });

  it('ran without errors in the browser console', () => {
    expect(browserErrors).toEqual([]);
  });
});
