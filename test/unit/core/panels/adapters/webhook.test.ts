import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookAdapter, signWebhook } from '../../../../../electron/core/panels/adapters/webhook.js';
import { adapterFactories } from '../../../../../electron/core/panels/registry.js';
import { PANEL_CAPABILITIES } from '../../../../../shared/domain/panelCapabilities.js';
import { startFakeWebhookReceiver, type WebhookFake } from '../../../../fixtures/panels/fakes/webhook.js';
import { adapterFor, failureOf, recorder } from './adapterSuite.js';

// The webhook cannot read state back, so the common adapter suite (read, act, read) does not
// apply; these tests cover the same ground for what a webhook can do.
describe('signed webhook adapter', () => {
  let fake: WebhookFake;
  const rec = recorder();
  afterEach(() => fake?.close());
  const spec = { factory: createWebhookAdapter };

  const connect = async (opts: Parameters<typeof startFakeWebhookReceiver>[0] = {}, timeoutMs?: number) => {
    fake = await startFakeWebhookReceiver(opts);
    return { adapter: adapterFor(spec, fake, rec, { timeoutMs }), lines: rec.lines };
  };
  const ids = () => fake.requests.map((r) => (JSON.parse(r.body) as { id: string }).id);

  it('declares the table capabilities and pings the receiver', async () => {
    const { adapter } = await connect();
    expect(adapterFactories.webhook).toBe(createWebhookAdapter);
    expect(adapter.kind).toBe('webhook');
    expect(adapter.capabilities).toEqual(PANEL_CAPABILITIES.webhook);
    expect(adapter.checkAccount('svc-1001')).toBeNull();
    expect(adapter.checkAccount('')).not.toBeNull();
    expect((await adapter.testConnection()).answer).toMatch(/ping.*HTTP 200/);
    expect(fake.requests[0].path).toBe('/hooks/hostledger');
  });

  it('signs "t.body" with HMAC-SHA256 and sends the documented event body', async () => {
    const { adapter } = await connect();
    await adapter.suspend('svc-1001', 'Unpaid since 2026-10-01');
    const [req] = fake.requests;
    const body = JSON.parse(req.body) as Record<string, unknown>;
    expect(body).toMatchObject({ event: 'service.suspend', account: 'svc-1001', reason: 'Unpaid since 2026-10-01' });
    expect(body.id).toMatch(/^evt_/);
    expect(Date.parse(String(body.occurred_at))).not.toBeNaN();
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(req.headers['x-hostledger-signature'])) ?? [];
    expect(v1).toBe(createHmac('sha256', fake.credentials.signingSecret).update(`${t}.${req.body}`).digest('hex'));
    expect(req.headers['x-hostledger-event-id']).toBe(body.id);
    expect(signWebhook('s', '{}', 1)).toBe(`t=1,v1=${createHmac('sha256', 's').update('1.{}').digest('hex')}`);
  });

  it('sends every action as its event; the outcome says the state was not read back', async () => {
    const { adapter } = await connect();
    const off = await adapter.suspend('svc-1001', 'arrears');
    expect(off).toMatchObject({ changed: true, state: { suspended: true } });
    expect(off.state.summary).toContain('cannot read the state back');
    expect(fake.accounts.get('svc-1001')?.suspended).toBe(true);
    await adapter.unsuspend('svc-1001');
    expect(fake.accounts.get('svc-1001')?.suspended).toBe(false);
    const limited = await adapter.limitBandwidth('svc-1001', { monthlyMb: 2048, rateKBps: 128 });
    expect(limited.previous).toBeNull();
    expect(fake.accounts.get('svc-1001')).toMatchObject({ bandwidthMb: 2048, rateKBps: 128 });
    await adapter.restoreBandwidth('svc-1001', null);
    expect(fake.accounts.get('svc-1001')).toMatchObject({ bandwidthMb: null, rateKBps: null });
    await adapter.changePackage('svc-1001', 'restricted');
    expect(fake.accounts.get('svc-1001')?.package).toBe('restricted');
    expect(await adapter.terminate('svc-1001')).toMatchObject({ state: { exists: false } });
    expect(fake.events.map((e) => e.event)).toEqual(['service.suspend', 'service.unsuspend', 'service.limit_bandwidth', 'service.restore_bandwidth', 'service.change_package', 'service.terminate']);
  });

  it('cannot read state or back up: unsupported, nothing sent', async () => {
    const { adapter } = await connect();
    expect((await failureOf(adapter.getState('svc-1001'))).kind).toBe('unsupported');
    expect((await failureOf(adapter.startBackup('svc-1001'))).kind).toBe('unsupported');
    expect((await failureOf(adapter.backupStatus('svc-1001', 'x'))).kind).toBe('unsupported');
    expect(fake.requests).toEqual([]);
  });

  it('retries a lost answer with the same event id, and the receiver acts once', async () => {
    const { adapter } = await connect({}, 300);
    fake.failNext('hang'); // handled, answer lost
    const outcome = await adapter.suspend('svc-1001', 'arrears');
    expect(outcome.answer).toContain('delivery 2');
    expect(ids()).toHaveLength(2);
    expect(new Set(ids()).size).toBe(1);
    expect(fake.events).toHaveLength(1);
    expect(fake.accounts.get('svc-1001')?.suspended).toBe(true);
  });

  it('retries HTTP 500 with the same id; three failures are an http failure', async () => {
    const { adapter } = await connect();
    fake.failNext('http500');
    await adapter.unsuspend('svc-1002');
    expect(new Set(ids()).size).toBe(1);
    expect(fake.accounts.get('svc-1002')?.suspended).toBe(false);
    fake.requests.length = 0;
    for (let i = 0; i < 3; i += 1) fake.failNext('http500');
    const failure = await failureOf(adapter.suspend('svc-1002', 'x'));
    expect(failure.kind).toBe('http');
    expect(ids()).toHaveLength(3);
    expect(new Set(ids()).size).toBe(1);
    expect(fake.accounts.get('svc-1002')?.suspended).toBe(false);
  });

  it('a receiver that never answers is a timeout after three deliveries', async () => {
    const { adapter } = await connect({}, 300);
    for (let i = 0; i < 3; i += 1) fake.failNext('hang');
    expect((await failureOf(adapter.testConnection())).kind).toBe('timeout');
    expect(fake.requests).toHaveLength(3);
  });

  it('a wrong secret is an auth failure, not retried; an unknown account is not_found; a non-acknowledgement is malformed', async () => {
    const { adapter } = await connect();
    const wrong = adapterFor(spec, fake, rec, { credentials: { signingSecret: 'whsec_wrong_secret_value' } });
    const failure = await failureOf(wrong.suspend('svc-1001', 'x'));
    expect(failure.kind).toBe('auth');
    expect(fake.requests).toHaveLength(1);
    expect((await failureOf(adapter.suspend('svc-9999', 'x'))).kind).toBe('not_found');
    fake.failNext('malformed');
    expect((await failureOf(adapter.suspend('svc-1001', 'x'))).kind).toBe('malformed');
    expect(fake.accounts.get('svc-1001')?.suspended).toBe(false);
  });

  it('a different certificate: certificate failure and nothing reaches the receiver', async () => {
    const { adapter } = await connect({ certificate: 'other' });
    expect((await failureOf(adapter.suspend('svc-1001', 'x'))).kind).toBe('certificate');
    expect(fake.requests).toEqual([]);
  });

  it('never sends or logs the signing secret', async () => {
    const { adapter, lines } = await connect();
    await adapter.suspend('svc-1001', 'x');
    await adapter.testConnection();
    expect(fake.requests.map((r) => JSON.stringify(r)).join('\n')).not.toContain(fake.credentials.signingSecret);
    expect(lines.length).toBeGreaterThan(1);
    expect([...lines, ...rec.answers].join('\n')).not.toContain(fake.credentials.signingSecret);
  });
});
