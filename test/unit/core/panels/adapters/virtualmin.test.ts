import { afterEach, describe, expect, it } from 'vitest';
import { createVirtualminAdapter } from '../../../../../electron/core/panels/adapters/virtualmin.js';
import { adapterFactories } from '../../../../../electron/core/panels/registry.js';
import { startFakeVirtualmin } from '../../../../fixtures/panels/fakes/virtualmin.js';
import type { FakePanel, FakeRequest } from '../../../../fixtures/panels/fakes/fakePanel.js';
import { adapterFor, describeAdapter, failureOf, recorder, type AdapterSuiteSpec } from './adapterSuite.js';

const CHANGES = new Set(['disable-domain', 'enable-domain', 'modify-domain', 'backup-domain', 'delete-domain']);
const spec: AdapterSuiteSpec = {
  kind: 'virtualmin',
  factory: createVirtualminAdapter,
  start: startFakeVirtualmin,
  active: 'example.com',
  suspended: 'shop.example.net',
  missing: 'nobody.example.com',
  invalid: 'bob',
  wrongCredentials: (c) => ({ ...c, password: 'wrong-webmin-password' }),
  isChange: (req: FakeRequest) => CHANGES.has(req.query.program ?? ''),
  bandwidth: { limit: { monthlyMb: 100, rateKBps: null }, expect: { bandwidthMb: 100 } },
  packageTarget: 'Restricted',
};

describeAdapter(spec);

describe('virtualmin adapter: remote.cgi quirks', () => {
  let fake: FakePanel;
  const rec = recorder();
  afterEach(() => fake?.close());

  const connect = async (opts: Parameters<typeof startFakeVirtualmin>[0] = {}) => {
    fake = await startFakeVirtualmin(opts);
    return adapterFor(spec, fake, rec);
  };
  const programs = () => fake.requests.map((r) => r.query.program);

  it('is registered, asks for JSON with multiline details, and sends HTTP Basic', async () => {
    const adapter = await connect();
    expect(adapterFactories.virtualmin).toBe(createVirtualminAdapter);
    expect((await adapter.testConnection()).answer).toContain('3 virtual servers');
    expect(await adapter.getState('example.com')).toMatchObject({ package: 'Bronze', bandwidth: { monthlyMb: 10240, rateKBps: null } });
    expect(fake.requests[1].query).toMatchObject({ program: 'list-domains', json: '1', multiline: '', domain: 'example.com' });
    expect(fake.requests[1].headers.authorization).toBe(`Basic ${Buffer.from(`${fake.credentials.username}:${fake.credentials.password}`).toString('base64')}`);
  });

  it('disables with the reason, which the panel then shows', async () => {
    const adapter = await connect();
    const off = await adapter.suspend('example.com', 'Unpaid invoice INV-0042');
    expect(fake.accounts.get('example.com')?.suspendReason).toBe('Unpaid invoice INV-0042');
    expect(off.state.summary).toContain('Unpaid invoice INV-0042');
  });

  it('sends the quota in bytes and NONE for unlimited; speed limits are unsupported', async () => {
    const adapter = await connect();
    await adapter.limitBandwidth('shop.example.net', { monthlyMb: 5, rateKBps: null });
    expect(fake.requests.find((r) => r.query.program === 'modify-domain')?.query.bw).toBe(String(5 * 1024 * 1024));
    await adapter.restoreBandwidth('shop.example.net', null);
    expect(fake.requests.filter((r) => r.query.program === 'modify-domain').at(-1)?.query.bw).toBe('NONE');
    expect((await failureOf(adapter.limitBandwidth('example.com', { monthlyMb: null, rateKBps: 100 }))).kind).toBe('unsupported');
  });

  it('refuses a quota when bandwidth monitoring is off: nothing could confirm it', async () => {
    const adapter = await connect({ bandwidthMonitoring: false });
    expect((await failureOf(adapter.limitBandwidth('example.com', { monthlyMb: 100, rateKBps: null }))).kind).toBe('refused');
    expect(programs()).not.toContain('modify-domain');
  });

  it('catches an unknown plan name, which Virtualmin ignores without an error', async () => {
    const adapter = await connect();
    const failure = await failureOf(adapter.changePackage('example.com', 'Platinum'));
    expect(failure.kind).toBe('refused');
    expect(failure.message).toContain('plan name');
    expect(fake.accounts.get('example.com')?.package).toBe('Bronze');
  });

  it('backs up synchronously with every feature into a dated file', async () => {
    const adapter = await connect();
    const start = await adapter.startBackup('example.com');
    expect(start.done).toBe(true);
    expect(fake.requests.find((r) => r.query.program === 'backup-domain')?.query).toMatchObject({ domain: 'example.com', 'all-features': '', strftime: '', dest: start.ref });
    expect(start.ref).toMatch(/^\/root\/hostledger-backups\/example\.com-%Y-%m-%d-%H%M\.tar\.gz$/);
  });

  it('waits for a synchronous backup longer than the connection’s usual deadline', async () => {
    fake = await startFakeVirtualmin({ backupDelayMs: 600 });
    const impatient = adapterFor(spec, fake, rec, { timeoutMs: 300 });
    expect((await impatient.startBackup('example.com')).done).toBe(true);
    expect(fake.accounts.get('example.com')?.backups).toBe(1);
    fake.failNext('hang');
    expect((await failureOf(impatient.getState('example.com'))).kind).toBe('timeout');
  });

  it('a bad login is auth both as the HTML login page at HTTP 200 and as a 401; so is a user without API rights', async () => {
    for (const badLogin of ['login-page', '401'] as const) {
      fake = await startFakeVirtualmin({ badLogin });
      const failure = await failureOf(adapterFor(spec, fake, rec, { credentials: { username: 'root', password: 'wrong-webmin-password' } }).suspend('example.com', 'x'));
      expect(failure).toMatchObject({ kind: 'auth', retryable: false });
      await fake.close();
    }
    const adapter = await connect({ remoteNotAllowed: true });
    expect((await failureOf(adapter.testConnection())).kind).toBe('auth');
  });

  it('plain text where JSON belongs is malformed, never success', async () => {
    const adapter = await connect();
    fake.failNext('malformed', (req) => req.query.program === 'disable-domain');
    expect((await failureOf(adapter.suspend('example.com', 'x'))).kind).toBe('malformed');
    expect(fake.accounts.get('example.com')?.suspended).toBe(false);
  });

  it('keeps the password out of logs and answers', async () => {
    const adapter = await connect();
    await adapter.suspend('example.com', 'x');
    await adapter.startBackup('example.com');
    await failureOf(adapter.changePackage('example.com', 'Nope'));
    const basic = Buffer.from(`${fake.credentials.username}:${fake.credentials.password}`).toString('base64');
    const all = [...rec.lines, ...rec.answers].join('\n');
    expect(all).not.toContain(fake.credentials.password);
    expect(all).not.toContain(basic);
  });
});
