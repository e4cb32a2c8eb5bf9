// Clients, end to end: browser mode on a fresh data folder, the built renderer in headless
// Chromium, driven the way a reseller works — open the printed link, add clients, search, fix a
// refused field, edit, switch to Chinese. The tests run in order and share one book.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import type { BrowserMode } from '../fixtures/browserMode.js';
import { callApi, closeBook, newWindow, openBook, screenshot as screenshotOf, type OpenBook } from './support/book.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let browser: Browser;
let page: Page;
/** Console errors and uncaught exceptions of the main page (CSP violations show up here too). */
let browserErrors: string[];

const api = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callApi(server, method, input);

const findClient = async (name: string) => (await api('clients.search', { query: name })).items.find((client) => client.name === name);

/** The names in the client table, top to bottom. */
const shownNames = () => page.getByRole('rowheader').allInnerTexts();

const screenshot = (name: string) => screenshotOf(page, name);

const dialog = () => page.getByRole('dialog');

/** Scrolls the virtual table to its last row, as a reader dragging the scroll bar down. */
async function scrollTableToEnd() {
  await page.locator('.table-scroll').evaluate((table) => table.scrollTo({ top: table.scrollHeight }));
}

async function search(text: string) {
  await page.getByRole('searchbox').fill(text);
}

async function openNewClientForm() {
  await page.getByRole('button', { name: 'New client' }).first().click();
  await dialog().getByRole('heading', { name: 'New client' }).waitFor();
}

async function submitAndWaitUntilClosed(button: string) {
  await dialog().getByRole('button', { name: button }).click();
  await dialog().waitFor({ state: 'hidden' });
}

beforeAll(async () => {
  book = await openBook({ afterFirstDailyRun: false });
  ({ server, browser, page, browserErrors } = book);
});

afterAll(() => closeBook(book));

