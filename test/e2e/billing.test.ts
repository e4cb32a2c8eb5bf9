// Billing end to end: browser mode on a fresh data folder, the built renderer in headless
// Chromium, driven the way a reseller keeps the books — add a client and a tax rate, issue an
// invoice (a bad amount refused beside its box first) and see the number it took, record a
// partial payment and then the rest while the client's balance and the receivables aging move,
// correct one invoice with a credit note and void another, dispute one, read the month's
// statement and the ledger, lock last period and have a payment dated inside it refused beside its
// date, check the books, save the billing settings, run billing and import history. Screenshots
// of every billing screen in English and Chinese. The tests run in order and share one book.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import { addDays } from '../../shared/dates.js';
import type { BrowserMode } from '../fixtures/browserMode.js';
import { callApi, closeBook, errorBeside as errorOnPage, openBook, screenshot as screenshotOf, type OpenBook } from './support/book.js';
import { NAV_ZH, navEntries } from './support/navigation.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let page: Page;
/** The book's today (the server's clock and time zone), for dates relative to it. */
let today: string;
let clientId: string;
let invoiceNumber: string;
/** Console errors and uncaught exceptions of the page (CSP violations show up here too). */
let browserErrors: string[];

const api = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callApi(server, method, input);

const screenshot = (name: string) => screenshotOf(page, name);
const dialog = () => page.getByRole('dialog');
const mainHeading = (name: string) => page.getByRole('heading', { level: 1, name });
const nav = (name: string) => page.getByRole('navigation', { name: /Sections|功能区/ }).getByRole('link', { name, exact: true });
const account = () => page.getByRole('region', { name: 'Account', exact: true });
const figure = (label: string) => account().locator('.figure').filter({ has: page.getByText(label, { exact: true }) }).locator('.figure-amount');

const errorBeside = (input: Locator) => errorOnPage(page, input);

const isFocused = (input: Locator) => input.evaluate((element) => element === element.ownerDocument.activeElement);

async function openClient(name: string) {
  await nav('Clients').click();
  await page.getByRole('link', { name }).click();
  await mainHeading(name).waitFor();
}

/** Waits until every dialog has closed. */
const noDialog = () => expect.poll(() => dialog().count()).toBe(0);

/** The text of the row of a table that mentions `text`. */
const rowWith = (text: string | RegExp) => page.getByRole('row').filter({ hasText: text });

/** Shows the end of a dialog's body, where a form's live summary is. */
const scrollDialogToEnd = () => dialog().locator('.dialog-body').evaluate((body) => body.scrollTo({ top: body.scrollHeight }));

/** Puts the client's account at the top of the screen. */
const scrollToAccount = () => page.locator('#client-account-heading').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));

beforeAll(async () => {
  book = await openBook({ afterFirstDailyRun: true });
  ({ server, page, browserErrors } = book);
  today = (await api('app.info', {})).today;
});

afterAll(() => closeBook(book));

