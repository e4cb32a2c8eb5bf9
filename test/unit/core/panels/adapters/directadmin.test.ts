import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDirectadminAdapter } from '../../../../../electron/core/panels/adapters/directadmin.js';
import { adapterFactories } from '../../../../../electron/core/panels/registry.js';
import { DIRECTADMIN_USER_PASSWORD, startFakeDirectadmin } from '../../../../fixtures/panels/fakes/directadmin.js';
import type { FakePanel, FakeRequest } from '../../../../fixtures/panels/fakes/fakePanel.js';
import { adapterFor, describeAdapter, failureOf, recorder, type AdapterSuiteSpec } from './adapterSuite.js';

const spec: AdapterSuiteSpec = {
  kind: 'directadmin',
  factory: createDirectadminAdapter,
  start: startFakeDirectadmin,
  active: 'bob',
  suspended: 'carol',
  missing: 'dave',
  invalid: 'Bob!',
  wrongCredentials: (c) => ({ ...c, password: 'not-the-da-password' }),
  isChange: (req: FakeRequest) => req.method === 'POST',
  bandwidth: { limit: { monthlyMb: 2000, rateKBps: null }, expect: { bandwidthMb: 2000 } },
  packageTarget: 'restricted',
};

describeAdapter(spec);

describe('directadmin adapter: CMD_API quirks', () => {
  let fake: FakePanel;
  const rec = recorder();
  beforeEach(async () => {
    fake = await startFakeDirectadmin();
  });
  afterEach(() => fake.close());

  it('is registered and uses HTTP Basic with the URL-encoded API', async () => {
    expect(adapterFactories.directadmin).toBe(createDirectadminAdapter);
    const state = await adapterFor(spec, fake, rec).getState('bob');
    expect(state).toMatchObject({ package: 'standard', bandwidth: { monthlyMb: 10000, rateKBps: null } });
    expect(fake.requests[0]).toMatchObject({ path: '/CMD_API_SHOW_USER_CONFIG', query: { user: 'bob' } });
    expect(fake.requests[0]?.headers.authorization).toMatch(/^Basic /);
  });

  it('takes the HTML login page for an auth failure, never for success', async () => {
    const wrong = adapterFor(spec, fake, rec, { credentials: { username: 'admin', password: 'guess-guess' } });
    const failure = await failureOf(wrong.getState('bob'));
    expect(failure.kind).toBe('auth');
    expect(failure.answer).toContain('DirectAdmin Login');
  });

  it('suspends with the absolute dosuspend field, never the toggling suspend= form', async () => {
    const adapter = adapterFor(spec, fake, rec);
    await adapter.suspend('bob', 'Unpaid');
    await adapter.suspend('bob', 'Unpaid');
    await adapter.unsuspend('carol');
    const posts = fake.requests.filter((req) => req.method === 'POST');
    expect(posts.map((req) => Object.keys(req.form).filter((key) => /suspend/.test(key)))).toEqual([['dosuspend'], ['dounsuspend']]);
    expect(posts[0]?.form.select0).toBe('bob');
    expect(fake.accounts.get('bob')?.suspended).toBe(true);
    expect(fake.accounts.get('carol')?.suspended).toBe(false);
  });

  it('sends every limit back with a bandwidth change, so customize keeps them', async () => {
    const adapter = adapterFor(spec, fake, rec);
    const limited = await adapter.limitBandwidth('bob', { monthlyMb: 2000, rateKBps: null });
    expect(limited.previous).toEqual({ monthlyMb: 10000, rateKBps: null });
    const sent = fake.requests.find((req) => req.form.action === 'customize')?.form ?? {};
    expect(sent).toMatchObject({ bandwidth: '2000', quota: '5000', vdomains: '10', unsubdomains: 'ON', php: 'ON', ssh: 'OFF' });
    expect(fake.accounts.get('bob')?.extra).toMatchObject({ quota: '5000', nsubdomains: 'unlimited', mysql: '5', php: 'ON' });
    await adapter.restoreBandwidth('bob', { monthlyMb: null, rateKBps: null });
    expect(fake.accounts.get('bob')?.bandwidthMb).toBeNull();
    expect(fake.requests.at(-2)?.form.ubandwidth).toBe('ON');
  });

  it('refuses a speed-only limit, and an unknown package with the panel\'s words', async () => {
    const adapter = adapterFor(spec, fake, rec);
    expect((await failureOf(adapter.limitBandwidth('bob', { monthlyMb: null, rateKBps: 100 }))).kind).toBe('unsupported');
    const failure = await failureOf(adapter.changePackage('bob', 'platinum'));
    expect(failure.kind).toBe('not_found');
    expect(failure.message).toContain('Package platinum does not exist');
  });

  it('reads the "authority level" page as a refusal, not as data', async () => {
    const userLevel = adapterFor(spec, fake, rec, { credentials: { username: 'bob', password: DIRECTADMIN_USER_PASSWORD } });
    expect((await userLevel.testConnection()).answer).toContain('Login OK');
    const failure = await failureOf(userLevel.suspend('bob', 'Unpaid'));
    expect(failure.kind).toBe('refused');
    expect(failure.message).toContain('CMD_API_SHOW_USER_CONFIG');
    expect(fake.accounts.get('bob')?.suspended).toBe(false);
  });
});
