// The arrears desk, end to end: the sample book (clients in arrears at every rung) in browser mode
// and headless Chromium. An empty book opens on the client list and its desk has nothing to do;
// with clients the app lands on the desk; lines are grouped by step; a restriction line
// is approved and a notice skipped with a reason; Run now shows its summary and the client's
// Ladder panel shows what was recorded; the forecast lists the next days; a policy edit with a bad
// day shows the error beside that box; the same in 简体中文. The tests run in order and share one book.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LadderLineView } from '../../shared/api/dunning.js';
import { addDays } from '../../shared/dates.js';
import { formatDate } from '../../renderer/src/ui/formatting.js';
import type { Input, MethodName, Output } from '../../shared/api/methods.js';
import type { BrowserMode } from '../fixtures/browserMode.js';
import { callApi, closeBook, errorBeside, openBook, screenshot as screenshotOf, type OpenBook } from './support/book.js';

let book: OpenBook | undefined;
let server: BrowserMode;
let page: Page;
let browserErrors: string[];
/** The lines decided in the second test, checked after the run. */
let approved: LadderLineView;
let skipped: LadderLineView;

const api = <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => callApi(server, method, input);
const screenshot = (name: string) => screenshotOf(page, name);
const mainHeading = (name: string) => page.getByRole('heading', { level: 1, name });
const row = (line: LadderLineView) => page.locator(`section[data-step="${line.stepKey}"] tr[data-invoice-id="${line.invoiceId}"]`);
const box = (line: LadderLineView) => row(line).getByRole('checkbox');
/** Narrows the desk to one client's lines, as a reseller looking for them does: a long step draws only the rows in view. */
const searchFor = (line: LadderLineView | null) => page.getByLabel('Search by client').fill(line ? line.clientName : '');

/** Keeps every web notification the page shows in window.shownNotifications (runs before the app's scripts). */
const RECORD_NOTIFICATIONS = `
  window.shownNotifications = [];
  const Real = window.Notification;
  window.Notification = class extends Real {
    constructor(title, options) {
      super(title, options);
      window.shownNotifications.push({ title, body: options && options.body });
    }
  };
`;

beforeAll(async () => {
  book = await openBook({ afterFirstDailyRun: true });
  ({ server, page, browserErrors } = book);
});

afterAll(() => closeBook(book));

/** The sample book, with one client whose restriction waits on the desk for approval. */
async function loadSampleBook() {
  await api('demo.load', {});
  // The sample book's ladder never ran, so every escalation first waits for its notice to go out.
  // One client gets a policy whose restriction needs no notice: it waits on the desk for approval.
  const desk = await api('dunning.desk', {});
  const client = desk.lines.find((line) => line.stepKey === 'restriction')!.clientId;
  const quick = await api('dunning.policies.save', {
    policy: { name: 'Quick restriction', manualOnly: false, minimumMinorByCurrency: {}, minNoticeDays: 0, steps: [{ key: 'restriction', offsetDays: 7, approval: 'ask', actions: [{ kind: 'restrict', how: 'limit_bandwidth' }] }] },
  });
  await api('dunning.policies.assign', { scope: 'client', target: client, policyId: quick.id });
}

