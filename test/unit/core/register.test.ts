import { afterEach, describe, expect, it } from 'vitest';
import { openTestBook, type TestBook } from '../../fixtures/book.js';

let book: TestBook;
afterEach(() => book?.close());

async function fieldError(method: Parameters<TestBook['call']>[0], input: unknown) {
  const answer = await book.backend.dispatch(method, input);
  if (answer.ok) throw new Error(`${method} should have failed`);
  return { code: answer.error.code, fields: (answer.error.details?.fields ?? []).map((f) => `${f.field}:${f.code}`), message: answer.error.message };
}

async function registerBook() {
  book = await openTestBook({ now: '2026-11-26T09:00:00Z' });
  const lite = await book.call('plans.create', { name: 'Lite (restricted)', kind: 'shared_hosting', currency: 'USD', prices: { monthly: 100 }, panelKind: 'cpanel', panelPackage: 'lite' });
  const pro = await book.call('plans.create', {
    name: 'Pro Hosting',
    kind: 'shared_hosting',
    currency: 'USD',
    prices: { monthly: 1500, annual: 15000 },
    panelKind: 'cpanel',
    panelPackage: 'pro',
    restrictionPlanId: lite.id,
  });
  const client = await book.call('clients.create', { name: 'Acme Web', currency: 'USD', tags: ['agency'], country: 'US' });
  return { lite, pro, client };
}

describe('plans', () => {
  it('lists the price list with the restriction plan and live contract counts', async () => {
    const { pro, client } = await registerBook();
    await book.call('contracts.create', { clientId: client.id, planId: pro.id, label: 'acme.example', cycle: 'annual', startDate: '2026-01-01' });
    const { items } = await book.call('plans.list', {});
    expect(items.map((p) => [p.name, p.contractCount])).toEqual([
      ['Lite (restricted)', 0],
      ['Pro Hosting', 1],
    ]);
    expect(items[1]!.restrictionPlanId).toBe(items[0]!.id);
  });

  it('refuses a duplicate name, a price-less plan, and a restriction plan on another panel', async () => {
    const { lite } = await registerBook();
    expect((await fieldError('plans.create', { name: 'pro hosting', kind: 'vps', currency: 'USD', prices: { monthly: 1 } })).fields).toEqual(['name:duplicate']);
    expect((await fieldError('plans.create', { name: 'Free', kind: 'vps', currency: 'USD', prices: {} })).fields).toEqual(['prices:required']);
    expect((await fieldError('plans.create', { name: 'Neg', kind: 'vps', currency: 'USD', prices: { monthly: -5 } })).fields).toEqual(['prices.monthly:too_small']);
    expect((await fieldError('plans.create', { name: 'VPS S', kind: 'vps', currency: 'USD', prices: { monthly: 500 }, panelKind: 'proxmox', restrictionPlanId: lite.id })).fields).toEqual([
      'restrictionPlanId:not_allowed',
    ]);
  });

  it('archives a plan: off the list, no new contracts on it', async () => {
    const { pro, client } = await registerBook();
    await book.call('plans.update', { id: pro.id, archived: true });
    expect((await book.call('plans.list', {})).items.map((p) => p.name)).toEqual(['Lite (restricted)']);
    expect((await book.call('plans.list', { includeArchived: true })).items).toHaveLength(2);
    expect((await fieldError('contracts.create', { clientId: client.id, planId: pro.id, label: 'x.example', cycle: 'monthly', startDate: '2026-12-01' })).fields).toEqual(['planId:not_allowed']);
  });
});

