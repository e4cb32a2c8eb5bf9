// Documents end to end: browser mode on a fresh data folder, the built renderer in headless
// Chromium. The reseller sets the company profile (an oversized logo refused beside its box
// first); opens, saves and prints an issued invoice's PDF from its dialog — the saved bytes are
// read back with pdftotext and hold the invoice's number and amount —; saves a statement's PDF;
// edits a letter template (an unknown placeholder is refused beside the body, naming it); writes
// a letter from a client's page and finds it in the archive and the communication log; and
// prints a batch of letters to everyone overdue, with its register. Screenshots of every
// documents screen in English and Chinese. The tests run in order and share one book.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import { addDays } from '../../shared/dates.js';
import { REPO_ROOT, type BrowserMode } from '../fixtures/browserMode.js';
import { callApi, closeBook, errorBeside as errorOnPage, openBook, screenshot as screenshotOf, type OpenBook } from './support/book.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let page: Page;
let today: string;
let lotusId: string;
let invoiceNumber: string;
let browserErrors: string[];

const api = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callApi(server, method, input);
const screenshot = (name: string) => screenshotOf(page, name);
const dialog = () => page.getByRole('dialog');
const mainHeading = (name: string) => page.getByRole('heading', { level: 1, name });
const nav = (name: string) => page.getByRole('navigation', { name: /Sections|功能区/ }).getByRole('link', { name, exact: true });
const settingsPage = (name: string) => page.getByRole('navigation', { name: /Settings pages|设置页面/ }).getByRole('link', { name, exact: true });
const errorBeside = (input: Locator) => errorOnPage(page, input);
const noDialog = () => expect.poll(() => dialog().count()).toBe(0);

/** The text of a PDF, as pdftotext reads it (poppler-utils). */
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