describe('the arrears desk in browser mode', () => {
  it('opens an empty book on the client list, and its desk has nothing to do', async () => {
    await page.goto(server.url);
    await mainHeading('Clients').waitFor();
    expect(page.url()).toMatch(/#\/clients$/);
    await page.locator('.section-nav').getByRole('link', { name: 'Arrears desk' }).click();
    await page.getByRole('heading', { name: 'Nothing to do today' }).waitFor();
    await page.getByText('Nothing is planned for the next 30 days either.').waitFor();
    await loadSampleBook();
  });

  it('lands on the desk, with the lines grouped by step in ladder order', async () => {
    // Opened afresh from the printed link (only the fragment differs, so the page is reloaded).
    await page.goto(server.url);
    await page.reload();
    await mainHeading('Arrears desk').waitFor();
    expect(page.url()).toMatch(/#\/desk$/);
    const desk = await api('dunning.desk', {});
    expect(desk.lines.length).toBeGreaterThan(5);
    await page.locator('section.desk-group').first().waitFor();
    const shownSteps = await page.locator('section.desk-group').evaluateAll((sections) => sections.map((s) => s.getAttribute('data-step')));
    // "To do" first: what catch-up only records (reminders not sent late, overtaken notices) is counted above, not listed.
    const toDo = desk.lines.filter((line) => line.status !== 'missed' && line.status !== 'superseded');
    expect(new Set(shownSteps)).toEqual(new Set(toDo.map((line) => line.stepKey)));
    expect(await page.locator('.desk-catch-up').innerText()).toContain(`(${desk.counts.missed})`);
    // Every to-do line is in its step's table; a long step draws only the rows near the screen.
    const perStep = await page.locator('section.desk-group').evaluateAll((sections) =>
      sections.map((s) => ({ step: s.getAttribute('data-step')!, lines: Number(s.querySelector('table')!.getAttribute('aria-rowcount')) - 1, drawn: s.querySelectorAll('tbody tr[data-invoice-id]').length })),
    );
    expect(perStep.reduce((sum, group) => sum + group.lines, 0)).toBe(toDo.length);
    for (const group of perStep) expect(group.lines).toBe(toDo.filter((line) => line.stepKey === group.step).length);
    const long = perStep.find((group) => group.lines > 100)!;
    expect(long, 'the sample book has a step with more than 100 lines').toBeDefined();
    expect(long.drawn).toBeLessThan(long.lines);
    expect(perStep.filter((group) => group.lines <= 100).every((group) => group.drawn === group.lines)).toBe(true);
    // Scrolled to its end, the long step draws its last line, at its place in the table.
    const longTable = page.locator(`section[data-step="${long.step}"] table`);
    await longTable.evaluate((table) => table.scrollIntoView({ block: 'end' }));
    await expect.poll(() => longTable.locator(`tbody tr[aria-rowindex="${long.lines + 1}"]`).count()).toBe(1);
    await page.locator('.app-main').evaluate((main) => main.scrollTo(0, 0));
    // Ladder order: a group's first line is never earlier in the ladder than the group above it.
    const firstOffsets = shownSteps.map((key) => Math.min(...toDo.filter((line) => line.stepKey === key).map((line) => line.offsetDays)));
    expect(firstOffsets).toEqual([...firstOffsets].sort((a, b) => a - b));
    // A step is named in words with its day: "Restriction (+7)".
    const headings = await page.locator('section.desk-group h2').allInnerTexts();
    // (a risk band may bring a client's restriction earlier: then the heading gives the span of days).
    const restriction = desk.lines.filter((line) => line.stepKey === 'restriction').map((line) => line.offsetDays);
    const days = (low: number, high: number) => (low === high ? `+${low}` : `+${low}…+${high}`);
    expect(headings).toContain(`Restriction (${days(Math.min(...restriction), Math.max(...restriction))})`);
    expect(headings).toContain('Final notice (+10)');
    // The badge on the navigation counts what waits for a person.
    const waiting = (desk.counts.needs_approval ?? 0) + (desk.counts.failed ?? 0);
    expect(waiting).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.section-nav-item[aria-current="page"] .nav-count').innerText()).toBe(String(waiting));
    // The sample book's contracts have no panel account linked: the setup notice says it once with
    // the count and the page that links them; each such line only names it.
    const unlinked = toDo.filter((line) => line.warnings.includes('no_panel_link')).length;
    expect(unlinked).toBeGreaterThan(0);
    await page.getByText('No panel account linked: the panel step is left undone.').first().waitFor();
    expect(await page.locator('.desk-warning').filter({ hasText: 'No panel account' }).count()).toBe(0);
    // The sample book has its reseller's profile but no email server: the desk says so once, with
    // how many lines wait for it and the page that sets it up.
    const emailWaits = toDo.filter((line) => line.blockedBy.includes('email_no_server')).length;
    expect(emailWaits).toBeGreaterThan(0);
    expect(toDo.some((line) => line.blockedBy.includes('company_profile_missing'))).toBe(false);
    const setup = page.locator('.desk-setup');
    expect(await setup.getByRole('heading').innerText()).toBe('Set up before the ladder can do every step');
    expect(await setup.innerText()).toContain(`Email is not set up (no SMTP server): ${emailWaits} lines would send an email.`);
    expect(await setup.innerText()).toContain(`${unlinked} lines have a panel step (a restriction, backup or suspension) for a contract with no control panel account linked`);
    const links = await setup.getByRole('link').evaluateAll((all) => all.map((a) => `${a.textContent} ${a.getAttribute('href')}`));
    expect(links).toContain('Email & SMS #/settings/channels');
    expect(links).toContain('Control panels #/settings/panels');
    await screenshot('desk-en.png');
  });

  it('keeps a screen opened while it is still deciding where to land, instead of bouncing to the desk', async () => {
    // The landing's question (has the book clients?) is held until the user has gone elsewhere. The
    // window is emptied first, so only the freshly opened app's question is the one held.
    await page.goto('about:blank');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const asking = new Promise<void>((resolve) => (asked = resolve));
    await page.route('**/api/clients.search', async (route) => {
      asked();
      await held;
      await route.continue();
    });
    try {
      await page.goto(server.url);
      await asking;
      await page.evaluate("window.location.hash = '#/reports'");
      await mainHeading('Reports').waitFor();
      const answered = page.waitForResponse('**/api/clients.search');
      release();
      // Give the held answer time to arrive and (before the fix) replace the route with the desk.
      await answered;
      await page.waitForTimeout(300);
      expect(page.url()).toMatch(/#\/reports$/);
      expect(await mainHeading('Reports').isVisible()).toBe(true);
    } finally {
      release();
      await page.unroute('**/api/clients.search');
      await page.evaluate("window.location.hash = '#/desk'");
      await mainHeading('Arrears desk').waitFor();
    }
  });

  it('approves a restriction and skips a notice with a reason, by mouse and by keyboard', async () => {
    const desk = await api('dunning.desk', {});
    approved = desk.lines.find((line) => line.stepKey === 'restriction' && line.status === 'needs_approval')!;
    expect(approved, 'the sample book has a restriction waiting for approval').toBeDefined();
    skipped = desk.lines.find((line) => line.actions.every((a) => a.kind === 'send') && line.status === 'due' && line.clientId !== approved.clientId)!;
    expect(skipped, 'the sample book has a notice due today').toBeDefined();

    // Space on the focused checkbox selects the line; the arrow keys move between lines.
    const badge = page.locator('.section-nav-item[aria-current="page"] .nav-count');
    const waitingBefore = Number(await badge.innerText());
    await searchFor(approved);
    await box(approved).focus();
    await page.keyboard.press('ArrowDown');
    expect(await box(approved).evaluate((element) => element.matches(':focus'))).toBe(false);
    await page.keyboard.press('ArrowUp');
    expect(await box(approved).evaluate((element) => element.matches(':focus'))).toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => box(approved).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Approve', exact: true }).click();
    await expect.poll(() => row(approved).getAttribute('data-status')).toBe('approved');
    await page.getByText('Approved: 1. They run at the next run.').waitFor();
    await expect.poll(async () => Number(await badge.innerText())).toBe(waitingBefore - 1);

    // Postponed to a day: it says until when.
    const later = desk.lines.find((line) => line.clientId === approved.clientId && line.status === 'needs_approval' && line.invoiceId !== approved.invoiceId)!;
    await box(later).check();
    await page.getByRole('button', { name: 'Postpone…' }).click();
    const until = page.getByRole('dialog').getByLabel('Until');
    await until.fill(addDays(desk.asOf, 5));
    await page.getByRole('dialog').getByRole('button', { name: 'Postpone', exact: true }).click();
    await page.getByText('Postponed: 1.').waitFor();
    await expect.poll(() => row(later).innerText()).toContain(`Postponed until ${formatDate(addDays(desk.asOf, 5), 'en')}`);

    await searchFor(skipped);
    await box(skipped).check();
    await page.getByRole('button', { name: 'Skip…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Skip', exact: true }).click();
    // No reason: refused, beside the box.
    expect(await errorBeside(page, dialog.getByLabel('Reason'))).not.toBe('');
    await dialog.getByLabel('Reason').fill('Client phoned: paying by transfer today');
    await dialog.getByRole('button', { name: 'Skip', exact: true }).click();
    await page.getByText('Skipped: 1.').waitFor();
    await expect.poll(() => row(skipped).count()).toBe(0);
    await searchFor(null);
  });

  it('runs, shows what the run did, and the client’s Ladder panel shows the rungs', async () => {
    // Desktop notifications allowed in this browser: the run that leaves work raises one.
    await page.context().grantPermissions(['notifications'], { origin: server.baseUrl });
    await page.addInitScript({ content: RECORD_NOTIFICATIONS });
    await page.reload();
    await page.getByText('Desktop notifications are on.').waitFor();
    await page.getByRole('button', { name: 'Run now' }).click();
    const summary = page.locator('.desk-summary');
    await summary.waitFor({ timeout: 60_000 });
    const run = (await api('dunning.runs.list', { limit: 1 })).runs[0]!;
    expect(await summary.innerText()).toContain(`Done: ${run.done}`);
    expect(run.failed).toBeGreaterThan(0);
    expect(await summary.innerText()).toContain(`Failed, tried again at the next run: ${run.failed}`);
    // A line whose email waits for the server says why in words, not in the backend's codes.
    const failedLine = (await api('dunning.desk', {})).lines.find((line) => line.status === 'failed' && line.failures.some((f) => f.problem === 'email_no_server'))!;
    await searchFor(failedLine);
    const failedRow = page.locator(`section.desk-group[data-step="${failedLine.stepKey}"] tr:has(a[href="#/clients/${failedLine.clientId}"])`).filter({ hasText: failedLine.invoiceNumber });
    await expect.poll(() => failedRow.innerText(), { timeout: 10_000 }).toContain('email (email is not set up: no SMTP server)');
    await searchFor(null);
    // The line about the last run follows once the desk has reloaded after the run.
    await expect.poll(() => page.locator('.desk-last-run').innerText(), { timeout: 10_000 }).toContain(`Done ${run.done}, failed ${run.failed}`);
    const waiting = await api('dunning.desk', {});
    await expect.poll(() => page.evaluate('window.shownNotifications')).toEqual([
      { title: 'HostLedger: arrears desk', body: `Waiting for approval: ${waiting.counts.needs_approval ?? 0}. Failed: ${waiting.counts.failed ?? 0}. Calls due: 0.` },
    ]);
    await screenshot('desk-after-run-en.png');

    const history = await api('dunning.history', { clientId: skipped.clientId });
    const rung = history.rungs.find((r) => r.invoiceId === skipped.invoiceId && r.stepKey === skipped.stepKey)!;
    expect(rung.state).toBe('skipped');
    expect(rung.reason).toBe('Client phoned: paying by transfer today');

    await page.goto(`${server.baseUrl}/#/clients/${encodeURIComponent(skipped.clientId)}`);
    const panel = page.locator('.client-ladder');
    await panel.waitFor();
    const shown = panel.locator(`tr[data-step="${skipped.stepKey}"][data-state="skipped"]`);
    await shown.waitFor();
    expect(await shown.innerText()).toContain('Client phoned: paying by transfer today');
    await page.setViewportSize({ width: 1280, height: 1100 });
    await page.locator('#client-ladder-heading').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await screenshot('client-ladder-en.png');
    await page.setViewportSize({ width: 1280, height: 800 });

    // The client's own policy, chosen on their page.
    await panel.getByLabel('Policy for this client').selectOption({ label: 'Quick restriction' });
    await expect
      .poll(async () => (await api('dunning.policies.list', {})).policies.find((p) => p.policy.name === 'Quick restriction')!.assignments.map((a) => a.target))
      .toContain(skipped.clientId);

    const approvedHistory = await api('dunning.history', { clientId: approved.clientId });
    expect(approvedHistory.rungs.find((r) => r.invoiceId === approved.invoiceId && r.stepKey === 'restriction')?.state).toMatch(/done|failed/);
  });

  it('forecasts the next 30 days, grouped by date, with totals per step', async () => {
    await page.goto(`${server.baseUrl}/#/desk/forecast`);
    await page.getByRole('heading', { name: 'Totals per step' }).waitFor({ timeout: 20_000 });
    const forecast = await api('dunning.forecast', { days: 30 });
    const days = new Set(forecast.entries.map((entry) => entry.date));
    await expect.poll(() => page.locator('tbody.forecast-day').count()).toBe(days.size);
    const steps = new Set(forecast.entries.map((entry) => entry.line.stepKey));
    expect(await page.locator('.forecast-totals tbody tr').count()).toBe(steps.size);
    await screenshot('desk-forecast-en.png');
  });

  it('refuses a policy step out of order and says so beside its day', async () => {
    await page.goto(`${server.baseUrl}/#/settings/ladder`);
    const standard = page.locator('tr[data-policy="Standard"]');
    await standard.getByRole('button', { name: 'Edit' }).click();
    const dialog = page.getByRole('dialog');
    // Step 4 is the second notice (+5); the step above it is the first notice (+1).
    const day = dialog.locator('#policy-steps-3-offsetDays');
    await day.fill('0');
    await dialog.getByRole('button', { name: 'Save policy' }).click();
    expect(await errorBeside(page, day)).toBe('Steps go in order of their day: this one comes before the step above it.');
    await day.fill('999');
    await dialog.getByRole('button', { name: 'Save policy' }).click();
    await expect.poll(() => errorBeside(page, day)).toContain('365');
    expect((await api('dunning.policies.list', {})).policies.find((p) => p.isDefault)!.policy.steps[3]!.offsetDays).toBe(5);
    await day.evaluate((input) => input.scrollIntoView({ block: 'center' }));
    await screenshot('policy-error-en.png');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A new policy starts as a copy of the default.
    await page.getByRole('button', { name: 'New policy from the default' }).click();
    await dialog.getByLabel('Name').fill('Gentle');
    await dialog.locator('#policy-minNoticeDays').fill('5');
    await dialog.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Policy saved.').waitFor();
    await page.locator('tr[data-policy="Gentle"]').waitFor();
    await screenshot('policies-en.png');
    const gentle = (await api('dunning.policies.list', {})).policies.find((p) => p.policy.name === 'Gentle')!;
    const defaultPolicy = (await api('dunning.policies.list', {})).policies.find((p) => p.isDefault)!;
    expect(gentle.isDefault).toBe(false);
    expect(gentle.policy.minNoticeDays).toBe(5);
    expect(gentle.policy.steps).toEqual(defaultPolicy.policy.steps);

    // Deleting asks first.
    await page.locator('tr[data-policy="Gentle"]').getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('heading', { name: 'Delete the policy Gentle?' }).waitFor();
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Policy deleted.').waitFor();
    expect((await api('dunning.policies.list', {})).policies.map((p) => p.policy.name)).not.toContain('Gentle');
  });

  it('speaks Chinese', async () => {
    await page.getByRole('button', { name: '简体中文' }).click();
    await page.goto(`${server.baseUrl}/#/desk`);
    await mainHeading('催缴工作台').waitFor();
    await page.locator('section.desk-group').first().waitFor();
    // What to set up, and why a line failed, in Chinese too (the backend keeps its English record).
    expect(await page.locator('.desk-setup').innerText()).toContain('尚未设置邮件（缺少 SMTP 服务器）');
    expect(await page.locator('.desk-setup').innerText()).toContain('但其合同未关联控制面板账户');
    const failed = (await api('dunning.desk', {})).lines.find((line) => line.status === 'failed' && line.failures.some((f) => f.problem === 'email_no_server'))!;
    await page.getByLabel('按客户搜索').fill(failed.clientName);
    await expect.poll(() => page.locator(`section[data-step="${failed.stepKey}"] tr[data-invoice-id="${failed.invoiceId}"]`).innerText()).toContain('邮件（尚未设置邮件：缺少 SMTP 服务器）');
    await page.getByLabel('按客户搜索').fill('');
    await screenshot('desk-zh.png');
    await page.goto(`${server.baseUrl}/#/settings/ladder`);
    // The policy every book starts with is named in the reader's language until someone renames it.
    const standard = page.locator('tr[data-policy="Standard"]');
    expect(await standard.getByRole('rowheader').innerText()).toContain('标准');
    await standard.getByRole('button', { name: '编辑' }).click();
    await page.getByRole('dialog', { name: '催缴策略：标准' }).waitFor();
    await screenshot('policy-editor-zh.png');
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await page.goto(`${server.baseUrl}/#/desk/forecast`);
    await page.getByRole('heading', { name: '各步骤合计' }).waitFor({ timeout: 20_000 });
    await screenshot('desk-forecast-zh.png');
    expect(browserErrors).toEqual([]);
  });
});
