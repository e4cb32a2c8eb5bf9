// The evidence bundle end to end: browser mode on a fresh data folder, the built renderer in
// headless Chromium. On a client's page the reseller makes the bundle and saves the ZIP (its bytes
// hash to the SHA-256 the page shows and hold the PDF and the archived invoice), asks for a day
// after today and is told beside the date box, then makes the bundle of a dispute in Chinese. The
// saved PDF is looked at as PNG (pdftoppm), the screens in both languages.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import { addDays } from '../../shared/dates.js';
import { REPO_ROOT, type BrowserMode } from '../fixtures/browserMode.js';
import { callApi, closeBook, errorBeside, openBook, screenshot as screenshotOf, type OpenBook } from './support/book.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let page: Page;
let today: string;
let browserErrors: string[];

const api = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callApi(server, method, input);
const screenshot = (name: string) => screenshotOf(page, name);
const results = (name: string) => join(REPO_ROOT, 'test-results', name);

async function download(click: () => Promise<void>, prefix: string): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  const path = results(`${prefix}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

function zipNames(zip: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: false }, (error, file) => {
      if (error) return reject(error);
      const names: string[] = [];
      file.on('entry', (entry: yauzl.Entry) => names.push(entry.fileName));
      file.on('end', () => resolve(names));
      file.on('error', reject);
    });
  });
}

beforeAll(async () => {
  book = await openBook({ afterFirstDailyRun: true });
  ({ server, page, browserErrors } = book);
  today = (await api('app.info', {})).today;
  await api('company.update', { name: 'Harbour Hosting Ltd', addressLines: ['8 Quay Street'], paymentLines: ['Bank: 12-3456-789'] });
  const client = await api('clients.create', { name: 'Lotus Web Studio', currency: 'USD', address: { lines: ['88 Harbour Road'], city: 'Hong Kong', country: 'HK' } });
  await api('contracts.create', { clientId: client.id, label: 'lotus.example', kind: 'shared_hosting', cycle: 'monthly', priceMinor: 4900, startDate: addDays(today, -90), autoRenew: false, termsText: 'Paid monthly in advance.', termsVersion: 'v3' });
  const draft = await api('invoices.createDraft', { clientId: client.id, dueDate: addDays(today, -30), lines: [{ description: 'VPS, October', unitPriceMinor: 4900 }] });
  const invoice = await api('invoices.issue', { id: draft.id, issueDate: addDays(today, -45) });
  await api('documents.invoicePdf', { invoiceId: invoice.id });
  await api('disputes.open', { invoiceId: invoice.id, reason: 'Service was down for a week' });
});

afterAll(() => closeBook(book));

describe('the evidence bundle in browser mode', () => {
  it('is made from the client page; the ZIP downloads with the hash the page shows', async () => {
    await page.goto(server.url);
    // A book with clients opens on the arrears desk.
    await page.getByRole('heading', { level: 1, name: 'Arrears desk' }).waitFor();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.getByRole('link', { name: 'Lotus Web Studio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lotus Web Studio' }).waitFor();
    const section = page.getByRole('region', { name: 'Evidence bundle' });
    await section.getByRole('button', { name: 'Make evidence bundle' }).click();
    await section.getByRole('button', { name: 'Save ZIP' }).waitFor();
    await expect.poll(() => section.getByText(/Audit log verified: all \d+ rows check out/).count()).toBe(1);
    const shown = /SHA-256 of the ZIP: ([0-9a-f]{64})/.exec(await section.innerText())![1];
    // The bundle's PDF is now in the client's archive, listed without a reload.
    await page.getByRole('cell', { name: 'Evidence bundle', exact: true }).waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot('evidence-client-en.png');

    const zip = await download(() => section.getByRole('button', { name: 'Save ZIP' }).click(), 'evidence');
    expect(zip.name).toBe(`Evidence Lotus Web Studio ${today}.zip`);
    const bytes = readFileSync(zip.path);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);
    const names = await zipNames(bytes);
    expect(names).toEqual(expect.arrayContaining(['evidence.pdf', 'manifest.json', 'README.txt', 'csv/invoices.csv', 'audit_verify.json']));
    expect(names.filter((name) => name.startsWith('documents/') && name.endsWith('_invoice.pdf'))).toHaveLength(1);

    // The PDF, saved from the page and looked at as pictures.
    const pdf = await download(async () => {
      // As a pop-up blocker would: the page then saves the PDF instead of opening a tab.
      await page.evaluate('window.open = () => null');
      await section.getByRole('button', { name: 'Open PDF' }).click();
    }, 'evidence');
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
    expect(text).toContain('Evidence bundle – Lotus Web Studio');
    expect(text).toContain('Audit chain verified: yes');
    expect(text).toContain('Chronology');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf.path, results('evidence-pdf-en')]);
    expect(readFileSync(results('evidence-pdf-en-1.png')).byteLength).toBeGreaterThan(5_000);
    expect(browserErrors).toEqual([]);
  });

  it('refuses a day after today beside the date box', async () => {
    const section = page.getByRole('region', { name: 'Evidence bundle' });
    const date = section.getByLabel('Up to');
    await date.fill(addDays(today, 3));
    await section.getByRole('button', { name: 'Make evidence bundle' }).click();
    expect(await errorBeside(page, date)).toMatch(/not allowed|not be/i);
    await date.fill(today);
  });

  it('is made for a dispute, in Chinese', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('tab', { name: '还款计划与承诺付款' }).click();
    const button = page.getByRole('button', { name: '生成此争议的证据包' });
    await button.scrollIntoViewIfNeeded();
    await button.click();
    const item = page.locator('li.dispute');
    await item.getByRole('button', { name: '保存 ZIP' }).waitFor();
    await expect.poll(() => item.getByText(/审计日志校验通过/).count()).toBe(1);
    await item.scrollIntoViewIfNeeded();
    await screenshot('evidence-dispute-zh.png');
    const pdf = await download(() => item.getByRole('button', { name: '打开 PDF' }).click(), 'evidence-zh');
    const text = execFileSync('pdftotext', ['-layout', pdf.path, '-'], { encoding: 'utf8' });
    expect(text).toContain('证据包 – Lotus Web Studio');
    expect(text).toContain('Service was down for a week');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf.path, results('evidence-pdf-zh')]);
    await page.getByRole('button', { name: 'English' }).click();
    expect(browserErrors).toEqual([]);
  });
});
