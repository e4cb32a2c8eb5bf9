import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPleskAdapter } from '../../../../../electron/core/panels/adapters/plesk.js';
import { adapterFactories } from '../../../../../electron/core/panels/registry.js';
import { PLESK_PLANS, startFakePlesk } from '../../../../fixtures/panels/fakes/plesk.js';
import type { FakePanel, FakeRequest } from '../../../../fixtures/panels/fakes/fakePanel.js';
import { adapterFor, describeAdapter, failureOf, recorder, type AdapterSuiteSpec } from './adapterSuite.js';

const spec: AdapterSuiteSpec = {
  kind: 'plesk',
  factory: createPleskAdapter,
  start: startFakePlesk,
  active: 'shop.example.com',
  suspended: 'old.example.com',
  missing: 'nobody.example.com',
  invalid: 'shop example',
  wrongCredentials: (c) => ({ ...c, password: 'wrong-plesk-password' }),
  isChange: (req: FakeRequest) => /<(set|del|switch-subscription)>/.test(req.body),
  bandwidth: { limit: { monthlyMb: null, rateKBps: 256 }, expect: { rateKBps: 256 } },
  packageTarget: PLESK_PLANS.restricted,
};

describeAdapter(spec);

describe('plesk adapter: XML API quirks', () => {
  let fake: FakePanel;
  const rec = recorder();
  beforeEach(async () => {
    fake = await startFakePlesk();
  });
  afterEach(() => fake.close());

  it('is registered and sends one packet with the auth headers', async () => {
    expect(adapterFactories.plesk).toBe(createPleskAdapter);
    await adapterFor(spec, fake, rec).getState('shop.example.com');
    const [req] = fake.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/enterprise/control/agent.php' });
    expect(req?.headers.http_auth_login).toBe('admin');
    expect(req?.body).toContain('<webspace><get><filter><name>shop.example.com</name></filter>');
  });

  it('reads the whole-packet system error 1001 as an auth failure, and 1029 (no password header) too', async () => {
    const wrong = adapterFor(spec, fake, rec, { credentials: { login: 'admin', password: 'nope-nope' } });
    const failure = await failureOf(wrong.getState('shop.example.com'));
    expect(failure.kind).toBe('auth');
    expect(failure.message).toContain('1001');
    const noPassword = adapterFor(spec, fake, rec, { credentials: { login: 'admin' } });
    await expect(noPassword.getState('shop.example.com')).rejects.toMatchObject({ kind: 'auth' });
  });

  it('sets status 16 to suspend and 0 to unsuspend', async () => {
    const adapter = adapterFor(spec, fake, rec);
    await adapter.suspend('shop.example.com', 'Unpaid');
    expect(fake.requests.at(-2)?.body).toContain('<gen_setup><status>16</status></gen_setup>');
    await adapter.unsuspend('shop.example.com');
    expect(fake.requests.at(-2)?.body).toContain('<gen_setup><status>0</status></gen_setup>');
  });

  it('refuses an unsuspend that cannot lift a suspension by the customer (status 2)', async () => {
    const adapter = adapterFor(spec, fake, rec);
    const failure = await failureOf(adapter.unsuspend('held.example.com'));
    expect(failure.kind).toBe('refused');
    expect(failure.answer).toContain('status 2');
    expect(fake.accounts.get('held.example.com')?.suspended).toBe(true);
  });

  it('throttles speed only: a quota-only limit is unsupported, an unknown plan is refused as not found', async () => {
    const adapter = adapterFor(spec, fake, rec);
    expect((await failureOf(adapter.limitBandwidth('shop.example.com', { monthlyMb: 5000, rateKBps: null }))).kind).toBe('unsupported');
    const limited = await adapter.limitBandwidth('shop.example.com', { monthlyMb: 5000, rateKBps: 128 });
    expect(limited.previous).toEqual({ monthlyMb: null, rateKBps: null });
    expect(limited.state.bandwidth).toEqual({ monthlyMb: null, rateKBps: 128 });
    expect(fake.requests.at(-2)?.body).toContain('<performance><bandwidth>128</bandwidth></performance>');
    expect((await failureOf(adapter.changePackage('shop.example.com', 'no-such-guid'))).kind).toBe('not_found');
    expect(fake.accounts.get('shop.example.com')?.package).toBe(PLESK_PLANS.standard);
  });

  it('escapes what goes into the packet', async () => {
    const adapter = adapterFor(spec, fake, rec);
    await expect(adapter.changePackage('shop.example.com', '</plan-guid><del/>')).rejects.toMatchObject({ kind: 'not_found' });
    expect(fake.requests.at(-1)?.body).toContain('&lt;/plan-guid&gt;&lt;del/&gt;');
    expect(fake.accounts.get('shop.example.com')?.deleted).toBe(false);
  });
});
