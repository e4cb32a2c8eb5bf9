// Email & SMS end to end: browser mode on a fresh data folder, the built renderer in headless
// Chromium, a real SMTP server on 127.0.0.1. The reseller enters the SMTP settings (unencrypted
// mail to another machine is refused beside the Encryption box), presses Test email and the
// message arrives; a reminder emailed to a client shows in their communication log, where it is
// marked bounced; a call asked for on the client's page is recorded on the Calls screen. Screenshots
// in English and Chinese.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import { addDays } from '../../shared/dates.js';
import type { BrowserMode } from '../fixtures/browserMode.js';
import { startSmtpPeer, type SmtpPeer } from '../fixtures/smtpPeer.js';
import { callApi, closeBook, errorBeside, openBook, screenshot as screenshotOf, type OpenBook } from './support/book.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let page: Page;
let smtp: SmtpPeer;
let clientId: string;
let browserErrors: string[];

const api = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callApi(server, method, input);
const screenshot = (name: string) => screenshotOf(page, name);
const mainHeading = (name: string) => page.getByRole('heading', { level: 1, name });
const nav = (name: string) => page.getByRole('navigation', { name: /Sections|功能区/ }).getByRole('link', { name, exact: true });
const settingsPage = (name: string) => page.getByRole('navigation', { name: /Settings pages|设置页面/ }).getByRole('link', { name, exact: true });

beforeAll(async () => {
  smtp = await startSmtpPeer();
  book = await openBook({ afterFirstDailyRun: true });
  ({ server, page, browserErrors } = book);
  const today = (await api('app.info', {})).today;
  await api('company.update', { name: 'Harbour Hosting Ltd', email: 'billing@harbour.example', paymentLines: ['HSBC 123-456789-001'] });
  clientId = (await api('clients.create', { name: 'Lotus Web Studio', currency: 'USD', email: 'ops@lotus.example', billingEmail: 'ap@lotus.example', phone: '+852 5555 0100' })).id;
  const draft = await api('invoices.createDraft', { clientId, dueDate: addDays(today, 7), lines: [{ description: 'VPS, December', unitPriceMinor: 4900 }] });
  await api('invoices.issue', { id: draft.id, issueDate: today });
});

afterAll(async () => {
  await closeBook(book);
  await smtp?.close();
});

