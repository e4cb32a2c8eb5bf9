// Control panels end to end: browser mode on a fresh book, the built renderer in headless
// Chromium, and the fake cPanel/WHM on 127.0.0.1 (HTTPS, self-signed). A reseller adds the panel,
// checks its certificate and pins it, tests it, links a contract, asks to suspend it (backed up
// first, approved on the actions page), sees it suspended on the panel and in the book, and
// unsuspends it; on a fake SolusVM, which cannot back up, records a backup made by hand before
// approving a suspension. Screenshots in English and Chinese.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import type { BrowserMode } from '../fixtures/browserMode.js';
import { startFakeCpanel } from '../fixtures/panels/fakes/cpanel.js';
import { startFakeSolusvm } from '../fixtures/panels/fakes/solusvm.js';
import type { FakePanel } from '../fixtures/panels/fakes/fakePanel.js';
import { callApi, closeBook, openBook, screenshot as screenshotOf, type OpenBook } from './support/book.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let page: Page;
let browserErrors: string[];
let fake: FakePanel;
let contractId: string;

const api = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callApi(server, method, input);
const screenshot = (name: string) => screenshotOf(page, name);
const dialog = () => page.getByRole('dialog');
const mainHeading = (name: string) => page.getByRole('heading', { level: 1, name });
const sectionLink = (name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name, exact: true });

beforeAll(async () => {
  fake = await startFakeCpanel({ accounts: { bobshop: { package: 'gold' } } });
  book = await openBook({ afterFirstDailyRun: true });
  ({ server, page, browserErrors } = book);
  const client = await api('clients.create', { name: 'Bob’s Shop', currency: 'USD' });
  contractId = (await api('contracts.create', { clientId: client.id, label: 'bobshop.example', kind: 'shared_hosting', panelKind: 'cpanel', panelAccount: 'bobshop', cycle: 'monthly', priceMinor: 1500, startDate: '2026-01-01' })).id;
});

afterAll(async () => {
  await closeBook(book);
  await fake?.close();
});