describe('contracts', () => {
  it('takes kind, panel and price from the plan, the currency from the client, and starts active', async () => {
    const { pro, client } = await registerBook();
    const contract = await book.call('contracts.create', {
      clientId: client.id,
      planId: pro.id,
      label: 'acme.example',
      panelAccount: 'acme',
      cycle: 'annual',
      startDate: '2026-01-15',
      termsText: 'Hosting terms v3 …',
      termsVersion: 'v3',
      signedDate: '2026-01-10',
      termReviewDate: '2026-12-01',
    });
    expect(contract).toMatchObject({
      kind: 'shared_hosting',
      panelKind: 'cpanel',
      priceMinor: 15000,
      currency: 'USD',
      nextDueDate: '2026-01-15',
      status: 'active',
      autoRenew: true,
      clientName: 'Acme Web',
      planName: 'Pro Hosting',
    });
    const detail = await book.call('contracts.get', { id: contract.id });
    expect(detail.statusHistory).toEqual([{ from: null, to: 'active', at: '2026-11-26T09:00:00.000Z', reason: null, actor: 'tester' }]);
  });

  it('refuses each kind of bad contract with the field named, changing nothing', async () => {
    const { pro, client } = await registerBook();
    const base = { clientId: client.id, planId: pro.id, label: 'acme.example', cycle: 'monthly' as const, startDate: '2026-03-01' };
    await book.call('contracts.create', { ...base, panelAccount: 'acme' });
    const cases: [object, string][] = [
      [{ priceMinor: -1 }, 'priceMinor:too_small'],
      [{ priceMinor: 12.5 }, 'priceMinor:invalid_type'],
      [{ endDate: '2026-02-01' }, 'endDate:date_order'],
      [{ nextDueDate: '2026-02-28' }, 'nextDueDate:date_order'],
      [{ endDate: '2026-06-30', nextDueDate: '2026-07-01' }, 'nextDueDate:date_order'],
      [{ currency: 'EUR' }, 'currency:currency_mismatch'],
      [{ planId: 'pl_0000000000000000' }, 'planId:unknown_reference'],
      [{ clientId: 'cl_0000000000000000' }, 'clientId:unknown_reference'],
      [{ panelAccount: 'ACME' }, 'panelAccount:in_use'],
      [{ startDate: '2026-02-30' }, 'startDate:invalid_date'],
      [{ cycle: 'weekly' }, 'cycle:invalid_choice'],
      [{ cycle: 'semiannual' }, 'priceMinor:required'],
      [{ pricingModel: 'tiered' }, 'tiers:required'],
    ];
    const before = (await book.call('contracts.listByClient', { clientId: client.id })).items.length;
    for (const [change, expected] of cases) {
      const { fields } = await fieldError('contracts.create', { ...base, ...change });
      expect(fields, JSON.stringify(change)).toContain(expected);
    }
    expect((await book.call('contracts.listByClient', { clientId: client.id })).items).toHaveLength(before);
  });

  it('frees a panel account once its contract has ended', async () => {
    const { pro, client } = await registerBook();
    const first = await book.call('contracts.create', { clientId: client.id, planId: pro.id, label: 'old.example', panelAccount: 'acme', cycle: 'monthly', startDate: '2026-01-01' });
    await book.call('contracts.end', { id: first.id, when: 'now', reason: 'moved to a new account' });
    const second = await book.call('contracts.create', { clientId: client.id, planId: pro.id, label: 'new.example', panelAccount: 'acme', cycle: 'monthly', startDate: '2026-11-26' });
    expect(second.panelAccount).toBe('acme');
  });

  it('ends a contract at term end (no renewal) or now (cancelled today), and keeps ended contracts as they were', async () => {
    const { pro, client } = await registerBook();
    const a = await book.call('contracts.create', { clientId: client.id, planId: pro.id, label: 'a.example', cycle: 'monthly', startDate: '2026-01-05', nextDueDate: '2026-12-05' });
    const b = await book.call('contracts.create', { clientId: client.id, planId: pro.id, label: 'b.example', cycle: 'monthly', startDate: '2026-01-05', nextDueDate: '2026-12-05' });

    const atTermEnd = await book.call('contracts.end', { id: a.id, when: 'term_end', reason: 'Client moving to in-house hosting' });
    expect(atTermEnd).toMatchObject({ status: 'active', autoRenew: false, endDate: '2026-12-05', endReason: 'Client moving to in-house hosting' });

    const now = await book.call('contracts.end', { id: b.id, when: 'now', reason: 'Duplicate order' });
    expect(now).toMatchObject({ status: 'cancelled', endDate: '2026-11-26' });
    expect((await book.call('contracts.get', { id: b.id })).statusHistory.at(-1)).toMatchObject({ from: 'active', to: 'cancelled', reason: 'Duplicate order' });

    expect((await fieldError('contracts.update', { id: b.id, label: 'renamed.example' })).code).toBe('conflict');
    expect((await fieldError('contracts.end', { id: b.id, when: 'now', reason: 'again' })).code).toBe('conflict');
    expect((await fieldError('contracts.end', { id: a.id, when: 'now', reason: '' })).fields).toEqual(['reason:required']);
  });

  it('updates a live contract and records only what changed', async () => {
    const { pro, client } = await registerBook();
    const c = await book.call('contracts.create', { clientId: client.id, planId: pro.id, label: 'acme.example', cycle: 'monthly', startDate: '2026-01-01' });
    const updated = await book.call('contracts.update', { id: c.id, priceMinor: 1800, termReviewDate: '2027-01-01', expectedVersion: 1 });
    expect(updated).toMatchObject({ priceMinor: 1800, termReviewDate: '2027-01-01', version: 2 });
    expect((await fieldError('contracts.update', { id: c.id, priceMinor: 1900, expectedVersion: 1 })).code).toBe('conflict');
    expect((await fieldError('contracts.update', { id: c.id, nextDueDate: '2025-12-31' })).fields).toEqual(['nextDueDate:date_order']);
    const timeline = await book.call('clients.timeline', { id: client.id });
    expect(timeline.items.map((e) => e.action)).toEqual(['contract.updated', 'contract.created', 'client.created']);
    expect(timeline.items[0]).toMatchObject({ subject: 'acme.example', data: { priceMinor: { from: 1500, to: 1800 } } });
  });
});