describe('email, SMS and calls in browser mode', () => {
  it('saves the SMTP settings (refusing plain SMTP to another machine beside its box) and sends a test email that arrives', async () => {
    await page.goto(server.url);
    // A book with clients opens on the arrears desk.
    await mainHeading('Arrears desk').waitFor();
    await nav('Settings').click();
    await settingsPage('Email & SMS').click();
    await page.getByRole('group', { name: 'Email (SMTP)' }).waitFor();
    expect(page.url()).toMatch(/#\/settings\/channels$/);

    await page.getByLabel('SMTP server').fill('smtp.example.com');
    await page.getByLabel('Encryption').selectOption('none');
    await page.getByRole('button', { name: 'Save settings' }).click();
    expect(await errorBeside(page, page.getByLabel('Encryption'))).toContain('only allowed to this machine');

    await page.getByLabel('SMTP server').fill('127.0.0.1');
    await page.getByLabel('Port').fill(String(smtp.port));
    await page.getByLabel('From address').fill('billing@harbour.example');
    await page.getByLabel('From name').fill('Harbour Billing');
    await page.getByLabel(/^Password/).fill('not-shown-again');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(await page.getByLabel(/^Password/).inputValue()).toBe('');
    await page.getByText('A password is stored.').waitFor();

    await page.getByLabel('Send a test email to').fill('me@harbour.example');
    await page.getByRole('button', { name: 'Send test email' }).click();
    await page.locator('.channel-test-answer').first().filter({ hasText: 'Accepted.' }).waitFor();
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.subject).toBe('HostLedger test email');
    expect(smtp.envelopes[0]).toEqual(['me@harbour.example']);
    await screenshot('channels-settings-en.png');

    // SMS without a gateway: the test says what to do, beside the button.
    await page.getByLabel('Send a test text to').fill('+852 5555 0100');
    await page.getByRole('button', { name: 'Send test SMS' }).click();
    await page.locator('.channel-test-answer').filter({ hasText: 'SMS is not set up: enter the gateway address above and save.' }).waitFor();
  });

  it("logs an emailed reminder in the client's communication log, where it can be marked bounced", async () => {
    const sent = await api('channels.send', { clientId, letter: 'reminder', channel: 'email' });
    expect(sent.status).toBe('sent');
    expect(smtp.envelopes.at(-1)).toEqual(['ops@lotus.example', 'ap@lotus.example']);
    await nav('Clients').click();
    await page.getByRole('link', { name: 'Lotus Web Studio' }).click();
    await mainHeading('Lotus Web Studio').waitFor();
    await page.getByRole('tab', { name: 'Communication log' }).click();
    const row = page.getByRole('row').filter({ hasText: 'ops@lotus.example (Cc ap@lotus.example)' });
    await row.getByRole('cell', { name: 'Sent', exact: true }).waitFor();
    await row.getByRole('button', { name: /Mark the email to .* as bounced/ }).click();
    await page.getByLabel(/^What the mail server said/).fill('550 5.1.1 mailbox unavailable');
    await page.getByRole('button', { name: 'Record bounce' }).click();
    await page.getByRole('cell', { name: 'Bounced', exact: true }).waitFor();
    await page.getByRole('cell', { name: '550 5.1.1 mailbox unavailable' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: /as bounced/ }).count()).toBe(0);
    await page.getByRole('table', { name: 'Communication log' }).scrollIntoViewIfNeeded();
    await screenshot('channels-comm-log-en.png');
  });

  it("gives the day's printed letters in one PDF and logs them printed once", async () => {
    await api('clients.update', { id: clientId, address: { lines: ['88 Harbour Road'], city: 'Hong Kong', country: 'HK' } });
    expect((await api('channels.send', { clientId, letter: 'reminder', channel: 'letter', key: 'e2e:letter' })).status).toBe('queued_for_print');
    await page.evaluate(() => ((globalThis as unknown as { location: { hash: string } }).location.hash = '#/documents/batch'));
    const panel = page.getByRole('form', { name: 'Letters of the day' });
    await panel.getByRole('button', { name: 'Get the letters' }).click();
    await panel.getByText('Letters: 1, pages: 1; printed for the first time: 1.').waitFor();
    await panel.getByRole('button', { name: 'Open PDF' }).waitFor();
    await screenshot('channels-letters-of-the-day-en.png');
    await panel.getByRole('button', { name: 'Get the letters' }).click();
    await panel.getByText('Letters: 1, pages: 1; printed for the first time: 0.').waitFor();
  });

  it('asks for a call on the client page and records its outcome on the Calls screen', async () => {
    await nav('Clients').click();
    await page.getByRole('link', { name: 'Lotus Web Studio' }).click();
    await mainHeading('Lotus Web Studio').waitFor();
    await page.getByRole('button', { name: 'Ask for a call' }).click();
    await page.getByLabel('Note').fill('Confirm the card on file');
    await page.getByRole('dialog').getByRole('button', { name: 'Ask for a call' }).click();
    await page.getByText('A call to Lotus Web Studio is on the Calls list.').waitFor();

    await nav('Calls').click();
    await mainHeading('Calls to make').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Lotus Web Studio' });
    await row.getByRole('cell', { name: '+852 5555 0100' }).waitFor();
    await screenshot('calls-en.png');
    await row.getByRole('button', { name: 'Record the call to Lotus Web Studio' }).click();
    await page.getByLabel('Outcome').selectOption('promised_to_pay');
    await page.getByLabel('Note').fill('Pays on Friday');
    await page.getByRole('button', { name: 'Record call' }).click();
    await page.getByText('Recorded: Lotus Web Studio — Promised to pay.').waitFor();
    await page.getByText('No calls to make.').waitFor();
    const log = await api('communications.list', { clientId });
    expect(log.items[0]).toMatchObject({ channel: 'call', status: 'promised_to_pay', detail: 'Pays on Friday' });
  });

  it('speaks Chinese on the Email & SMS and Calls screens', async () => {
    await api('calls.create', { clientId, note: '确认付款日期' });
    await page.getByRole('button', { name: '简体中文' }).click();
    await nav('设置').click();
    await settingsPage('邮件与短信').click();
    await page.getByRole('group', { name: '邮件（SMTP）' }).waitFor();
    await page.getByText('已保存密码。留空则保持不变。').waitFor();
    await screenshot('channels-settings-zh.png');
    await page.getByRole('group', { name: '短信网关' }).scrollIntoViewIfNeeded();
    await screenshot('channels-settings-sms-zh.png');
    await nav('电话').click();
    await mainHeading('待拨电话').waitFor();
    await page.getByRole('button', { name: '记录致电Lotus Web Studio的结果' }).waitFor();
    await page.getByRole('cell', { name: '确认付款日期' }).waitFor();
    await screenshot('calls-zh.png');
    await page.getByRole('button', { name: 'English' }).click();
    await mainHeading('Calls to make').waitFor();
    expect(browserErrors).toEqual([]);
  });
});