describe('control panels in browser mode', () => {
  it('adds a cPanel connection, pins its certificate after comparing the fingerprint, and tests it', async () => {
    await page.goto(server.url);
    // A book with clients opens on the arrears desk; the client list is one link away.
    await mainHeading('Arrears desk').waitFor();
    await page.locator('.section-nav').getByRole('link', { name: 'Clients', exact: true }).click();
    await mainHeading('Clients').waitFor();
    await sectionLink('Settings').click();
    await page.getByRole('navigation', { name: 'Settings pages' }).getByRole('link', { name: 'Panels' }).click();
    await page.getByRole('heading', { name: 'Control panels' }).waitFor();
    await page.getByRole('button', { name: 'Add panel' }).click();
    const form = dialog();
    await form.getByLabel('Panel', { exact: true }).selectOption('cpanel');
    await form.locator('#panel-name').fill('WHM Hong Kong');
    await form.locator('#panel-host').fill('127.0.0.1');
    await form.getByLabel('Port', { exact: true }).fill(String(fake.port));
    await form.getByLabel('User name').fill(fake.credentials.username!);
    await form.getByLabel('API token').fill(fake.credentials.token!);
    await screenshot('panels-add-en.png');
    await form.getByRole('button', { name: 'Add panel' }).click();
    await form.waitFor({ state: 'hidden' });

    const row = page.getByRole('row', { name: /WHM Hong Kong/ });
    await expect.poll(() => row.innerText()).toContain('Not pinned');
    await row.getByRole('button', { name: 'Certificate…' }).click();
    const fingerprint = dialog().getByTestId('fingerprint');
    await fingerprint.waitFor();
    expect(await fingerprint.innerText()).toBe(fake.fingerprint);
    await screenshot('panels-certificate-en.png');
    await dialog().getByRole('button', { name: 'Trust and pin this certificate' }).click();
    await dialog().getByText('This is the pinned certificate.').waitFor();
    await dialog().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => row.innerText()).toContain('Pinned');

    await row.getByRole('button', { name: 'Test' }).click();
    await expect.poll(() => row.innerText()).toContain('Answered');
    const [connection] = (await api('panels.connections.list', {})).items;
    expect(connection).toMatchObject({ credentialsSet: ['username', 'token'], lastTest: { ok: true } });
    expect(JSON.stringify(connection)).not.toContain(fake.credentials.token!);

    await row.getByRole('button', { name: 'Link contracts…' }).click();
    await dialog().getByRole('button', { name: 'Link contracts' }).click();
    await dialog().getByText('1 contract(s) linked.').waitFor();
    await dialog().getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => row.innerText()).toMatch(/\b1\b/);
    await screenshot('panels-settings-en.png');
  });

  it('suspends the contract: backed up first, approved on the actions page, then suspended on the panel and in the book', async () => {
    await sectionLink('Contracts').click();
    await mainHeading('Contracts').waitFor();
    await page.getByRole('row', { name: /bobshop\.example/ }).click();
    const detail = dialog();
    await detail.getByTestId('panel-state').waitFor();
    expect(await detail.getByTestId('panel-state').innerText()).toContain('Active on the panel');
    // cPanel can do all of these; nothing else is offered.
    expect(await detail.getByRole('group', { name: 'Panel actions' }).getByRole('button').allInnerTexts()).toEqual(['Limit bandwidth', 'Downgrade', 'Back up', 'Suspend', 'Terminate']);
    await screenshot('contract-panel-en.png');
    await detail.getByRole('button', { name: 'Suspend', exact: true }).click();
    const ask = page.getByRole('dialog', { name: /Suspend: bobshop/ });
    await ask.getByLabel('Reason').fill('Invoice 30 days overdue');
    await ask.getByRole('button', { name: 'Suspend', exact: true }).click();
    await ask.getByText('Asked: it waits for approval').waitFor();
    await ask.getByRole('button', { name: 'Close' }).click();
    await page.keyboard.press('Escape');

    await sectionLink('Panel actions').click();
    await mainHeading('Panel actions').waitFor();
    const suspendRow = page.getByRole('row', { name: /Suspend/ }).filter({ hasText: 'Invoice 30 days overdue' });
    await expect.poll(() => suspendRow.innerText()).toContain('Waiting for approval');
    // The backup needs no approval and runs by itself first.
    await expect.poll(() => fake.accounts.get('bobshop')!.backups, { timeout: 30_000 }).toBe(1);
    await screenshot('actions-approval-en.png');
    await suspendRow.getByRole('button', { name: 'Approve' }).click();
    await expect.poll(() => fake.accounts.get('bobshop')!.suspended, { timeout: 30_000 }).toBe(true);
    await page.getByRole('button', { name: /^Done/ }).click();
    await expect.poll(() => page.getByRole('row', { name: /Suspend/ }).filter({ hasText: 'Invoice 30 days overdue' }).innerText()).toContain('Done');
    expect((await api('contracts.get', { id: contractId })).status).toBe('suspended');
    expect(fake.accounts.get('bobshop')!.suspendReason).toBe('Invoice 30 days overdue');
    await screenshot('actions-done-en.png');
  });

  it('unsuspends it (no approval needed) and the drift report finds the book and the panel agree', async () => {
    await sectionLink('Contracts').click();
    await page.getByRole('row', { name: /bobshop\.example/ }).click();
    const detail = dialog();
    await expect.poll(() => detail.getByTestId('panel-state').innerText()).toContain('Suspended on the panel');
    await detail.getByRole('button', { name: 'Unsuspend', exact: true }).click();
    const ask = page.getByRole('dialog', { name: /Unsuspend: bobshop/ });
    await ask.getByRole('button', { name: 'Unsuspend', exact: true }).click();
    await ask.getByText('Queued: it runs shortly.').waitFor();
    await ask.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => fake.accounts.get('bobshop')!.suspended, { timeout: 30_000 }).toBe(false);
    await expect.poll(async () => (await api('contracts.get', { id: contractId })).status).toBe('active');
    await page.keyboard.press('Escape');

    await page.goto(`${server.baseUrl}/#/drift`);
    await mainHeading('Drift report').waitFor();
    await page.getByRole('button', { name: 'Check panels now' }).click();
    await page.getByText('The book and the panels agree (1 accounts read).').waitFor();
  });

  it('on a panel that cannot back up, records a backup made by hand before the suspension is approved', async () => {
    const solus = await startFakeSolusvm();
    try {
      const connection = await api('panels.connections.create', { kind: 'solusvm', name: 'SolusVM Tokyo', host: '127.0.0.1', port: solus.port, options: solus.options, credentials: solus.credentials });
      await api('panels.pin', { id: connection.id, sha256: solus.fingerprint });
      const owner = await api('clients.create', { name: 'VM Owner', currency: 'USD' });
      const vm = await api('contracts.create', { clientId: owner.id, label: 'vm205.example', kind: 'vps', panelKind: 'solusvm', panelAccount: '205', cycle: 'monthly', priceMinor: 2000, startDate: '2026-01-01' });
      await api('panels.linkContract', { contractId: vm.id, connectionId: connection.id });
      await api('actions.request', { contractId: vm.id, kind: 'suspend', reason: 'VPS unpaid for 30 days' });

      await page.goto(`${server.baseUrl}/#/actions`);
      await mainHeading('Panel actions').waitFor();
      const suspendRow = page.getByRole('row', { name: /Suspend/ }).filter({ hasText: 'VPS unpaid for 30 days' });
      await expect.poll(() => suspendRow.innerText()).toContain('Waiting for approval');
      await suspendRow.getByRole('button', { name: 'Record manual backup…' }).click();
      const record = page.getByRole('dialog', { name: 'Backup of vm205.example made by hand' });
      // The box has focus; an empty note is refused beside it, and nothing is recorded.
      expect(await record.getByLabel(/^Where and when/).evaluate((box) => box === box.ownerDocument.activeElement)).toBe(true);
      await record.getByRole('button', { name: 'Record backup' }).click();
      await expect.poll(() => record.locator('#manual-backup-note-error').innerText()).toBe('This field is required');
      await record.getByLabel(/^Where and when/).fill('Disk image downloaded to the office NAS, 26 Nov');
      await record.getByRole('button', { name: 'Record backup' }).click();
      await record.waitFor({ state: 'hidden' });
      const { items } = await api('actions.list', { contractId: vm.id });
      expect(items.find((action) => action.kind === 'manual_backup')).toMatchObject({ state: 'succeeded', reason: 'Disk image downloaded to the office NAS, 26 Nov' });
      expect(solus.changes).toEqual([]);
    } finally {
      await solus.close();
    }
    // The next test starts where the unsuspension left off.
    await page.goto(`${server.baseUrl}/#/drift`);
    await mainHeading('Drift report').waitFor();
  });

  it('speaks Chinese on the panel screens', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await mainHeading('状态差异报告').waitFor();
    await page.getByRole('link', { name: '面板操作' }).first().click();
    await mainHeading('面板操作').waitFor();
    await page.getByRole('button', { name: /^全部/ }).click();
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(3);
    await screenshot('actions-zh.png');
    await page.goto(`${server.baseUrl}/#/settings/panels`);
    await page.getByRole('heading', { name: '控制面板' }).first().waitFor();
    await screenshot('panels-settings-zh.png');
    await page.goto(`${server.baseUrl}/#/contracts`);
    await page.getByRole('row', { name: /bobshop\.example/ }).click();
    await dialog().getByTestId('panel-state').waitFor();
    await screenshot('contract-panel-zh.png');
    expect(browserErrors).toEqual([]);
  });
});