describe('billing in browser mode', () => {
  it('adds a client and a tax rate for their country', async () => {
    await page.goto(server.url);
    await mainHeading('Clients').waitFor();
    await page.getByRole('button', { name: 'New client' }).first().click();
    const form = dialog();
    await form.getByLabel('Name').fill('Lotus Web Studio');
    await form.getByLabel('Tax country').fill('US');
    await form.getByLabel('Currency').fill('USD');
    await form.getByRole('button', { name: 'Add client' }).click();
    await noDialog();
    clientId = (await api('clients.search', { query: 'Lotus' })).items[0]!.id;

    // Keyboard: the new sections are links in the navigation like the others.
    await nav('Settings').focus();
    await page.keyboard.press('Enter');
    await mainHeading('Settings').waitFor();
    expect(page.url()).toMatch(/#\/settings\/billing$/);
    await page.getByLabel(/^Name/).fill('Sales tax');
    await page.getByLabel(/^Rate \(%\)/).fill('8.255');
    await page.getByRole('button', { name: 'Add tax rate' }).click();
    expect(await errorBeside(page.getByLabel(/^Rate \(%\)/))).toContain('Enter a percentage such as 6 or 13.5');
    await page.getByLabel(/^Rate \(%\)/).fill('8.25');
    await page.getByLabel('Country', { exact: true }).fill('US');
    await page.getByRole('button', { name: 'Add tax rate' }).click();
    await expect.poll(() => rowWith('Sales tax').innerText()).toContain('8.25%');
    expect((await api('taxRates.list', {})).items).toEqual([expect.objectContaining({ name: 'Sales tax', rateBp: 825, country: 'US' })]);
  });

  it('issues an invoice after refusing a bad amount beside its box, and shows the number it took', async () => {
    await openClient('Lotus Web Studio');
    await expect.poll(() => figure('Balance').innerText()).toBe('$0.00');
    expect(await account().innerText()).toContain('HostLedger does no exchange rates (yet)');
    await account().getByRole('button', { name: 'New invoice' }).click();
    const editor = dialog();
    await editor.getByRole('heading', { name: 'New invoice for Lotus Web Studio' }).waitFor();
    expect(await editor.getByLabel('Line 1: tax rate').inputValue()).toBe('');
    expect(await editor.getByLabel('Line 1: tax rate').locator('option:checked').innerText()).toBe('Client’s rate: Sales tax (8.25%)');
    await editor.getByLabel('Line 1: description').fill('Shared hosting, annual');
    await editor.getByLabel('Line 1: unit price').fill('120');
    await editor.getByRole('button', { name: 'Add line' }).click();
    await editor.getByLabel('Line 2: description').fill('Domain renewal lotus-web.example');
    await editor.getByLabel('Line 2: quantity').fill('2');
    await editor.getByLabel('Line 2: unit price').fill('15.505');
    await editor.getByRole('button', { name: 'Issue invoice' }).click();
    const price = editor.getByLabel('Line 2: unit price');
    expect(await errorBeside(price)).toContain('Enter an amount such as 12.50');
    expect(await isFocused(price)).toBe(true);
    expect(await editor.getByRole('alert').first().innerText()).toContain('Line 2: unit price: Enter an amount');
    expect((await api('invoices.search', { clientId })).items).toHaveLength(0);

    await price.fill('15.50');
    await editor.getByLabel('Notes').fill('Thank you for your business.');
    // Each line is taxed and rounded on its own: 9.90 + 2.56.
    const totals = editor.getByRole('table', { name: 'Totals' });
    await expect.poll(() => totals.innerText()).toContain('$163.46');
    expect(await totals.innerText()).toMatch(/Tax 8\.25% on \$151\.00\s+\$12\.46/);
    await editor.getByLabel('Kind').focus();
    await screenshot('invoice-editor-en.png');

    await editor.getByRole('button', { name: 'Issue invoice' }).click();
    await dialog().getByRole('heading', { name: /^Invoice INV-/ }).waitFor();
    const [issued] = (await api('invoices.search', { clientId })).items;
    invoiceNumber = issued!.number!;
    expect(invoiceNumber).toMatch(new RegExp(`^INV-${today.slice(0, 4)}-\\d{5}$`));
    expect(await dialog().getByRole('heading').first().innerText()).toBe(`Invoice ${invoiceNumber}`);
    expect(await dialog().getByRole('status').first().innerText()).toContain(`Issued as ${invoiceNumber}`);
    expect(await dialog().innerText()).toContain('Thank you for your business.');
    await screenshot('invoice-view-en.png');
    await dialog().getByRole('button', { name: 'Close' }).click();
    await noDialog();
    await expect.poll(() => figure('Balance').innerText()).toBe('$163.46');
    await expect.poll(() => rowWith(invoiceNumber).innerText()).toContain('Open');
  });

  it('records a partial payment by hand and then the rest, while the balance and the aging move', async () => {
    // An older invoice of another client, 45 days overdue, in euros: aging keeps currencies apart.
    const contoso = await api('clients.create', { name: 'Contoso GmbH', currency: 'EUR', country: 'DE' });
    const old = await api('invoices.createDraft', { clientId: contoso.id, dueDate: addDays(today, -45), lines: [{ description: 'VPS, October', unitPriceMinor: 4900 }] });
    await api('invoices.issue', { id: old.id, issueDate: addDays(today, -60) });

    await nav('Receivables').click();
    await mainHeading('Receivables').waitFor();
    const totals = page.getByRole('table', { name: 'Receivables aging, totals per currency' });
    await expect.poll(() => rowWith(/^USD/).first().innerText()).toContain('$163.46');
    expect(await totals.getByRole('columnheader').allInnerTexts()).toEqual(['Currency', 'Current', '1–30 days', '31–60 days', '61–90 days', '90+ days', 'Total']);
    expect(await totals.getByRole('row', { name: /EUR/ }).getByRole('cell').allInnerTexts()).toEqual(['—', '—', '€49.00', '—', '—', '€49.00']);
    // Fifteen days ago the euro invoice was only 30 days overdue, and the dollar one did not exist.
    await page.getByLabel('As of', { exact: true }).fill(addDays(today, -15));
    await expect.poll(() => totals.getByRole('row').count()).toBe(2);
    expect(await totals.getByRole('row', { name: /EUR/ }).getByRole('cell').allInnerTexts()).toEqual(['—', '€49.00', '—', '—', '—', '€49.00']);
    await page.getByRole('button', { name: 'Today' }).click();
    await expect.poll(() => totals.getByRole('row').count()).toBe(3);

    await openClient('Lotus Web Studio');
    await account().getByRole('button', { name: 'Record payment' }).click();
    let form = dialog();
    await form.getByRole('heading', { name: 'Record payment from Lotus Web Studio' }).waitFor();
    expect(await form.getByLabel(/^Date/).inputValue()).toBe(today);
    await form.getByLabel(/^Amount \(USD\)/).fill('1OO');
    await form.getByLabel('Method').selectOption({ label: 'Alipay' });
    await form.getByLabel('Reference').fill('2026112622001');
    await form.getByRole('button', { name: 'Record payment' }).click();
    expect(await errorBeside(form.getByLabel(/^Amount \(USD\)/))).toContain('Enter an amount such as 12.50');
    await form.getByLabel(/^Amount \(USD\)/).fill('120');
    await form.getByLabel('Choose invoices by hand').check();
    await form.getByLabel(`Apply to ${invoiceNumber}`).fill('130');
    await expect.poll(() => form.locator('.allocation-summary').innerText()).toBe('Applied to invoices: $130.00 · Left as credit: $0.00');
    await form.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => form.locator('#payment-allocations-error').innerText()).toContain('That is $10.00 more than the payment');
    await form.getByLabel(`Apply to ${invoiceNumber}`).fill('100');
    await expect.poll(() => form.locator('.allocation-summary').innerText()).toBe('Applied to invoices: $100.00 · Left as credit: $20.00');
    expect(await form.locator('#payment-allocations-error').count()).toBe(0);
    await scrollDialogToEnd();
    await screenshot('record-payment-en.png');
    await form.getByRole('button', { name: 'Record payment' }).click();

    await dialog().getByRole('heading', { name: /^Payment of \$120\.00/ }).waitFor();
    const went = dialog().getByRole('region', { name: 'Where it went' });
    expect(await went.innerText()).toContain(`Invoice ${invoiceNumber}`);
    expect(await went.innerText()).toMatch(/Credit balance \(not applied\)\s+\$20\.00/);
    await dialog().getByRole('button', { name: 'Close' }).click();
    await noDialog();
    await expect.poll(() => figure('Balance').innerText()).toBe('$43.46');
    expect(await figure('Credit balance').innerText()).toBe('$20.00');
    await expect.poll(() => rowWith(invoiceNumber).innerText()).toContain('Partly paid');

    await nav('Receivables').click();
    await expect.poll(() => rowWith(/^USD/).first().innerText()).toContain('$63.46');

    await openClient('Lotus Web Studio');
    await account().getByRole('button', { name: 'Record payment' }).click();
    form = dialog();
    await form.getByLabel(/^Amount \(USD\)/).fill('50');
    await form.getByLabel('Method').selectOption({ label: 'WeChat Pay' });
    // Oldest first spends the $20.00 credit first, then this payment.
    await expect.poll(() => form.locator('.allocation-summary').innerText()).toBe('With the credit balance of $20.00: applied to invoices $63.46 · credit balance afterwards $6.54');
    await form.getByRole('button', { name: 'Record payment' }).click();
    await dialog().getByRole('heading', { name: /^Payment of \$50\.00/ }).waitFor();
    await dialog().getByRole('button', { name: 'Close' }).click();
    await noDialog();
    await expect.poll(() => figure('Balance').innerText()).toBe('-$6.54');
    expect(await figure('Credit balance').innerText()).toBe('$6.54');
    expect(await figure('Open').innerText()).toBe('$0.00');
    await expect.poll(() => rowWith(invoiceNumber).innerText()).toContain('Paid');

    await nav('Receivables').click();
    await expect.poll(() => totals.getByRole('row').count()).toBe(2);
    expect(await totals.innerText()).not.toContain('USD');
    expect(await page.getByRole('table', { name: 'Receivables aging per client' }).innerText()).toContain('Contoso GmbH');
    await screenshot('receivables-en.png');
    await page.getByRole('link', { name: 'Contoso GmbH' }).click();
    await mainHeading('Contoso GmbH').waitFor();
    await expect.poll(() => figure('Overdue').innerText()).toBe('€49.00');
    expect(await account().innerText()).toContain('Oldest 45 days overdue');
  });

  it('corrects one invoice with a credit note, voids another, and keeps the credited one from being voided', async () => {
    const second = await api('invoices.createDraft', { clientId, lines: [{ description: 'SSL certificate', unitPriceMinor: 5000, quantityMilli: 1000 }] });
    const issued = await api('invoices.issue', { id: second.id });
    const third = await api('invoices.createDraft', { clientId, lines: [{ description: 'Setup fee', unitPriceMinor: 2500 }] });
    const duplicate = await api('invoices.issue', { id: third.id });

    await openClient('Lotus Web Studio');
    // Issuing applied the $6.54 credit to the first of them ($54.13 with tax).
    await rowWith(issued.number!).getByRole('button').click();
    let view = dialog();
    await view.getByRole('heading', { name: `Invoice ${issued.number}` }).waitFor();
    expect(await view.getByRole('table', { name: 'Totals' }).innerText()).toMatch(/Payments applied\s+-\$6\.54/);
    await view.getByRole('button', { name: 'Credit note' }).click();
    const credit = dialog();
    await credit.getByRole('heading', { name: `Credit note for ${issued.number}` }).waitFor();
    await credit.getByLabel(/^Amount \(USD\)/).fill('100');
    await credit.getByLabel(/^Reason/).fill('Goodwill discount for the outage');
    await credit.getByLabel('Approved by').fill('Ana Li');
    await credit.getByRole('button', { name: 'Issue credit note' }).click();
    // More than is open is refused beside the amount, in money.
    expect(await errorBeside(credit.getByLabel(/^Amount \(USD\)/))).toBe('Must be at most $47.59');
    await credit.getByLabel(/^Amount \(USD\)/).fill('10');
    await credit.getByRole('button', { name: 'Issue credit note' }).click();
    view = dialog();
    await expect.poll(() => view.getByRole('status').first().innerText()).toMatch(/^Credit note CN-\d{4}-\d{5} issued\.$/);
    await expect.poll(() => view.getByRole('table', { name: 'Totals' }).innerText()).toMatch(/Open\s+\$37\.59/);
    expect(await view.getByRole('region', { name: 'Credit notes' }).innerText()).toContain('Approved by Ana Li');
    // Money and a credit note touch it: no Void, and the reason why.
    expect(await view.getByRole('button', { name: 'Void' }).count()).toBe(0);
    expect(await view.innerText()).toContain('it cannot be voided; issue a credit note instead');
    await view.getByRole('button', { name: 'Close' }).click();
    await noDialog();

    await rowWith(duplicate.number!).getByRole('button').click();
    view = dialog();
    await view.getByRole('button', { name: 'Void' }).click();
    const voiding = dialog();
    await voiding.getByRole('button', { name: 'Void invoice' }).click();
    expect(await errorBeside(voiding.getByLabel(/^Reason/))).toBe('This field is required');
    await voiding.getByLabel(/^Reason/).fill('Issued twice by mistake');
    await voiding.getByRole('button', { name: 'Void invoice' }).click();
    await expect.poll(() => dialog().getByRole('status').first().innerText()).toContain('The invoice is void');
    expect(await dialog().innerText()).toContain('Issued twice by mistake');
    await dialog().getByRole('button', { name: 'Close' }).click();
    await noDialog();
    await expect.poll(() => rowWith(duplicate.number!).innerText()).toContain('Void');
    await expect.poll(() => figure('Balance').innerText()).toBe('$37.59');
  });

  it('marks an invoice as disputed and resolves the dispute', async () => {
    const [open] = (await api('invoices.search', { clientId, filter: 'open' })).items;
    await rowWith(open!.number!).getByRole('button').click();
    await dialog().getByRole('button', { name: 'Dispute' }).click();
    await dialog().getByLabel(/^What the client says/).fill('The certificate was never installed.');
    await dialog().getByRole('button', { name: 'Mark as disputed' }).click();
    await expect.poll(() => dialog().getByRole('status').first().innerText()).toContain('marked as disputed');
    expect(await dialog().getByRole('region', { name: 'Disputes' }).innerText()).toContain('The certificate was never installed.');
    await dialog().getByRole('button', { name: 'Close' }).click();
    await noDialog();
    await expect.poll(() => rowWith(open!.number!).innerText()).toContain('Disputed');

    await nav('Invoices').click();
    await mainHeading('Invoices').waitFor();
    await page.getByLabel('Show').selectOption({ label: 'Disputed' });
    await expect.poll(() => page.getByRole('rowheader').allInnerTexts()).toEqual([expect.stringContaining(open!.number!)]);
    await page.getByRole('rowheader').first().getByRole('button').click();
    await dialog().getByRole('button', { name: 'Resolve dispute' }).click();
    await dialog().getByLabel('Rejected').check();
    await dialog().getByLabel(/^What was decided/).fill('Installed on the 3rd; the client confirmed by phone.');
    await dialog().getByRole('button', { name: 'Resolve dispute' }).click();
    await expect.poll(() => dialog().getByRole('status').first().innerText()).toContain('The dispute is resolved');
    expect(await dialog().getByRole('region', { name: 'Disputes' }).innerText()).toContain('Rejected');
    await dialog().getByRole('button', { name: 'Close' }).click();
    await noDialog();
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(0);
  });

  it('agrees a payment plan in three monthly installments, records a promise to pay, and cancels the plan', async () => {
    await openClient('Lotus Web Studio');
    await account().getByRole('tab', { name: 'Plans and promises' }).click();
    const panel = account().getByRole('tabpanel');
    await expect.poll(() => panel.innerText()).toContain('Nothing holds the arrears ladder for this client.');
    await panel.getByRole('button', { name: 'New payment plan' }).click();
    const form = dialog();
    await form.getByRole('heading', { name: 'Payment plan for Lotus Web Studio' }).waitFor();
    expect(await form.getByText('To pay in installments: $37.59').count()).toBe(1);
    expect(await form.getByLabel('Installment 3: amount (USD)').inputValue()).toBe('12.53');
    await form.getByLabel('Installment 3: amount (USD)').fill('10');
    await form.getByRole('button', { name: 'Agree payment plan' }).click();
    await expect.poll(() => form.locator('#plan-installments-error').innerText()).toBe('The installments add up to $35.06; they must add up to $37.59.');
    await form.getByRole('button', { name: 'Split evenly again' }).click();
    await form.getByRole('button', { name: 'Agree payment plan' }).click();
    await noDialog();
    await expect.poll(() => panel.innerText()).toContain('Reminders and escalation hold for this client: a payment plan in good standing.');
    expect(await panel.locator('.plan-card').innerText()).toContain('Good standing');
    expect(await panel.locator('.plan-card').getByRole('row').count()).toBe(4);

    await panel.getByRole('button', { name: 'Record promise to pay' }).click();
    await dialog().getByLabel(/^Amount \(USD\)/).fill('500');
    await dialog().getByRole('button', { name: 'Record promise' }).click();
    expect(await errorBeside(dialog().getByLabel(/^Amount \(USD\)/))).toBe('Must be at most $37.59');
    await dialog().getByLabel(/^Amount \(USD\)/).fill('12.53');
    await dialog().getByRole('button', { name: 'Record promise' }).click();
    await noDialog();
    await expect.poll(() => panel.getByRole('table', { name: 'Promises to pay' }).innerText()).toContain('$12.53');
    await scrollToAccount();
    await screenshot('client-arrangements-en.png');

    await panel.getByRole('button', { name: 'Cancel plan' }).click();
    await dialog().getByRole('button', { name: 'Cancel plan' }).click();
    expect(await errorBeside(dialog().getByLabel(/^Reason/))).toBe('This field is required');
    await dialog().getByLabel(/^Reason/).fill('Client asked to pay at once');
    await dialog().getByRole('button', { name: 'Cancel plan' }).click();
    await noDialog();
    await expect.poll(() => panel.locator('.plan-card').innerText()).toContain('Broken');
  });

  it('lists every invoice newest first, filters and searches them, and opens the client from a row', async () => {
    await nav('Invoices').click();
    await page.getByLabel('Show').selectOption({ label: 'All' });
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(5);
    expect((await page.getByRole('rowheader').allInnerTexts())[4]).toContain(invoiceNumber);
    await page.getByLabel('Kind').selectOption({ label: 'Credit note' });
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(1);
    await page.getByLabel('Kind').selectOption({ label: 'Any kind' });
    await page.getByRole('searchbox').fill('contoso');
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(1);
    await page.getByRole('searchbox').fill('');
    await page.getByLabel('Show').selectOption({ label: 'Overdue' });
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(1);
    await page.getByLabel('Show').selectOption({ label: 'All' });
    await expect.poll(() => page.getByRole('rowheader').count()).toBe(5);
    expect(await page.getByRole('columnheader').allInnerTexts()).toEqual(['Number', 'Client', 'Issued', 'Due', 'Total', 'Open', 'Status']);
    await screenshot('invoices-en.png');
    await rowWith(invoiceNumber).getByRole('link', { name: 'Lotus Web Studio' }).click();
    await mainHeading('Lotus Web Studio').waitFor();
  });

  it('shows the statement for the month and the ledger with the accounts’ names', async () => {
    await account().getByRole('tab', { name: 'Payments' }).click();
    await expect.poll(() => account().getByRole('tabpanel').innerText()).toContain('Alipay');
    expect(await account().getByRole('tabpanel').innerText()).toContain('WeChat Pay');
    // Keyboard: arrows move between tabs.
    await account().getByRole('tab', { name: 'Payments' }).press('ArrowRight');
    expect(await account().getByRole('tab', { name: 'Plans and promises' }).getAttribute('aria-selected')).toBe('true');
    expect(await isFocused(account().getByRole('tab', { name: 'Plans and promises' }))).toBe(true);
    await page.keyboard.press('ArrowRight');
    expect(await account().getByRole('tab', { name: 'Statement' }).getAttribute('aria-selected')).toBe('true');
    const statement = account().getByRole('table', { name: /^Statement from/ });
    await expect.poll(() => statement.innerText()).toContain('Balance brought forward');
    expect(await statement.innerText()).toContain(invoiceNumber);
    expect(await statement.innerText()).toContain('Credit note');
    expect(await statement.innerText()).toContain('Invoice voided');
    expect(await statement.innerText()).toMatch(/Balance at the end of the period\s+\$37\.59/);
    // A period ending before it starts is refused beside its last day.
    await account().getByLabel('To', { exact: true }).fill(addDays(today, -40));
    await account().getByRole('button', { name: 'Show statement' }).click();
    expect(await errorBeside(account().getByLabel('To', { exact: true }))).toBe('This date is out of order with the other dates');
    await account().getByLabel('To', { exact: true }).fill(today);
    await account().getByRole('button', { name: 'Show statement' }).click();
    await expect.poll(() => account().getByLabel('To', { exact: true }).getAttribute('aria-invalid')).toBeNull();

    await account().getByRole('tab', { name: 'Ledger' }).click();
    await expect.poll(() => account().getByRole('tabpanel').innerText()).toContain('1100 Accounts receivable');
    expect(await account().getByRole('tabpanel').innerText()).toContain('2200 Customer credit');
    await account().getByRole('tab', { name: 'Invoices' }).click();
    await expect.poll(() => account().getByRole('rowheader').count()).toBe(4);
    await scrollToAccount();
    await screenshot('client-account-en.png');
  });

  it('imports history from pasted CSV, refusing a bad row first, and undoes it', async () => {
    await nav('Settings').click();
    await page.getByRole('link', { name: 'Import history' }).click();
    await mainHeading('Settings').waitFor();
    expect(page.url()).toMatch(/#\/settings\/imports$/);
    // The client and contract import sits on the same page: the history import is its own region.
    const history = page.getByRole('region', { name: 'Import invoices and payments' });
    const header = 'customer_id,invoice_id,invoice_date,due_date,amount,settled_date,disputed';
    const rows = [`Lotus Web Studio,OLD-1,${addDays(today, -200)},${addDays(today, -180)},80.00,${addDays(today, -175)},0`, `Lotus Web Studio,OLD-2,${addDays(today, -100)},not-a-date,80.00,,0`];
    await history.getByLabel('CSV', { exact: true }).fill([header, ...rows].join('\n'));
    await history.getByRole('button', { name: 'Check the file' }).click();
    const problems = history.getByRole('table', { name: 'Problems per row' });
    await expect.poll(() => problems.innerText()).toContain('due_date');
    expect(await problems.innerText()).toContain('Enter a date as YYYY-MM-DD');
    expect(await history.getByRole('button', { name: /^Import \d+ rows$/ }).count()).toBe(0);

    await history.getByLabel('CSV', { exact: true }).fill([header, rows[0], rows[1]!.replace('not-a-date', addDays(today, -80))].join('\n'));
    await history.getByRole('button', { name: 'Check the file' }).click();
    await history.getByRole('button', { name: 'Import 2 rows' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Imported. Invoices: 2, payments: 1, new clients: 0.');
    const earlier = page.getByRole('table', { name: 'Earlier imports' });
    await expect.poll(() => earlier.innerText()).toContain('Imported');
    expect((await api('accounts.summary', { clientId })).balanceMinor).toBe(3759 + 8000);

    await earlier.getByRole('button', { name: 'Undo import' }).click();
    await earlier.getByRole('button', { name: 'Remove everything it imported' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Import undone. Removed invoices: 2, payments: 1');
    expect((await api('accounts.summary', { clientId })).balanceMinor).toBe(3759);
  });

  it('locks last period, and a payment dated inside it is refused beside its date', async () => {
    await nav('Settings').click();
    await mainHeading('Settings').waitFor();
    const lock = page.getByRole('region', { name: 'Period lock' });
    expect(await lock.innerText()).toContain('No period is locked.');
    await lock.getByLabel('Lock up to').fill(today);
    await lock.getByRole('button', { name: 'Lock the books…' }).click();
    expect(await errorBeside(lock.getByLabel('Lock up to'))).toContain('choose a day before today');
    await lock.getByLabel('Lock up to').fill(addDays(today, -1));
    await lock.getByRole('button', { name: 'Lock the books…' }).click();
    expect(await lock.getByRole('alertdialog').innerText()).toContain('This cannot be undone');
    expect(await isFocused(lock.getByRole('button', { name: 'Cancel' }))).toBe(true);
    await lock.getByRole('button', { name: /^Lock up to / }).click();
    await expect.poll(() => lock.innerText()).toContain('The books are locked up to');
    expect((await api('billingSettings.get', {})).lockDate).toBe(addDays(today, -1));

    await openClient('Lotus Web Studio');
    await account().getByRole('button', { name: 'Record payment' }).click();
    const form = dialog();
    await form.getByLabel(/^Date/).fill(addDays(today, -2));
    await form.getByLabel(/^Amount \(USD\)/).fill('37.59');
    await form.getByRole('button', { name: 'Record payment' }).click();
    expect(await errorBeside(form.getByLabel(/^Date/))).toMatch(/^The books are locked up to .+; use a later date$/);
    expect(await isFocused(form.getByLabel(/^Date/))).toBe(true);
    await page.keyboard.press('Escape');
    await noDialog();
    expect((await api('accounts.summary', { clientId })).balanceMinor).toBe(3759);
  });

  it('checks the books: every check passes', async () => {
    await nav('Settings').click();
    const check = page.getByRole('region', { name: 'Check the books' });
    await check.getByRole('button', { name: 'Check the books' }).click();
    await expect.poll(() => check.innerText()).toContain('All checks passed: the books are in order.');
    expect(await check.locator('.check-ok').count()).toBe(7);
    expect(await check.locator('.check-problem').count()).toBe(0);
  });

  it('saves the billing settings, late-fee policy included', async () => {
    const form = page.getByRole('region', { name: 'Billing settings' });
    await form.getByLabel('Payment terms (days)').fill('thirty');
    await form.getByRole('button', { name: 'Save billing settings' }).click();
    expect(await errorBeside(form.getByLabel('Payment terms (days)'))).toBe('Enter a whole number of days');
    await form.getByLabel('Payment terms (days)').fill('30');
    await form.getByLabel('Default tax rate').selectOption({ label: 'Sales tax (8.25%)' });
    await form.getByLabel('Charge late fees').check();
    await form.getByLabel('Late fee', { exact: true }).selectOption({ label: 'A fixed amount' });
    await form.getByRole('button', { name: 'Add currency' }).first().click();
    await form.getByLabel('Fixed fee 1: currency').fill('usd');
    await form.getByLabel('Fixed fee 1: amount').fill('5');
    await form.getByLabel('How often').selectOption({ label: 'Every month while overdue' });
    await form.getByRole('button', { name: 'Add currency' }).last().click();
    await form.getByLabel('Cap 1: currency').fill('USD');
    await form.getByLabel('Cap 1: amount').fill('20');
    await form.getByRole('button', { name: 'Save billing settings' }).click();
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Saved.');
    const saved = await api('billingSettings.get', {});
    expect(saved).toMatchObject({ paymentTermsDays: 30, lockDate: addDays(today, -1), lateFee: { enabled: true, kind: 'fixed', fixedMinorByCurrency: { USD: 500 }, afterDays: 5, repeat: 'monthly', capMinorByCurrency: { USD: 2000 } } });
    expect(saved.defaultTaxRateId).toMatch(/^tx_/);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).scrollIntoViewIfNeeded();
    await screenshot('settings-billing-en.png');

    const numbers = page.getByRole('region', { name: 'Invoice numbers' });
    await numbers.getByLabel('Credit notes').fill('CN-{YYYY}');
    await numbers.locator('form').filter({ has: page.getByLabel('Credit notes') }).getByRole('button', { name: 'Save format' }).click();
    expect(await errorBeside(numbers.getByLabel('Credit notes'))).toContain('A format needs exactly one {NNNNN}');
    await numbers.getByLabel('Credit notes').fill('CR{YY}{MM}-{NNNN}');
    await numbers.locator('form').filter({ has: page.getByLabel('Credit notes') }).getByRole('button', { name: 'Save format' }).click();
    await expect.poll(() => numbers.getByText(/^The next one: CR\d{4}-0002$/).count()).toBe(1);
  });

  it('runs billing by hand: a renewal falls due, and the preview shows what comes next', async () => {
    const contoso = (await api('clients.search', { query: 'Contoso' })).items[0]!;
    // After the bounced and disputed payments above, Contoso scores critical, and that band renews
    // as proformas by default; this step is about when renewals fall due (band treatments have
    // their own tests), so its renewals are plain invoices here.
    await api('risk.settings.update', { bands: [{ band: 'critical', renewalsAsProforma: false }, { band: 'high', renewalsAsProforma: false }] });
    await api('contracts.create', { clientId: contoso.id, kind: 'vps', label: 'vps-contoso-2', priceMinor: 4900, cycle: 'monthly', startDate: addDays(today, -20), nextDueDate: addDays(today, 10) });
    await api('contracts.create', { clientId: contoso.id, kind: 'domain', label: 'contoso.example', priceMinor: 1500, cycle: 'annual', startDate: addDays(today, -300), nextDueDate: addDays(today, 25) });
    const run = page.getByRole('region', { name: 'Billing run' });
    // Fourteen days ahead: the VPS renewal (its day already passed) and the domain's.
    await run.getByLabel('Look ahead').selectOption({ label: 'Today and the next 14 days' });
    await run.getByRole('button', { name: 'Show preview' }).click();
    await expect.poll(() => run.innerText()).toContain('invoices: 2, proformas: 0');
    expect(await run.innerText()).toContain('Nothing is written.');
    await run.getByRole('button', { name: 'Run billing now' }).click();
    await expect.poll(() => run.innerText(), { timeout: 30_000 }).toContain('Issued — invoices: 1,');
    expect(await run.innerText()).toMatch(/Billing ran for/);
    expect((await api('invoices.search', { clientId: contoso.id, filter: 'open' })).items).toHaveLength(2);
    // Twice on one day issues nothing twice.
    await run.getByRole('button', { name: 'Run billing now' }).click();
    await expect.poll(() => run.innerText(), { timeout: 30_000 }).toContain('Issued — invoices: 0,');

    // The VPS is invoiced; next comes the domain, and nothing is paid in advance for it: with no
    // credit there is nothing to warn about, only the date.
    await openClient('Contoso GmbH');
    await expect.poll(() => account().innerText()).toContain(`Next renewal: €15.00 on ${await page.evaluate((date) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`)), addDays(today, 25))}.`);
    expect(await account().innerText()).not.toContain('will not cover');
  });

  it('records usage on a pay-as-you-go contract, refusing a quantity that is not one', async () => {
    const contoso = (await api('clients.search', { query: 'Contoso' })).items[0]!;
    await api('contracts.create', {
      clientId: contoso.id,
      kind: 'other',
      label: 'backup-storage.contoso',
      pricingModel: 'metered',
      tiers: [{ upTo: null, unitPriceMinor: 10 }],
      unitLabel: 'GB',
      priceMinor: 0,
      cycle: 'monthly',
      startDate: addDays(today, -20),
      nextDueDate: addDays(today, 10),
    });
    await nav('Contracts').click();
    await page.getByRole('searchbox').fill('backup-storage');
    await page.getByRole('button', { name: 'backup-storage.contoso' }).click();
    const usage = dialog().getByRole('region', { name: 'Usage' });
    await expect.poll(() => usage.innerText()).toContain('No usage recorded yet.');
    await usage.getByLabel('Used (GB)').fill('1.2345');
    await usage.getByRole('button', { name: 'Record usage' }).click();
    expect(await errorBeside(usage.getByLabel('Used (GB)'))).toContain('up to three decimals');
    await usage.getByLabel('Used (GB)').fill('12.5');
    await usage.getByLabel('Note').fill('Nightly backups');
    await usage.getByRole('button', { name: 'Record usage' }).click();
    await expect.poll(() => usage.getByRole('table').innerText()).toMatch(/12\.5\s+Nightly backups\s+Not yet billed/);
    await page.keyboard.press('Escape');
    await noDialog();
  });

  it('speaks Chinese on every billing screen', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await nav('账单').click();
    await mainHeading('账单').waitFor();
    expect(await navEntries(page)).toEqual(NAV_ZH);
    await expect.poll(() => page.getByRole('columnheader').allInnerTexts()).toEqual(['账单编号', '客户', '开具日期', '到期日', '合计', '未付', '状态']);
    expect(await rowWith(invoiceNumber).innerText()).toContain('已付清');
    expect(await page.locator('main').innerText()).not.toContain('发票');
    await screenshot('invoices-zh.png');

    await page.getByRole('navigation', { name: '功能区' }).getByRole('link', { name: '应收账款' }).click();
    await mainHeading('应收账款').waitFor();
    await expect.poll(() => page.getByRole('columnheader').allInnerTexts()).toContain('未到期');
    expect(await page.getByRole('columnheader').allInnerTexts()).toContain('1–30 天');
    await screenshot('receivables-zh.png');

    await page.getByRole('navigation', { name: '功能区' }).getByRole('link', { name: '设置' }).click();
    await mainHeading('设置').waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain('账期锁定');
    expect(await page.locator('main').innerText()).toContain('滞纳金');
    await screenshot('settings-billing-zh.png');

    await page.getByRole('navigation', { name: '功能区' }).getByRole('link', { name: '客户' }).click();
    await page.getByRole('link', { name: 'Lotus Web Studio' }).click();
    await mainHeading('Lotus Web Studio').waitFor();
    const zhAccount = page.getByRole('region', { name: '账户', exact: true });
    await expect.poll(() => zhAccount.innerText()).toContain('账户余额');
    await expect.poll(() => zhAccount.getByRole('rowheader').count()).toBe(4);
    await scrollToAccount();
    await screenshot('client-account-zh.png');

    await zhAccount.getByRole('button', { name: '新建账单' }).click();
    const editor = dialog();
    await editor.getByRole('heading', { name: '为 Lotus Web Studio 新建账单' }).waitFor();
    await editor.getByLabel('第 1 行：说明').fill('虚拟主机续费（一年）');
    await editor.getByLabel('第 1 行：单价').fill('99.5');
    await editor.getByRole('button', { name: '添加一行' }).click();
    await editor.getByLabel('第 2 行：说明').fill('域名续费');
    await editor.getByLabel('第 2 行：单价').fill('1,5');
    await editor.getByRole('button', { name: '开具账单' }).click();
    expect(await errorBeside(editor.getByLabel('第 2 行：单价'))).toContain('请输入金额，例如 12.50');
    await editor.getByLabel('第 2 行：单价').fill('15');
    await expect.poll(() => editor.getByRole('table', { name: '合计' }).innerText()).toContain('US$123.95');
    await editor.getByLabel('类型').focus();
    await screenshot('invoice-editor-zh.png');
    await editor.getByRole('button', { name: '开具账单' }).click();
    await expect.poll(() => dialog().getByRole('status').first().innerText()).toMatch(/^已开具，账单编号 INV-/);
    await screenshot('invoice-view-zh.png');
    await dialog().getByRole('button', { name: '关闭' }).click();
    await noDialog();

    await zhAccount.getByRole('button', { name: '登记收款' }).click();
    const payment = dialog();
    await payment.getByRole('heading', { name: '登记 Lotus Web Studio 的收款' }).waitFor();
    await payment.getByLabel(/^金额（USD）/).fill('200');
    await payment.getByLabel('付款方式').selectOption({ label: '支付宝' });
    await payment.getByLabel('手动选择账单').check();
    await payment.getByLabel(/^支付 INV-/).first().fill('37.59');
    await expect.poll(() => payment.locator('.allocation-summary').innerText()).toBe('用于账单：US$37.59 · 计入账户余额：US$162.41');
    await scrollDialogToEnd();
    await screenshot('record-payment-zh.png');
    await page.keyboard.press('Escape');
    await noDialog();

    await page.getByRole('button', { name: 'English' }).click();
    await mainHeading('Lotus Web Studio').waitFor();
  });

  it('bounces a payment, reopening what it paid, and refunds a credit balance', async () => {
    const contoso = (await api('clients.search', { query: 'Contoso' })).items[0]!;
    await api('payments.record', { clientId: contoso.id, date: today, amountMinor: 4900, method: 'bank_transfer', reference: 'SEPA-0042' });
    await openClient('Contoso GmbH');
    await account().getByRole('tab', { name: 'Payments', exact: true }).click();
    await account().getByRole('tabpanel').getByRole('rowheader').first().getByRole('button').click();
    await dialog().getByRole('heading', { name: /^Payment of €49\.00/ }).waitFor();
    await dialog().getByRole('button', { name: 'Bounced…' }).click();
    await dialog().getByLabel(/^Reason/).fill('Returned by the bank: account closed');
    await dialog().getByRole('button', { name: 'Mark as bounced' }).click();
    await expect.poll(() => dialog().getByRole('status').first().innerText()).toContain('Payment marked as bounced');
    expect(await dialog().innerText()).toContain('Returned by the bank: account closed');
    expect(await dialog().getByRole('region', { name: 'Where it went' }).innerText()).toContain('Reversed on');
    await dialog().getByRole('button', { name: 'Close' }).click();
    await noDialog();
    await expect.poll(() => figure('Overdue').innerText()).toBe('€49.00');

    // Money received as credit alone, then applied by hand to the invoice the bounce reopened.
    await api('payments.record', { clientId: contoso.id, date: today, amountMinor: 20_000, method: 'cash', allocations: [] });
    await expect.poll(() => figure('Credit balance').innerText()).toBe('€200.00');
    await account().getByRole('tabpanel').getByRole('rowheader').first().getByRole('button').click();
    await dialog().getByRole('button', { name: 'Apply to invoices…' }).click();
    const apply = dialog();
    await apply.getByRole('heading', { name: 'Apply €200.00 of credit to invoices' }).waitFor();
    const [reopened] = (await api('invoices.search', { clientId: contoso.id, filter: 'overdue' })).items;
    await apply.getByLabel(`Apply to ${reopened!.number}`).fill('49');
    await expect.poll(() => apply.locator('.allocation-summary').innerText()).toBe('Applied to invoices: €49.00 · Left as credit: €151.00');
    await apply.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(() => dialog().getByRole('status').first().innerText()).toContain('Applied.');
    expect(await dialog().getByRole('region', { name: 'Where it went' }).innerText()).toContain(`Invoice ${reopened!.number}`);
    await dialog().getByRole('button', { name: 'Close' }).click();
    await noDialog();
    await expect.poll(() => figure('Overdue').innerText()).toBe('€0.00');
    const credit = await figure('Credit balance').innerText();
    await account().getByRole('button', { name: 'Refund credit' }).click();
    const refund = dialog();
    await refund.getByLabel(/^Amount \(EUR\)/).fill('100000');
    await refund.getByRole('button', { name: 'Record refund' }).click();
    expect(await errorBeside(refund.getByLabel(/^Amount \(EUR\)/))).toBe(`At most the credit balance, ${credit}`);
    await refund.getByLabel(/^Amount \(EUR\)/).fill(credit.replace('€', ''));
    await refund.getByLabel(/^Reason/).fill('Client paid twice');
    await refund.getByRole('button', { name: 'Record refund' }).click();
    await noDialog();
    await expect.poll(() => figure('Credit balance').innerText()).toBe('€0.00');
    expect(await account().getByRole('button', { name: 'Refund credit' }).count()).toBe(0);
  });

  it('ran without errors in the browser console', () => {
    expect(browserErrors).toEqual([]);
  });
});
