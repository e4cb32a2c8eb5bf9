// The dashboard and the reports, end to end: the sample book in browser mode and headless
// Chromium. The dashboard shows the figures the API gives, a click on an aging bar opens the
// outstanding invoices of that bucket, a risk band's bar opens the clients of that band, a report
// is saved as PDF (read back with pdftotext) and CSV, and all of it again in 简体中文. The tests
// run in order and share one book; screenshots go to test-results/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import { formatMoney } from '../../shared/money.js';
import { REPO_ROOT, type BrowserMode } from '../fixtures/browserMode.js';
import { callApi, closeBook, openBook, type OpenBook } from './support/book.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let page: Page;
let browserErrors: string[];
let dashboard: Output<'dashboard.data'>;

const api = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callApi(server, method, input);
const mainHeading = (name: string) => page.getByRole('heading', { level: 1, name });
const nav = (name: string) => page.getByRole('navigation', { name: /Sections|功能区/ }).getByRole('link', { name, exact: true });
/** The whole screen in a window tall enough for every chart (the main area scrolls on its own, so a full-page shot would not). */
async function screenshot(name: string, height = 1900) {
  await page.setViewportSize({ width: 1280, height });
  await page.screenshot({ path: join(REPO_ROOT, 'test-results', name) });
  await page.setViewportSize({ width: 1280, height: 800 });
}
const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

async function download(click: () => Promise<void>): Promise<{ path: string; name: string }> {
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  const path = join(REPO_ROOT, 'test-results', `dashboard-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

beforeAll(async () => {
  book = await openBook({ afterFirstDailyRun: true });
  ({ server, page, browserErrors } = book);
  await api('demo.load', {});
  // Scored first, so the risk bands and the expected cash have something to weigh.
  await api('risk.list', {});
  dashboard = await api('dashboard.data', {});
});

afterAll(() => closeBook(book));

describe('dashboard and reports in browser mode', () => {
  it('shows the figures of the most used currency, each chart with its table', async () => {
    await page.goto(server.url);
    await nav('Dashboard').click();
    await mainHeading('Dashboard').waitFor();
    const currency = dashboard.currency!;
    await expect.poll(() => page.getByTestId('mrr').innerText()).toBe(formatMoney(dashboard.mrrMinor, currency, 'en'));
    expect(dashboard.mrrMinor).toBeGreaterThan(0);
    for (const id of ['chart-mrr', 'chart-cash', 'chart-aging', 'chart-ladder', 'chart-risk', 'chart-expected']) await page.getByTestId(id).waitFor();
    // Recharts draws the bars once it has measured its box.
    await expect.poll(() => page.locator('[data-testid=chart-aging] .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    await page.getByTestId('chart-aging').getByText('Show the figures as a table').click();
    const over90 = page.getByTestId('chart-aging').getByRole('row', { name: /90\+ days/ });
    expect(await over90.innerText()).toContain(formatMoney(dashboard.aging.over90, currency, 'en'));
    await screenshot('dashboard-en.png');

    // Printed: no navigation, header or buttons; the charts stay.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Sections' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await page.getByTestId('chart-cash').isVisible()).toBe(true);
    await screenshot('dashboard-print-en.png', 2600);
    await page.emulateMedia({ media: 'screen' });
  });

  it('opens the outstanding invoices of an aging bucket from its bar, and saves the report as PDF and CSV', async () => {
    const currency = dashboard.currency!;
    // The last segment of the stacked aging bar is 90+ days.
    await page.locator('[data-testid=chart-aging] .recharts-bar-rectangle').last().click();
    await mainHeading('Reports').waitFor();
    expect(new URL(page.url()).hash).toContain(`#/reports/outstanding?currency=${currency}&bucket=over90`);
    expect(await page.getByLabel('Report', { exact: true }).inputValue()).toBe('outstanding');
    expect(await page.getByLabel('Age', { exact: true }).inputValue()).toBe('over90');
    const expected = await api('reports.run', { report: 'outstanding', filters: { currency, bucket: 'over90' } });
    expect(expected.rows.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.report-table tbody tr').count()).toBe(expected.rows.length);
    const total = expected.totals[0]!.cells.open as number;
    expect(total).toBe(dashboard.aging.over90);
    expect(await page.locator('.report-table tfoot').innerText()).toContain(formatMoney(total, currency, 'en'));
    await screenshot('reports-outstanding-en.png', 1000);

    const pdf = await download(() => page.getByRole('button', { name: 'Save PDF' }).click());
    expect(pdf.name).toMatch(/^Outstanding invoices \d{4}-\d{2}-\d{2}\.pdf$/);
    const text = pdfText(pdf.path);
    expect(text).toContain('Outstanding invoices');
    expect(text).toContain(String(expected.rows[0]!.cells.number));
    expect(text).toMatch(new RegExp(`Total ${currency}`));

    const csv = await download(() => page.getByRole('button', { name: 'Save CSV' }).click());
    const bytes = readFileSync(csv.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe('\uFEFFInvoice,Currency,Client,Issued,Due,Days overdue,Ladder step,Invoice total,Open');
  });

  it('switches reports and their period, and marks a period that ends before it starts beside the box', async () => {
    await page.getByLabel('Report', { exact: true }).selectOption('revenueByMonth');
    await page.getByLabel('From').fill('2026-10-01');
    await page.getByLabel('To').fill('2026-09-01');
    await expect.poll(() => page.locator('#report-to-error').innerText()).not.toBe('');
    await page.getByLabel('To').fill('2026-10-31');
    await expect.poll(() => page.locator('.report-table tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#report-to-error').count()).toBe(0);
  });

  it('opens the clients of a risk band from its bar', async () => {
    await nav('Dashboard').click();
    await mainHeading('Dashboard').waitFor();
    const bars = page.locator('[data-testid=chart-risk] .recharts-bar-rectangle');
    await expect.poll(() => bars.count()).toBeGreaterThan(0);
    // The bars are low, medium, high, critical, unscored; a band without clients draws none, so pick by the data.
    const index = dashboard.riskBands.filter((b) => b.clients > 0).findIndex((b) => b.band === 'high' || b.band === 'critical');
    expect(index).toBeGreaterThanOrEqual(0);
    const band = dashboard.riskBands.filter((b) => b.clients > 0)[index]!.band;
    await bars.nth(index).click();
    await mainHeading('Clients').waitFor();
    expect(await page.getByLabel('Risk band').inputValue()).toBe(band);
  });

  it('shows the dashboard and a report in 简体中文', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await nav('仪表盘').click();
    await mainHeading('仪表盘').waitFor();
    await expect.poll(() => page.locator('[data-testid=chart-cash] .recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: '应收账款账龄' }).count()).toBe(1);
    await screenshot('dashboard-zh-CN.png');
    await nav('报表').click();
    await mainHeading('报表').waitFor();
    await page.getByLabel('报表', { exact: true }).selectOption('aging');
    await expect.poll(() => page.locator('.report-table thead').innerText()).toContain('90 天以上');
    await screenshot('reports-aging-zh-CN.png', 1000);
    const pdf = await download(() => page.getByRole('button', { name: '保存 PDF' }).click());
    const text = pdfText(pdf.path);
    expect(text).toContain('应收账款账龄（按客户）');
    expect(text).toMatch(/合计 [A-Z]{3}/);
    expect(browserErrors).toEqual([]);
  });
});
