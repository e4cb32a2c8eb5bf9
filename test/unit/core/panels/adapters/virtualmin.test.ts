import { afterEach, describe, expect, it } from 'vitest';
import { createVirtualminAdapter } from '../../../../../electron/core/panels/adapters/virtualmin.js';
import { PANEL_CAPABILITIES } from '../../../../../shared/domain/panelCapabilities.js';
import { connectionFor, startFakeVirtualmin } from '../../../../fixtures/panels/fakes/virtualmin.js';
import type { FakePanel } from '../../../../fixtures/panels/fakes/fakePanel.js';
import { connectAdapter, failureOf, leakedSecrets } from '../../../../fixtures/panels/adapterHarness.js';

describe('Virtualmin adapter', () => {
  let fake: FakePanel;
  afterEach(() => fake?.close());

  const connect = async (opts: Parameters<typeof startFakeVirtualmin>[0] = {}, timeoutMs?: number) => {
    fake = await startFakeVirtualmin(opts);
    return connectAdapter(createVirtualminAdapter, connectionFor(fake), { timeoutMs });
  };
  const programs = () => fake.requests.map((r) => r.query.program);

  it('declares the table capabilities, checks domains, tests the connection', async () => {
    const { adapter } = await connect();
    expect(adapter.capabilities).toEqual(PANEL_CAPABILITIES.virtualmin);
    expect(adapter.checkAccount('example.com')).toBeNull();
    expect(adapter.checkAccount('bob')).not.toBeNull();
    expect((await adapter.testConnection()).answer).toContain('3 virtual servers');
  });

  it('reads a domain (disabled, plan, bandwidth in bytes); a missing one does not exist', async () => {
    const { adapter } = await connect();
    expect(await adapter.getState('example.com')).toMatchObject({ exists: true, suspended: false, package: 'Bronze', bandwidth: { monthlyMb: 10240, rateKBps: null } });
    expect(await adapter.getState('shop.example.net')).toMatchObject({ suspended: true, bandwidth: { monthlyMb: null } });
    expect((await adapter.getState('nope.example.com')).exists).toBe(false);
    expect(fake.requests[0].query).toMatchObject({ json: '1', multiline: '', domain: 'example.com' });
  });

  it('disables with the reason and enables, read back each time', async () => {
    const { adapter } = await connect();
    const off = await adapter.suspend('example.com', 'Unpaid invoice INV-0042');
    expect(off).toMatchObject({ changed: true, state: { suspended: true } });
    expect(off.state.summary).toContain('Unpaid invoice INV-0042');
    expect(fake.accounts.get('example.com')?.suspended).toBe(true);
    expect(await adapter.unsuspend('example.com')).toMatchObject({ changed: true, state: { suspended: false } });
    expect(fake.accounts.get('example.com')?.suspended).toBe(false);
  });

  it('already in state: nothing sent; a success that changed nothing is refused', async () => {
    const { adapter } = await connect();
    expect((await adapter.unsuspend('example.com')).changed).toBe(false);
    expect((await adapter.suspend('shop.example.net', 'x')).changed).toBe(false);
    expect(programs().every((p) => p === 'list-domains')).toBe(true);
    fake.failNext('noop');
    expect((await failureOf(adapter.suspend('example.com', 'x'))).kind).toBe('refused');
  });

  it('sets and restores the monthly quota in bytes; speed limits are unsupported', async () => {
    const { adapter } = await connect();
    const limited = await adapter.limitBandwidth('example.com', { monthlyMb: 100, rateKBps: null });
    expect(limited).toMatchObject({ changed: true, previous: { monthlyMb: 10240 }, state: { bandwidth: { monthlyMb: 100 } } });
    expect(fake.requests.find((r) => r.query.program === 'modify-domain')?.query.bw).toBe(String(100 * 1024 * 1024));
    expect((await adapter.limitBandwidth('example.com', { monthlyMb: 100, rateKBps: null })).changed).toBe(false);
    expect((await adapter.restoreBandwidth('example.com', limited.previous)).state.bandwidth?.monthlyMb).toBe(10240);
    expect((await adapter.restoreBandwidth('shop.example.net', null)).changed).toBe(false);
    await adapter.limitBandwidth('shop.example.net', { monthlyMb: 5, rateKBps: null });
    await adapter.restoreBandwidth('shop.example.net', null);
    expect(fake.requests.at(-2)?.query.bw).toBe('NONE');
    expect((await failureOf(adapter.limitBandwidth('example.com', { monthlyMb: null, rateKBps: 100 }))).kind).toBe('unsupported');
  });

  it('refuses a quota when bandwidth monitoring is off (nothing to confirm it with)', async () => {
    const { adapter } = await connect({ bandwidthMonitoring: false });
    expect((await failureOf(adapter.limitBandwidth('example.com', { monthlyMb: 100, rateKBps: null }))).kind).toBe('refused');
    expect(programs()).not.toContain('modify-domain');
  });

  it('applies a plan and catches an unknown plan name that Virtualmin silently ignores', async () => {
    const { adapter } = await connect();
    expect(await adapter.changePackage('example.com', 'Restricted')).toMatchObject({ changed: true, previous: 'Bronze', state: { package: 'Restricted' } });
    expect((await adapter.changePackage('example.com', 'Restricted')).changed).toBe(false);
    const failure = await failureOf(adapter.changePackage('example.com', 'Platinum'));
    expect(failure.kind).toBe('refused');
    expect(failure.message).toContain('plan name');
  });

  it('backs up synchronously; the backup is done when the call returns', async () => {
    const { adapter } = await connect();
    const start = await adapter.startBackup('example.com');
    expect(start.done).toBe(true);
    expect(fake.accounts.get('example.com')?.backups).toEqual([start.ref]);
    expect(fake.requests.find((r) => r.query.program === 'backup-domain')?.query).toMatchObject({ domain: 'example.com', 'all-features': '' });
    expect((await adapter.backupStatus('example.com', start.ref)).status).toBe('succeeded');
  });

  it('deletes; already gone is success', async () => {
    const { adapter } = await connect();
    expect(await adapter.terminate('old.example.org')).toMatchObject({ changed: true, state: { exists: false } });
    expect((await adapter.terminate('old.example.org')).changed).toBe(false);
    expect((await failureOf(adapter.unsuspend('old.example.org'))).kind).toBe('not_found');
  });

  it('a bad login (HTML login page at HTTP 200, or 401) and a user without API rights are auth failures', async () => {
    for (const badLogin of ['login-page', '401'] as const) {
      fake = await startFakeVirtualmin({ badLogin });
      const { adapter } = connectAdapter(createVirtualminAdapter, { ...connectionFor(fake), credentials: { username: 'root', password: 'wrong-password' } });
      const failure = await failureOf(adapter.suspend('example.com', 'x'));
      expect(failure.kind).toBe('auth');
      expect(failure.retryable).toBe(false);
      await fake.close();
    }
    const { adapter } = await connect({ remoteNotAllowed: true });
    expect((await failureOf(adapter.testConnection())).kind).toBe('auth');
  });

  it('HTTP 500, a body of the wrong shape and a silent panel are http, malformed and timeout', async () => {
    const { adapter } = await connect({}, 400);
    fake.failNext('http500');
    expect((await failureOf(adapter.suspend('example.com', 'x'))).kind).toBe('http');
    fake.failNext('malformed', 1, 1);
    expect((await failureOf(adapter.suspend('example.com', 'x'))).kind).toBe('malformed');
    fake.failNext('hang');
    expect((await failureOf(adapter.getState('example.com'))).kind).toBe('timeout');
    expect(fake.accounts.get('example.com')?.suspended).toBe(false);
  });

  it('a different certificate: certificate failure and nothing reaches the panel', async () => {
    fake = await startFakeVirtualmin({ certificate: 'other' });
    const { adapter } = connectAdapter(createVirtualminAdapter, connectionFor(fake));
    expect((await failureOf(adapter.suspend('example.com', 'x'))).kind).toBe('certificate');
    expect(fake.requests).toEqual([]);
  });

  it('writes no secret to a log line or an answer', async () => {
    const { adapter, lines } = await connect();
    const answers = [(await adapter.suspend('example.com', 'x')).answer, (await adapter.startBackup('example.com')).answer, (await failureOf(adapter.changePackage('example.com', 'Nope'))).answer];
    const basic = Buffer.from(`${fake.credentials.username}:${fake.credentials.password}`).toString('base64');
    expect(fake.requests[0].headers.authorization).toBe(`Basic ${basic}`);
    expect(lines.length).toBeGreaterThan(3);
    expect(leakedSecrets([...lines, ...answers], [fake.credentials.password, basic])).toEqual([]);
  });
});