/** Clicks what starts a download and returns the downloaded file's path and suggested name. */
async function download(click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  const path = join(REPO_ROOT, 'test-results', `documents-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

async function openClient(name: string) {
  await nav('Clients').click();
  await page.getByRole('link', { name }).click();
  await mainHeading(name).waitFor();
}

beforeAll(async () => {
  book = await openBook({ afterFirstDailyRun: true });
  ({ server, page, browserErrors } = book);
  today = (await api('app.info', {})).today;
  lotusId = (await api('clients.create', { name: 'Lotus Web Studio', currency: 'USD', address: { lines: ['88 Harbour Road', 'Wan Chai'], city: 'Hong Kong', country: 'HK' } })).id;
  const late = await api('clients.create', { name: '卡尔云测试', currency: 'CNY', language: 'zh-CN', address: { lines: ['浦东新区世纪大道100号'], city: '上海', postalCode: '200120', country: 'CN' } });
  // One overdue invoice each for the batch: issued 60 days ago, due 45 days ago.
  for (const [clientId, description, price] of [
    [lotusId, 'VPS, October', 4900],
    [late.id, '云主机 10 月', 39900],
  ] as const) {
    const draft = await api('invoices.createDraft', { clientId, dueDate: addDays(today, -45), lines: [{ description, unitPriceMinor: price }] });
    await api('invoices.issue', { id: draft.id, issueDate: addDays(today, -60) });
  }
});

afterAll(() => closeBook(book));

describe('documents in browser mode', () => {
  it('sets the company profile, refusing an oversized logo beside its box', async () => {
    await page.goto(server.url);
    // A book with clients opens on the arrears desk; the client list is one link away.
    await mainHeading('Arrears desk').waitFor();
    await page.locator('.section-nav').getByRole('link', { name: 'Clients', exact: true }).click();
    await mainHeading('Clients').waitFor();
    await nav('Settings').click();
    await settingsPage('Company profile').click();
    await page.getByRole('heading', { name: 'Company profile' }).waitFor();
    expect(page.url()).toMatch(/#\/settings\/company$/);

    await page.getByLabel(/^Company name/).fill('Harbour Hosting Ltd');
    await page.getByLabel('Address').fill('Unit 5, 12 Queen’s Road\nCentral, Hong Kong');
    await page.getByLabel('Tax ID').fill('HK-12345678');
    await page.getByLabel('Email').fill('billing@harbour.example');
    await page.getByLabel('Payment details').fill('HSBC 123-456789-001\nAlipay billing@harbour.example');
    const logo = page.getByLabel('Logo file');
    await logo.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(800 * 1024, 1) });
    expect(await errorBeside(logo)).toBe('This file is larger than 700 KB. Choose a smaller image.');
    await logo.setInputFiles(join(REPO_ROOT, 'assets', 'icon.png'));
    await page.getByRole('img', { name: 'Your logo as it will be printed' }).waitFor();
    await page.getByLabel('Envelope size').selectOption('C5');
    await page.getByLabel('Window', { exact: true }).selectOption('right');
    await screenshot('company-profile-en.png');
    await page.getByRole('group', { name: 'Window envelopes' }).scrollIntoViewIfNeeded();
    await screenshot('company-profile-logo-en.png');
    await page.getByRole('button', { name: 'Save company profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const profile = await api('company.get', {});
    expect(profile).toMatchObject({
      name: 'Harbour Hosting Ltd',
      addressLines: ['Unit 5, 12 Queen’s Road', 'Central, Hong Kong'],
      taxId: 'HK-12345678',
      paymentLines: ['HSBC 123-456789-001', 'Alipay billing@harbour.example'],
      envelope: { format: 'C5', window: 'right' },
      configured: true,
    });
    expect(profile.logo?.bytes).toBe(readFileSync(join(REPO_ROOT, 'assets', 'icon.png')).length);
    await page.getByText(`Saved logo: ${profile.logo!.width} × ${profile.logo!.height} px`).waitFor();
  });

  it("opens, saves and prints an issued invoice's PDF from its dialog, and the saved bytes hold its number and amount", async () => {
    const draft = await api('invoices.createDraft', { clientId: lotusId, lines: [{ description: 'Shared hosting, annual', unitPriceMinor: 12_345 }] });
    invoiceNumber = (await api('invoices.issue', { id: draft.id })).number!;

    await nav('Invoices').click();
    await mainHeading('Invoices').waitFor();
    await page.getByRole('button', { name: invoiceNumber }).click();
    await dialog().getByRole('heading', { name: `Invoice ${invoiceNumber}` }).waitFor();
    const pdfButtons = dialog().getByRole('group', { name: `PDF of Invoice ${invoiceNumber}` });

    // Open: the browser's own viewer in a new tab, on a Blob URL of this origin.
    const [tab] = await Promise.all([page.context().waitForEvent('page'), pdfButtons.getByRole('button', { name: 'Open PDF' }).click()]);
    expect(tab.url()).toMatch(new RegExp(`^blob:${server.baseUrl}/`));
    await tab.close();

    const saved = await download(() => pdfButtons.getByRole('button', { name: 'Save PDF' }).click());
    expect(saved.name).toBe(`${invoiceNumber} Lotus Web Studio.pdf`);
    const text = pdfText(saved.path);
    expect(text).toContain(invoiceNumber);
    expect(text).toContain('123.45');
    expect(text).toContain('Harbour Hosting Ltd');
    expect(text).toContain('Lotus Web Studio');

    // Print loads the same PDF into a frame of this page (CSP: frame-src blob:) and prints it.
    // Headless Chromium has no print dialog — printing a PDF frame there crashes the page — so
    // the frame's print() is counted instead of run.
    await page.evaluate(() => {
      // In the page (no DOM types here): count the print frame's print() instead of running it.
      const scope = globalThis as unknown as { HTMLIFrameElement: { prototype: object }; printed?: string[] };
      const real = Object.getOwnPropertyDescriptor(scope.HTMLIFrameElement.prototype, 'contentWindow')!;
      Object.defineProperty(scope.HTMLIFrameElement.prototype, 'contentWindow', {
        get(this: { id: string; src: string }) {
          const frameWindow = real.get!.call(this) as object | null;
          if (this.id !== 'pdf-print-frame' || !frameWindow) return frameWindow;
          return { print: () => (scope.printed = [...(scope.printed ?? []), this.src]) };
        },
      });
    });
    await pdfButtons.getByRole('button', { name: 'Print' }).click();
    const printed = () => page.evaluate(() => (globalThis as unknown as { printed?: string[] }).printed ?? []);
    await expect.poll(printed).toHaveLength(1);
    expect((await printed())[0]).toMatch(new RegExp(`^blob:${server.baseUrl}/`));
    await screenshot('invoice-pdf-en.png');
    await dialog().getByRole('button', { name: 'Close' }).click();
    await noDialog();

    // Issued once: the archive holds it, and reopening gives the same bytes.
    const archived = await api('documents.list', { clientId: lotusId, kind: 'invoice' });
    const document = archived.items.find((item) => item.invoiceId === draft.id)!;
    expect(document.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await api('documents.get', { id: document.id });
    expect(Buffer.from(again.base64, 'base64').equals(readFileSync(saved.path))).toBe(true);
  });

  it('refuses a letter template with an unknown placeholder beside the body, naming it, then saves a new version', async () => {
    await nav('Settings').click();
    await settingsPage('Letter templates').click();
    await page.getByRole('heading', { name: 'Letter templates' }).waitFor();
    await page.getByRole('combobox', { name: 'Letter', exact: true }).selectOption('first_notice');
    await page.getByRole('combobox', { name: 'Letter language' }).selectOption('en');
    await expect.poll(() => page.locator('.template-version').innerText()).toMatch(/^Version 1 · the default wording/);
    const body = page.getByLabel(/^Letter\s*\(required\)/);
    const original = await body.inputValue();
    expect(original).toContain('{{');

    await body.fill(`${original}\n\nYour reference: {{client.nmae}}`);
    await page.getByRole('button', { name: 'Save template' }).click();
    expect(await errorBeside(body)).toContain('{{client.nmae}}');
    await screenshot('letter-template-error-en.png');
    expect((await api('templates.get', { kind: 'first_notice', language: 'en' })).version).toBe(1);

    // The placeholder list puts a known one where the caret is.
    await body.fill(`${original}\n\nYour reference: `);
    await body.press('End');
    await body.press('Control+End');
    await page.getByRole('button', { name: 'Insert {{client.name}}' }).click();
    await expect.poll(() => body.inputValue()).toMatch(/Your reference: \{\{client\.name\}\}$/);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('heading', { name: 'Preview for a sample client' }).waitFor();
    await page.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved as version 2.' }).waitFor();
    await expect.poll(() => page.locator('.template-version').innerText()).toMatch(/^Version 2 · your wording/);
    await screenshot('letter-templates-en.png');
    expect((await api('templates.get', { kind: 'first_notice', language: 'en' })).body).toContain('Your reference: {{client.name}}');
  });

  it("saves a client's statement for the month as a PDF from their account", async () => {
    await openClient('Lotus Web Studio');
    const account = page.getByRole('region', { name: 'Account', exact: true });
    await account.getByRole('tab', { name: 'Statement' }).click();
    const buttons = account.getByRole('group', { name: 'PDF of this statement' });
    const saved = await download(() => buttons.getByRole('button', { name: 'Save PDF' }).click());
    expect(saved.name).toBe(`Statement Lotus Web Studio ${today.slice(0, 8)}01 ${today}.pdf`);
    const text = pdfText(saved.path);
    expect(text).toContain('Lotus Web Studio');
    expect(text).toContain(invoiceNumber);
    await buttons.scrollIntoViewIfNeeded();
    await screenshot('statement-pdf-en.png');
  });

  it("writes a final notice from the client's page; it lands in the archive and the communication log", async () => {
    await openClient('Lotus Web Studio');
    await page.getByRole('button', { name: 'Write a letter' }).click();
    const writer = dialog();
    await writer.getByRole('heading', { name: 'Write a letter to Lotus Web Studio' }).waitFor();
    await writer.getByRole('combobox', { name: 'Letter', exact: true }).selectOption('final_notice');
    const suspension = writer.getByLabel(/^Suspension date/);
    expect(await suspension.inputValue()).toBe(addDays(today, 4));
    await suspension.fill(today);
    await writer.getByRole('button', { name: 'Issue letter' }).click();
    expect(await errorBeside(suspension)).toBe('Choose a day after today, so the client has time to pay.');
    await suspension.fill(addDays(today, 4));
    await writer.getByRole('button', { name: 'Preview' }).click();
    await writer.getByText(/not archived/).waitFor();
    await screenshot('letter-writer-en.png');
    expect((await api('documents.list', { clientId: lotusId, kind: 'final_notice' })).items).toHaveLength(0);
    await writer.getByRole('button', { name: 'Issue letter' }).click();
    await noDialog();
    await page.getByRole('status').filter({ hasText: 'was issued and archived' }).waitFor();

    const documents = page.getByRole('region', { name: 'Letters and documents' });
    await expect.poll(() => documents.getByRole('row').filter({ hasText: 'Final notice' }).count()).toBe(1);
    const [notice] = (await api('documents.list', { clientId: lotusId, kind: 'final_notice' })).items;
    expect(await documents.getByRole('row').filter({ hasText: 'Final notice' }).innerText()).toContain(notice!.sha256.slice(0, 12));
    await page.locator('#client-documents-heading').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await screenshot('client-documents-en.png');

    await documents.getByRole('tab', { name: 'Communication log' }).click();
    await expect.poll(() => documents.getByRole('row').count()).toBeGreaterThan(1);
    expect(await documents.getByRole('row').nth(1).innerText()).toContain('Letter');
    await screenshot('communication-log-en.png');
  });

  it('prints a batch of first notices to every client with overdue invoices, with its register', async () => {
    await nav('Invoices').click();
    await page.getByRole('link', { name: 'Print letters' }).click();
    await mainHeading('Print letters').waitFor();
    expect(page.url()).toMatch(/#\/documents\/batch$/);
    await expect.poll(() => page.getByRole('group', { name: /^Clients \(/ }).innerText()).toContain('卡尔云测试');
    expect(await page.getByRole('group', { name: /^Clients \(/ }).getByRole('checkbox').count()).toBe(2);
    await page.getByRole('combobox', { name: 'Letter', exact: true }).selectOption('first_notice');
    await page.getByLabel('Sort by').selectOption('amount');
    await page.getByLabel('Largest / last first').check();
    await screenshot('print-batch-en.png');
    await page.getByRole('button', { name: 'Print 2 letters' }).click();
    await page.getByRole('heading', { name: 'Batch printed' }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('region', { name: 'Batch printed' }).innerText()).toMatch(/2 letters on \d+ pages/);
    await screenshot('print-batch-done-en.png');

    const pdf = await download(() => page.getByRole('group', { name: 'PDF of the batch' }).getByRole('button', { name: 'Save PDF' }).click());
    const batchBytes = readFileSync(pdf.path);
    const text = pdfText(pdf.path);
    // Sorted by amount: currency by currency (CNY before USD), largest first within each.
    expect(text.indexOf('卡尔云测试')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('卡尔云测试')).toBeLessThan(text.indexOf('Lotus Web Studio'));
    const register = await download(() => page.getByRole('button', { name: 'Download register (CSV)' }).click());
    expect(register.name).toMatch(/\.csv$/);
    const csv = readFileSync(register.path, 'utf8');
    expect(csv).toContain('Lotus Web Studio');
    expect(csv).toContain('卡尔云测试');

    // The batch is listed among those printed, with the same PDF and register to download again.
    const earlier = page.getByRole('region', { name: 'Batches printed' });
    await expect.poll(() => earlier.getByRole('row').count()).toBe(2);
    const again = await download(() => earlier.getByRole('button', { name: 'Save PDF' }).click());
    expect(again.name).toBe(pdf.name);
    expect(readFileSync(again.path).equals(batchBytes)).toBe(true);
    const registerAgain = await download(() => earlier.getByRole('button', { name: /^Download the register of / }).click());
    expect(readFileSync(registerAgain.path, 'utf8')).toBe(csv);
  });

  it('speaks Chinese on every documents screen', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await mainHeading('批量打印信函').waitFor();
    expect(await page.locator('main').innerText()).not.toContain('发票');
    await screenshot('print-batch-zh.png');

    await nav('设置').click();
    await settingsPage('公司资料').click();
    await page.getByRole('heading', { name: '公司资料' }).waitFor();
    expect(await page.getByLabel('信封尺寸').locator('option:checked').innerText()).toBe('C5（162 × 229 毫米）');
    await screenshot('company-profile-zh.png');
    await page.getByRole('group', { name: '开窗信封' }).scrollIntoViewIfNeeded();
    await screenshot('company-profile-logo-zh.png');

    await settingsPage('信函模板').click();
    await page.getByRole('heading', { name: '信函模板' }).waitFor();
    await page.getByRole('combobox', { name: '信函语言' }).selectOption('zh-CN');
    await expect.poll(() => page.locator('.template-version').innerText()).toMatch(/^第 1 版/);
    const body = page.getByLabel(/^正文/);
    await body.fill(`${await body.inputValue()}\n{{客户名称}}`);
    await page.getByRole('button', { name: '保存模板' }).click();
    expect(await errorBeside(body)).toBe('{{客户名称}} 不是此信函可用的占位符，请从列表中选择。');
    await screenshot('letter-templates-zh.png');

    await nav('客户').click();
    await page.getByRole('link', { name: '卡尔云测试' }).click();
    await mainHeading('卡尔云测试').waitFor();
    const documents = page.getByRole('region', { name: '信函与文档' });
    await expect.poll(() => documents.getByRole('row').filter({ hasText: '第一次催缴通知' }).count()).toBe(1);
    await page.locator('#client-documents-heading').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await screenshot('client-documents-zh.png');
    await documents.getByRole('tab', { name: '沟通记录' }).click();
    await expect.poll(() => documents.getByRole('row').count()).toBeGreaterThan(1);
    await screenshot('communication-log-zh.png');

    // Without payment details the letter is still made, and the user is told in their language.
    await api('company.update', { paymentLines: [] });
    await page.getByRole('button', { name: '写信函' }).click();
    await dialog().getByRole('heading', { name: '给 卡尔云测试 写信函' }).waitFor();
    await dialog().getByRole('button', { name: '预览' }).click();
    await dialog().getByRole('button', { name: '打开 PDF' }).waitFor();
    const [tab] = await Promise.all([page.context().waitForEvent('page'), dialog().getByRole('button', { name: '打开 PDF' }).click()]);
    await tab.close();
    expect(await dialog().locator('.document-warnings').innerText()).toContain('尚未设置付款方式');
    await screenshot('letter-writer-zh.png');
    await dialog().getByRole('button', { name: '取消' }).click();
    await noDialog();

    const [invoice] = (await api('invoices.search', { clientId: (await api('clients.search', { query: '卡尔云' })).items[0]!.id })).items;
    await nav('账单').click();
    await page.getByRole('button', { name: invoice!.number! }).click();
    await dialog().getByRole('group', { name: `账单 ${invoice!.number!} 的 PDF` }).waitFor();
    // Without payment details the invoice is still issued, with a line asking the client to get in
    // touch, and the user is told what to add — in their language.
    const saved = await download(() => dialog().getByRole('button', { name: '保存 PDF' }).click());
    await expect.poll(() => dialog().locator('.document-warnings').innerText()).toContain('尚未设置付款方式');
    await screenshot('invoice-pdf-zh.png');
    const text = pdfText(saved.path);
    expect(text).toContain(invoice!.number!);
    expect(text).toContain('399.00');
    expect(text).toContain('账单');
  });

  it('ran without errors in the browser console', () => {
    expect(browserErrors).toEqual([]);
  });
});