describe('clients in browser mode', () => {
  it('opens the printed link, hides the token and shows an empty client list', async () => {
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.getByRole('heading', { name: 'No clients yet' }).waitFor();
    expect(await page.getByRole('button', { name: 'Load sample book' }).isVisible()).toBe(true);
    expect(page.url()).not.toContain('token');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot('clients-empty-en.png');
  });

  it('adds a client with every field of the form, saved as typed', async () => {
    await openNewClientForm();
    const form = dialog();
    expect(await form.getByLabel('Currency').inputValue()).toBe('USD');
    expect(await form.getByLabel('Name').evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);

    await form.getByLabel('Name').fill('Acme Hosting Ltd');
    await form.getByLabel('Company').fill('Acme Holdings');
    await form.getByLabel('Contact person').fill('Jane Roe');
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill('jane@acme.example');
    await form.getByLabel('Billing email').fill('billing@acme.example');
    await form.getByLabel('Phone').fill('+1 555 0100');
    await form.getByLabel('Street address').fill('1 Main Street\nSuite 5');
    await form.getByLabel('City').fill('Springfield');
    await form.getByLabel('State or province').fill('IL');
    await form.getByLabel('Postal code').fill('62701');
    await form.getByLabel('Country', { exact: true }).fill('us');
    await form.getByLabel('Tax country').fill('US');
    await form.getByLabel('Tax ID').fill('US-123');
    await form.getByLabel('Currency').fill('EUR');
    await form.getByRole('checkbox', { name: 'Letter' }).check();
    await form.getByLabel('Tags').fill('vip, reseller');
    await form.getByLabel('Notes').fill('Pays by bank transfer.');
    await submitAndWaitUntilClosed('Add client');

    await expect.poll(shownNames).toEqual(['Acme Hosting Ltd']);
    const saved = await findClient('Acme Hosting Ltd');
    expect(saved).toMatchObject({
      company: 'Acme Holdings',
      contactName: 'Jane Roe',
      email: 'jane@acme.example',
      billingEmail: 'billing@acme.example',
      phone: '+1 555 0100',
      address: { lines: ['1 Main Street', 'Suite 5'], city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' },
      country: 'US',
      taxId: 'US-123',
      language: 'en',
      currency: 'EUR',
      channels: ['email', 'letter'],
      notes: 'Pays by bank transfer.',
      tags: ['vip', 'reseller'],
    });
  });

  it('starts the next client in the last currency used and leaves empty fields out', async () => {
    await openNewClientForm();
    expect(await dialog().getByLabel('Currency').inputValue()).toBe('EUR');
    await dialog().getByLabel('Name').fill('Beta Web Services');
    await submitAndWaitUntilClosed('Add client');

    await expect.poll(shownNames).toEqual(['Acme Hosting Ltd', 'Beta Web Services']);
    expect(await findClient('Beta Web Services')).toMatchObject({ company: null, email: null, address: null, currency: 'EUR', tags: [] });
  });

  it('searches as you type, by the start of a word', async () => {
    await search('acm');
    await expect.poll(shownNames).toEqual(['Acme Hosting Ltd']);
    await search('web serv');
    await expect.poll(shownNames).toEqual(['Beta Web Services']);
    await search('nobody');
    await page.getByText('No client matches “nobody”.').waitFor();
    await search('');
    await expect.poll(shownNames).toEqual(['Acme Hosting Ltd', 'Beta Web Services']);
  });

  it('finds a client with a Chinese company name by a Chinese prefix', async () => {
    await openNewClientForm();
    await dialog().getByLabel('Name').fill('王小明');
    await dialog().getByLabel('Company').fill('卡尔云计算有限公司');
    await dialog().getByLabel('Currency').fill('CNY');
    await dialog().getByLabel('Language of letters and emails').selectOption('zh-CN');
    await submitAndWaitUntilClosed('Add client');
    expect(await findClient('王小明')).toMatchObject({ company: '卡尔云计算有限公司', currency: 'CNY', language: 'zh-CN' });

    await search('卡尔云');
    await expect.poll(shownNames).toEqual(['王小明']);
    await search('');
    await expect.poll(shownNames).toHaveLength(3);
    await screenshot('clients-en.png');
  });

  it('shows the refused email beside the email field, focuses it, and saves once corrected', async () => {
    await openNewClientForm();
    const form = dialog();
    await form.getByLabel('Name').fill('Gamma Ltd');
    await form.getByRole('textbox', { name: 'Email', exact: true }).fill('not-an-email');
    await form.getByRole('button', { name: 'Add client' }).click();

    const email = form.getByRole('textbox', { name: 'Email', exact: true });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).not.toBe('');
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toContain('Enter a valid email address, like name@example.com');
    expect(await email.evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    expect(await form.getByRole('alert').innerText()).toContain('Email: Enter a valid email address');
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBeNull();
    await screenshot('client-form-error-en.png');

    await email.fill('ops@gamma.example');
    await submitAndWaitUntilClosed('Add client');
    expect(await findClient('Gamma Ltd')).toMatchObject({ email: 'ops@gamma.example' });
  });

  it('closes the form with Escape without saving', async () => {
    await openNewClientForm();
    await dialog().getByLabel('Name').fill('Never Saved Ltd');
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    expect(await findClient('Never Saved Ltd')).toBeUndefined();
  });

  it('opens the client page by clicking a row, edits the client record there, and goes back to the list', async () => {
    await page.getByRole('row', { name: /Acme Hosting Ltd/ }).getByRole('cell', { name: 'Acme Holdings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acme Hosting Ltd' }).waitFor();
    expect(page.url()).toMatch(/#\/clients\/cl_/);
    await page.getByRole('button', { name: 'Edit client record' }).click();
    const form = dialog();
    await form.getByRole('heading', { name: 'Client record: Acme Hosting Ltd' }).waitFor();
    expect(await form.getByLabel('Street address').inputValue()).toBe('1 Main Street\nSuite 5');
    expect(await form.getByRole('checkbox', { name: 'Letter' }).isChecked()).toBe(true);

    await form.getByLabel('Company').fill('');
    await form.getByLabel('Phone').fill('+1 555 0199');
    await form.getByRole('checkbox', { name: 'SMS' }).check();
    await form.getByLabel('Notes').scrollIntoViewIfNeeded();
    await screenshot('client-record-en.png');
    await submitAndWaitUntilClosed('Save changes');

    await page.getByText('+1 555 0199').waitFor();
    expect(await findClient('Acme Hosting Ltd')).toMatchObject({
      company: null,
      phone: '+1 555 0199',
      channels: ['email', 'letter', 'sms'],
      email: 'jane@acme.example',
      version: 2,
    });

    // The browser's back button returns to the list, where the emptied company shows too.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    // The first cell is the Risk column; the company is the second.
    await expect.poll(() => page.getByRole('row', { name: /Acme Hosting Ltd/ }).getByRole('cell').nth(1).innerText()).toBe('');
  });

  it('opens the client page from the keyboard', async () => {
    await page.getByRole('link', { name: 'Beta Web Services' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Beta Web Services' }).waitFor();
    // Focus moves to the page just opened, so the next Tab starts there.
    expect(await page.locator('main').evaluate((main) => main === main.ownerDocument.activeElement)).toBe(true);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
  });

  it('offers to reload when the client was changed elsewhere meanwhile', async () => {
    await page.getByRole('link', { name: 'Gamma Ltd' }).click();
    await page.getByRole('button', { name: 'Edit client record' }).click();
    const form = dialog();
    await form.getByRole('heading', { name: 'Client record: Gamma Ltd' }).waitFor();
    const gamma = await findClient('Gamma Ltd');
    await api('clients.update', { id: gamma!.id, contactName: 'Sam Lee' });

    await form.getByLabel('Phone').fill('+44 20 7946 0000');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.getByText('Someone changed this client elsewhere since you opened it.', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => form.getByLabel('Contact person').inputValue()).toBe('Sam Lee');

    await form.getByLabel('Phone').fill('+44 20 7946 0000');
    await submitAndWaitUntilClosed('Save changes');
    expect(await findClient('Gamma Ltd')).toMatchObject({ contactName: 'Sam Lee', phone: '+44 20 7946 0000' });
    await page.getByRole('navigation').getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
  });

  it('shows a client added elsewhere without a reload (the clients.changed event)', async () => {
    await api('clients.create', { name: 'Delta Domains', currency: 'GBP' });
    await expect.poll(shownNames).toContain('Delta Domains');
  });

  it('pages through a long result with "Load more", and fetches the next page when scrolled near the end', async () => {
    for (let n = 1; n <= 55; n++) await api('clients.create', { name: `Zeta Reseller ${String(n).padStart(2, '0')}`, currency: 'USD' });
    await search('zeta');
    // The whole book is more than 50 clients too: wait for the first page of *this* search.
    await expect.poll(async () => (await shownNames()).every((name) => name.startsWith('Zeta '))).toBe(true);
    await page.getByText('Clients shown: 50').waitFor();
    // Only the rows in view are in the page: the table is virtual.
    expect((await shownNames()).length).toBeLessThan(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('Clients shown: 55').waitFor();
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await scrollTableToEnd();
    await expect.poll(async () => (await shownNames()).at(-1)).toBe('Zeta Reseller 55');

    await search('');
    await page.getByText('Clients shown: 50').waitFor();
    await scrollTableToEnd();
    await page.getByText('Clients shown: 60').waitFor();
    await page.locator('.table-scroll').evaluate((table) => table.scrollTo({ top: 0 }));
  });

  it('switches to Chinese, translates labels and field errors, and keeps the choice after a reload', async () => {
    await search('');
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('heading', { level: 1, name: '客户' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // The arrears desk's entry may carry the count of lines waiting for a person.
    expect((await page.getByRole('navigation').getByRole('link').allInnerTexts()).map((text) => text.replace(/\s*\d+$/, ''))).toEqual(['催缴工作台', '客户', '合同', '价目表', '账单', '应收账款', '面板操作', '电话', '设置']);
    expect(await page.getByRole('columnheader').allInnerTexts()).toEqual(['名称', '风险评分', '公司', '邮箱', '币种', '标签']);
    await expect.poll(async () => (await shownNames()).slice(0, 4)).toEqual(['Acme Hosting Ltd', 'Beta Web Services', 'Delta Domains', 'Gamma Ltd']);
    await screenshot('clients-zh.png');

    await page.getByRole('button', { name: '新建客户' }).first().click();
    const form = dialog();
    await form.getByRole('heading', { name: '新建客户' }).waitFor();
    await form.getByLabel('名称').fill('测试客户');
    await form.getByRole('textbox', { name: '邮箱', exact: true }).fill('坏地址');
    await form.getByRole('button', { name: '添加客户' }).click();
    await form.getByText('请输入有效的邮箱地址，例如 name@example.com').first().waitFor();
    expect(await form.getByRole('group', { name: '邮寄地址' }).isVisible()).toBe(true);
    await screenshot('client-form-zh.png');
    await form.getByLabel('备注').scrollIntoViewIfNeeded();
    await screenshot('client-form-zh-more.png');
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'hidden' });

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '客户' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await api('preferences.get', {})).toMatchObject({ language: 'zh-CN' });
  });

  it('tells a tab without a valid token to open the printed link', async () => {
    const context = await newWindow(browser);
    try {
      const stranger = await context.newPage();
      await stranger.goto(`${server.baseUrl}/`);
      await stranger.getByRole('heading', { name: 'This window is not connected to HostLedger' }).waitFor();
      expect(await stranger.getByText('npm run web').isVisible()).toBe(true);

      const wrongToken = await context.newPage();
      await wrongToken.goto(`${server.baseUrl}/#token=not-the-token`);
      await wrongToken.getByRole('heading', { name: 'This window is not connected to HostLedger' }).waitFor();
      await screenshotOf(wrongToken, 'signed-out-en.png');
    } finally {
      await context.close();
    }
  });

  it('ran without errors in the browser console', () => {
    expect(browserErrors).toEqual([]);
  });
});
