// Backups and health, end to end: the daily backup made on opening, "Back up now" with the new
// backup listed and verified, a payment entered after it, a restore from the list (the window
// reloads on the restored book and the payment is gone; the book before it was kept), the health
// checks all green, a folder that cannot be used refused beside its field, and the screen in
// Chinese. Screenshots of each step.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserMode } from '../fixtures/browserMode.js';
import { callApi, closeBook, errorBeside, openBook, screenshot, type OpenBook } from './support/book.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let page: Page;
let browserErrors: string[];
let clientId: string;

beforeAll(async () => {
  book = await openBook({ afterFirstDailyRun: true });
  ({ server, page, browserErrors } = book);
  clientId = (await callApi(server, 'clients.create', { name: 'Backup Test Hosting', currency: 'USD' })).id;
  await callApi(server, 'payments.record', { clientId, date: (await callApi(server, 'app.info', {})).today, amountMinor: 5000, method: 'bank_transfer' });
  await page.goto(server.url);
  await page.goto(`${server.baseUrl}/#/settings/backups`);
});

afterAll(() => closeBook(book));

const rows = () => page.locator('.backup-table tbody tr');

describe('backups and health', () => {
  it('lists the daily backup made on opening, and backs up now with the copy verified', async () => {
    await page.getByRole('heading', { level: 2, name: 'Backups' }).waitFor();
    await expect.poll(() => rows().count()).toBe(1);
    await expect.poll(() => rows().first().innerText()).toContain('Daily');
    await page.getByRole('button', { name: 'Back up now' }).click();
    await page.getByText(/Backed up and verified/).waitFor();
    await expect.poll(() => rows().count()).toBe(2);
    const newest = await rows().first().innerText();
    expect(newest).toContain('By hand');
    expect(newest).toContain('1 clients, 0 invoices, 1 payments');
    expect(newest).toContain('Verified');
    expect(readdirSync(join(server.dataDir, 'backups')).filter((f) => f.endsWith('.sqlite'))).toHaveLength(2);
    await screenshot(page, 'backups-list.png');
  });

  it('restores a backup: the current book is kept first and the window reopens on the restored one', async () => {
    await callApi(server, 'payments.record', { clientId, date: (await callApi(server, 'app.info', {})).today, amountMinor: 700, method: 'cash' });
    expect((await callApi(server, 'payments.listByClient', { clientId })).items).toHaveLength(2);
    await rows().first().getByRole('button', { name: 'Restore…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/It holds 1 clients, 0 invoices and 1 payments/).waitFor();
    await screenshot(page, 'backups-restore-dialog.png');
    await dialog.getByRole('button', { name: 'Back up the current book, then restore' }).click();
    // The window reloads once the backend has reopened; the list then shows the safety backup.
    await expect.poll(() => page.locator('.backup-table').innerText(), { timeout: 15_000 }).toContain('Before a restore');
    expect((await callApi(server, 'payments.listByClient', { clientId })).items).toHaveLength(1);
  });

  it('checks health: database file, audit trail, ledger and backups', async () => {
    await page.getByRole('button', { name: 'Check health' }).click();
    await page.getByText('All is well.').waitFor();
    const checks = await page.locator('.check-list li').allInnerTexts();
    expect(checks).toHaveLength(4);
    expect(checks.join('\n')).toMatch(/intact/);
    await screenshot(page, 'backups-health.png');
  });

  it('refuses a folder that is not a full path, beside the field, and changes nothing', async () => {
    await page.getByLabel('Use the default folder beside the book').uncheck();
    const folder = page.locator('#backup-settings-folder');
    await folder.fill('relative/backups');
    await page.getByRole('button', { name: 'Save backup settings' }).click();
    expect(await errorBeside(page, folder)).toBe('Give the full path, starting at the drive or at /.');
    expect((await callApi(server, 'backups.settings.get', {})).chosen).toBe(false);
    expect(existsSync(join(server.dataDir, 'relative'))).toBe(false);
  });

  it('locks the app with a passphrase, refuses a wrong one beside its field, and unlocks', async () => {
    await page.locator('#app-lock-newPassphrase').fill('correct horse battery');
    await page.locator('#app-lock-idleMinutes').fill('5');
    await page.getByRole('button', { name: 'Turn the lock on' }).click();
    await page.getByText('The lock is on.').waitFor();
    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { level: 1, name: 'HostLedger is locked' }).waitFor();
    // Nothing of the book is on screen, and the API refuses a script too.
    expect(await page.locator('.app').count()).toBe(0);
    const refused = await fetch(`${server.baseUrl}/api/clients.search`, { method: 'POST', headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const passphrase = page.getByLabel('Passphrase');
    await passphrase.fill('not the passphrase');
    await page.getByRole('button', { name: 'Unlock' }).click();
    expect(await errorBeside(page, passphrase)).toBe('That passphrase is not right.');
    await screenshot(page, 'app-locked.png');
    await passphrase.fill('correct horse battery');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { level: 2, name: 'App lock' }).waitFor();
    await page.locator('#app-lock-currentPassphrase').fill('correct horse battery');
    await page.getByRole('button', { name: 'Turn the lock off' }).click();
    await page.getByText('The lock is off.').waitFor();
  });

  it('reads in Chinese', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.getByRole('heading', { level: 2, name: '备份', exact: true }).waitFor();
    await page.getByRole('button', { name: '开始检查' }).click();
    await page.getByText('一切正常。').waitFor();
    await screenshot(page, 'backups-zh.png');
    expect(browserErrors).toEqual([]);
  });
});
