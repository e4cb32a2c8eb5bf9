// Payment risk, end to end: the sample book (two years of payment history, overdue clients,
// promises and plans) in browser mode and headless Chromium. The Risk column sorts and filters in
// SQL, a client's page gives the reasons in plain words with the history chart and the score as of
// a past day, the same in 简体中文, and Settings → Payment risk changes a band's treatment and
// recomputes. The tests run in order and share one book.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import { factorSentence } from '../../renderer/src/risk/factorWording.js';
import type { BrowserMode } from '../fixtures/browserMode.js';
import { callApi, closeBook, errorBeside, openBook, screenshot as screenshotOf, type OpenBook } from './support/book.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let page: Page;
let browserErrors: string[];
/** The riskiest client of the sample book, opened in the second test. */
let riskiest: Output<'clients.search'>['items'][number];

const api = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callApi(server, method, input);
const screenshot = (name: string) => screenshotOf(page, name);
const mainHeading = (name: string) => page.getByRole('heading', { level: 1, name });
const table = () => page.locator('.client-table');
/** The scores in the Risk column, top to bottom, of the rows drawn. */
const shownScores = async () => (await table().locator('tbody .risk-score').allInnerTexts()).map(Number);
const shownBands = () => table().locator('tbody .risk-band').allInnerTexts();
const reasons = () => page.locator('.risk-reasons tbody th');
/** The whole Payment risk panel at the top of a taller window, however long the page above it. */
async function panelShot(name: string) {
  await page.setViewportSize({ width: 1280, height: 1300 });
  await page.locator('.risk-panel').evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
  await screenshot(name);
  await page.setViewportSize({ width: 1280, height: 800 });
}

beforeAll(async () => {
  book = await openBook({ afterFirstDailyRun: true });
  ({ server, page, browserErrors } = book);
  await api('demo.load', {});
});

afterAll(() => closeBook(book));