describe('finding clients and contracts', () => {
  it('finds a client by the domain of a contract, by tag, and filters by currency and country', async () => {
    const { pro, client } = await registerBook();
    await book.call('clients.create', { name: 'Beta GmbH', currency: 'EUR', country: 'DE', tags: ['Agency'] });
    await book.call('contracts.create', { clientId: client.id, planId: pro.id, label: 'shop.acme-web.example', cycle: 'monthly', startDate: '2026-01-01' });
    const names = async (input: object) => (await book.call('clients.search', input as never)).items.map((c) => c.name);
    expect(await names({ query: 'shop.acme' })).toEqual(['Acme Web']);
    expect(await names({ query: 'acme-web.ex' })).toEqual(['Acme Web']);
    expect(await names({ tag: 'agency' })).toEqual(['Acme Web', 'Beta GmbH']);
    expect(await names({ currency: 'eur' })).toEqual(['Beta GmbH']);
    expect(await names({ country: 'US', tag: 'agency' })).toEqual(['Acme Web']);
  });

  it('archives a client without live contracts, hides them from the current list, and restores them', async () => {
    const { pro, client } = await registerBook();
    const c = await book.call('contracts.create', { clientId: client.id, planId: pro.id, label: 'acme.example', cycle: 'monthly', startDate: '2026-01-01' });
    expect((await fieldError('clients.archive', { id: client.id })).code).toBe('conflict');
    await book.call('contracts.end', { id: c.id, when: 'now', reason: 'Closed the account' });
    await book.call('clients.archive', { id: client.id, reason: 'No longer a client' });
    expect((await book.call('clients.search', { query: 'acme' })).items).toEqual([]);
    expect((await book.call('clients.search', { query: 'acme', status: 'archived' })).items.map((x) => x.status)).toEqual(['archived']);
    expect((await fieldError('contracts.create', { clientId: client.id, planId: pro.id, label: 'b.example', cycle: 'monthly', startDate: '2026-12-01' })).fields).toEqual(['clientId:not_allowed']);
    await book.call('clients.restore', { id: client.id });
    expect((await book.call('clients.search', { query: 'acme' })).items).toHaveLength(1);
    const actions = (await book.call('clients.timeline', { id: client.id })).items.map((e) => e.action);
    expect(actions.slice(0, 3)).toEqual(['client.restored', 'client.archived', 'contract.ended']);
  });

  it('filters contracts by status, kind, panel, due date and term review, and finds them by client name', async () => {
    const { pro, client } = await registerBook();
    const other = await book.call('clients.create', { name: '王芳', currency: 'USD' });
    const make = (input: object) => book.call('contracts.create', { clientId: client.id, planId: pro.id, cycle: 'monthly', startDate: '2026-01-01', ...input } as never);
    await make({ label: 'due-soon.example', nextDueDate: '2026-12-01' });
    await make({ label: 'overdue.example', nextDueDate: '2026-11-20' });
    await make({ label: 'later.example', nextDueDate: '2027-03-01', termReviewDate: '2026-11-01' });
    await make({ clientId: other.id, label: 'vps-01', kind: 'vps', panelKind: 'proxmox', panelAccount: '101', priceMinor: 900, nextDueDate: '2026-12-20' });
    const labels = async (input: object) => (await book.call('contracts.search', input as never)).items.map((c) => c.label);
    expect(await labels({ dueWithinDays: 7 })).toEqual(['overdue.example', 'due-soon.example']);
    expect(await labels({ termReviewDue: true })).toEqual(['later.example']);
    expect(await labels({ kind: ['vps'] })).toEqual(['vps-01']);
    expect(await labels({ panelKind: ['proxmox'], status: ['active'] })).toEqual(['vps-01']);
    expect(await labels({ query: '王' })).toEqual(['vps-01']);
    expect(await labels({ query: 'acme' })).toHaveLength(3);
    const page = await book.call('contracts.search', { limit: 2 });
    const rest = await book.call('contracts.search', { limit: 2, cursor: page.nextCursor! });
    expect([...page.items, ...rest.items].map((c) => c.label)).toEqual(['overdue.example', 'due-soon.example', 'vps-01', 'later.example']);
  });
});
