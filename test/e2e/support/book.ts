// What every end-to-end suite does before its first step: open a fresh book in browser mode, let
// the daily billing run finish, and put a headless Chromium page in front of it that records the
// page's errors. Also the API call a script would make and where screenshots go.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Envelope } from '../../../shared/api/envelope.js';
import type { Input, MethodName, Output } from '../../../shared/api/methods.js';
import { REPO_ROOT, startBrowserMode, type BrowserMode } from '../../fixtures/browserMode.js';
import { launchChromium } from './browser.js';

const SCREENSHOTS = join(REPO_ROOT, 'test-results');

export interface OpenBook {
  server: BrowserMode;
  browser: Browser;
  page: Page;
  /** Console errors and uncaught exceptions of the page (CSP violations show up here too). */
  browserErrors: string[];
}

/** Calls the API the way a script would, to set up data or check what the UI saved. */
export async function callApi<M extends MethodName>(on: BrowserMode, method: M, input: Input<M>): Promise<Output<M>> {
  const response = await fetch(`${on.baseUrl}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${on.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as Envelope<Output<M>>;
  if (!envelope.ok) throw new Error(`${method} failed: ${envelope.error.message}`);
  return envelope.value;
}

/**
 * The daily billing run starts by itself a few seconds after the book opens. A suite waits for
 * it, so it does not bill the contracts the suite adds halfway through (the next run is tomorrow's).
 */
async function firstDailyRun(server: BrowserMode) {
  const deadline = Date.now() + 30_000;
  while ((await callApi(server, 'billing.runs', {})).items[0]?.status !== 'finished') {
    if (Date.now() > deadline) throw new Error('The daily billing run did not finish within 30 s of opening the book.');
    await new Promise((resume) => setTimeout(resume, 200));
  }
}

/** A desktop-sized English window, as a reseller would open the printed link. */
export const newWindow = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });

/** Starts browser mode on a fresh data folder and opens a page on it (not yet at the book's address). */
export async function openBook(options: { afterFirstDailyRun: boolean }): Promise<OpenBook> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const server = await startBrowserMode();
  let browser: Browser | undefined;
  try {
    if (options.afterFirstDailyRun) await firstDailyRun(server);
    browser = await launchChromium();
    const page = await (await newWindow(browser)).newPage();
    // Fail a step in seconds, not Playwright's 30 s default: every step here is local.
    page.setDefaultTimeout(10_000);
    const browserErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(message.text());
    });
    page.on('pageerror', (error) => browserErrors.push(error.message));
    return { server, browser, page, browserErrors };
  } catch (error) {
    // afterAll only knows about a book that opened, so a half-open one is closed here.
    await browser?.close();
    await server.stop();
    throw error;
  }
}

export async function closeBook(book: OpenBook | undefined) {
  await book?.browser.close();
  await book?.server.stop();
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });

/** The text of the error tied to an input through aria-describedby. */
export async function errorBeside(page: Page, input: Locator): Promise<string> {
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ').filter((id) => id.endsWith('-error'));
  expect(ids).toHaveLength(1);
  return page.locator(`[id="${ids[0]}"]`).innerText();
}