describe('payment risk in browser mode', () => {
  it('shows a Risk column that sorts riskiest and safest first and filters by band', async () => {
    await page.goto(server.url);
    // A book with clients opens on the arrears desk; the client list is one link away.
    await mainHeading('Arrears desk').waitFor();
    await page.locator('.section-nav').getByRole('link', { name: 'Clients', exact: true }).click();
    await mainHeading('Clients').waitFor();
    // The sample book was never scored: the list asks for the scores once and shows them.
    await expect.poll(async () => (await shownScores()).length, { timeout: 20_000 }).toBeGreaterThan(5);
    expect(await table().getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');

    await table().getByRole('button', { name: 'Risk', exact: true }).click();
    await expect.poll(() => table().getByRole('columnheader', { name: 'Risk' }).getAttribute('aria-sort')).toBe('descending');
    const expected = await api('clients.search', { order: 'riskiest', limit: 10 });
    riskiest = expected.items[0]!;
    await expect.poll(async () => (await shownScores()).slice(0, 10)).toEqual(expected.items.map((c) => c.risk!.score));
    expect((await page.getByRole('rowheader').allInnerTexts())[0]).toBe(riskiest.name);
    expect(await shownBands()).toContain('Critical');
    const down = await shownScores();
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await screenshot('risk-clients-riskiest-en.png');

    // Pressed again: safest first.
    await table().getByRole('button', { name: 'Risk', exact: true }).click();
    await expect.poll(() => table().getByRole('columnheader', { name: 'Risk' }).getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => (await shownScores())[0]).toBe((await api('clients.search', { order: 'safest', limit: 1 })).items[0]!.risk!.score);
    const up = await shownScores();
    expect(up).toEqual([...up].sort((a, b) => a - b));

    // Filter by band, with the keyboard-usable select; the search box still narrows it.
    await page.getByLabel('Risk band').selectOption({ label: 'High' });
    const high = await api('clients.search', { band: 'high', order: 'safest', limit: 500 });
    expect(high.items.length).toBeGreaterThan(0);
    await expect.poll(async () => (await page.getByRole('rowheader').allInnerTexts()).slice(0, 5)).toEqual(high.items.slice(0, 5).map((c) => c.name));
    expect(new Set(await shownBands())).toEqual(new Set(['High']));
    await page.getByLabel('Risk band').selectOption({ label: 'Any band' });
    await table().getByRole('button', { name: 'Name', exact: true }).click();
    await expect.poll(() => table().getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');
  });

  it("explains a client's score in plain words, with the history chart and the score as of a past day", async () => {
    await page.getByRole('searchbox').fill(riskiest.name);
    // By its address: the sample book's random names can repeat, so the name alone may be another client's.
    await page.locator(`.client-table a[href="#/clients/${encodeURIComponent(riskiest.id)}"]`).click();
    await page.getByRole('heading', { level: 2, name: 'Payment risk' }).waitFor();
    const panel = page.locator('.risk-panel');

    const now = await api('risk.client', { clientId: riskiest.id });
    const client = await api('clients.get', { id: riskiest.id });
    expect(now.factors.length).toBeGreaterThan(2);
    const sentences = now.factors.map((factor) => factorSentence(factor, { language: 'en', currency: client.currency }));
    await expect.poll(() => reasons().allInnerTexts()).toEqual(sentences);
    expect(sentences.join(' ')).toMatch(/days past due now|paid late/);
    expect(await panel.locator('.risk-figure').innerText()).toContain(`${now.score} of 100`);
    // The direction of each reason is in words for a screen reader, not only in the bar's colour.
    expect(await panel.locator('.risk-reasons .col-contribution .visually-hidden').first().innerText()).toMatch(/^raises the risk by \d+\.\d\d$/);

    // The history: a chart for the eye, the same points as a table behind a keyboard-reachable summary.
    const history = await api('risk.history', { clientId: riskiest.id });
    expect(history.points.length).toBeGreaterThan(0);
    await panel.getByRole('img', { name: /^Risk score from/ }).waitFor();
    expect(await panel.locator('.risk-chart svg .recharts-reference-area').count()).toBe(4);
    expect(await panel.locator('.risk-chart svg circle').count()).toBeGreaterThanOrEqual(history.points.length);
    await panel.getByText('Show the history as a table').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('.risk-history-table tbody tr').count()).toBe(history.points.length);
    expect(await panel.locator('.risk-model').innerText()).toContain('The default weights.');
    await panelShot('risk-client-en.png');

    // As of a past day: from what was known then.
    const past = await api('risk.client', { clientId: riskiest.id, asOf: '2025-06-30' });
    await panel.getByLabel('As of').fill('2025-06-30');
    await expect.poll(() => panel.innerText()).toContain('As the book stood on Jun 30, 2025');
    await expect.poll(() => panel.locator('.risk-figure').innerText()).toContain(`${past.score} of 100`);
    await expect.poll(() => reasons().allInnerTexts()).toEqual(past.factors.map((factor) => factorSentence(factor, { language: 'en', currency: client.currency })));
    await panel.getByRole('button', { name: 'Today' }).click();
    await expect.poll(() => panel.locator('.risk-figure').innerText()).toContain(`${now.score} of 100`);
  });

  it('gives the reasons in Chinese after switching to 简体中文', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('heading', { level: 2, name: '付款风险' }).waitFor();
    const now = await api('risk.client', { clientId: riskiest.id });
    const client = await api('clients.get', { id: riskiest.id });
    const chinese = now.factors.map((factor) => factorSentence(factor, { language: 'zh-CN', currency: client.currency }));
    await expect.poll(() => reasons().allInnerTexts()).toEqual(chinese);
    expect(chinese.every((sentence) => /[\u4e00-\u9fff]/.test(sentence))).toBe(true);
    expect(await page.locator('.risk-panel .risk-figure').innerText()).toContain(`${now.score} / 100`);
    await panelShot('risk-client-zh.png');

    await page.getByRole('link', { name: '← 全部客户' }).click();
    await page.getByRole('heading', { level: 1, name: '客户' }).waitFor();
    await page.getByRole('searchbox').fill('');
    await table().getByRole('button', { name: '风险评分', exact: true }).click();
    await expect.poll(async () => (await shownBands()).length).toBeGreaterThan(5);
    expect((await shownBands())[0]).toBe('极高');
    await screenshot('risk-clients-zh.png');
  });

  it('changes what a band does in Settings → Payment risk, refusing a bad number beside its box, and recomputes', async () => {
    await page.goto(`${server.baseUrl}/#/settings/risk`);
    await page.getByRole('heading', { level: 2, name: '各风险等级的处理方式' }).waitFor();
    await screenshot('risk-settings-zh.png');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'What each band changes' }).waitFor();
    expect(await page.getByRole('link', { name: 'Payment risk' }).getAttribute('aria-current')).toBe('page');

    const days = page.getByLabel('Days earlier to restrict, High band');
    expect(await days.inputValue()).toBe('7');
    await days.fill('120');
    await page.getByRole('button', { name: 'Save band treatments' }).click();
    expect(await errorBeside(page, days)).toBe('Must be at most 90');
    expect((await api('risk.settings.get', {})).bands.find((b) => b.band === 'high')!.restrictDaysEarlier).toBe(7);

    await days.fill('10');
    await page.getByLabel('Renewals as proforma, High band').check();
    await page.getByRole('button', { name: 'Save band treatments' }).click();
    await page.getByText('Band treatments saved.').waitFor();
    expect((await api('risk.settings.get', {})).bands.find((b) => b.band === 'high')).toEqual({ band: 'high', restrictDaysEarlier: 10, renewalsAsProforma: true });
    expect(await days.getAttribute('aria-invalid')).not.toBe('true');

    await page.getByRole('button', { name: 'Recompute now' }).click();
    const clients = (await api('clients.search', { status: 'all', limit: 500 })).items.length;
    await page.getByText(`Rescored ${clients} clients as of today.`).waitFor({ timeout: 30_000 });
    expect(await page.locator('.risk-model').innerText()).toMatch(/default weights|Fitted on/);
    await page.setViewportSize({ width: 1280, height: 1100 });
    await screenshot('risk-settings-en.png');
    expect(browserErrors).toEqual([]);
  });
});
