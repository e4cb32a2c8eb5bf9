import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBtPanelAdapter } from '../../../../../electron/core/panels/adapters/btpanel.js';
import { PANEL_CAPABILITIES } from '../../../../../shared/domain/panelCapabilities.js';
import { connectionFor, startFakeBtPanel, type BtFake } from '../../../../fixtures/panels/fakes/btpanel.js';
import { connectAdapter, failureOf, leakedSecrets } from '../../../../fixtures/panels/adapterHarness.js';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('BT Panel / aaPanel adapter', () => {
  let fake: BtFake;
  afterEach(() => fake?.close());

  const connect = async (opts: Parameters<typeof startFakeBtPanel>[0] = {}, timeoutMs?: number) => {
    fake = await startFakeBtPanel(opts);
    return connectAdapter(createBtPanelAdapter, connectionFor(fake), { timeoutMs });
  };
  const actions = () => fake.requests.map((r) => r.query.action);

  it('declares the table capabilities, signs every request and keeps the session cookie', async () => {
    const { adapter } = await connect();
    expect(adapter.capabilities).toEqual(PANEL_CAPABILITIES.btpanel);
    expect(adapter.checkAccount('example.com')).toBeNull();
    expect(adapter.checkAccount('not a site')).not.toBeNull();
    expect((await adapter.testConnection()).answer).toBe('BT Panel 8.0.6 on Ubuntu 22.04.4 LTS x86_64(Py3.7.16)');
    await adapter.getState('example.com');
    const [first, second] = fake.requests;
    expect(first.form.request_token).toBe(md5(first.form.request_time + md5(fake.credentials.apiKey)));
    expect(second.headers.cookie).toContain('BT_PANEL=fake-session-0123');
    expect(String(first.headers['user-agent'])).not.toMatch(/bot|spider/i);
  });

  it('reads the exact site (the search matches substrings), its rate limit and the panel expiry date', async () => {
    const { adapter } = await connect();
    expect(await adapter.getState('example.com')).toMatchObject({ exists: true, suspended: false, package: null, bandwidth: { monthlyMb: null, rateKBps: null } });
    expect(fake.requests[0].form).toMatchObject({ table: 'sites', search: 'example.com' });
    expect((await adapter.getState('shop.example.com')).suspended).toBe(true);
    expect((await adapter.getState('blog.example.org')).summary).toContain('panel expiry date 2026-12-31');
    expect((await adapter.getState('example.co')).exists).toBe(false);
  });

  it('stops and starts a site with the id and exact name from the list, read back each time', async () => {
    const { adapter } = await connect();
    expect(await adapter.suspend('example.com', 'arrears')).toMatchObject({ changed: true, state: { suspended: true } });
    expect(fake.requests.find((r) => r.query.action === 'SiteStop')?.form).toMatchObject({ id: '1', name: 'example.com' });
    expect(fake.accounts.get('example.com')?.suspended).toBe(true);
    expect(fake.accounts.get('shop.example.com')?.suspended).toBe(true);
    expect(await adapter.unsuspend('example.com')).toMatchObject({ changed: true, state: { suspended: false } });
  });

  it('already in state: no SiteStop/SiteStart; a "success" that changed nothing is refused', async () => {
    const { adapter } = await connect();
    expect((await adapter.suspend('shop.example.com', 'x')).changed).toBe(false);
    expect((await adapter.unsuspend('example.com')).changed).toBe(false);
    expect(actions()).not.toContain('SiteStop');
    expect(actions()).not.toContain('SiteStart');
    fake.failNext('noop');
    expect((await failureOf(adapter.suspend('example.com', 'x'))).kind).toBe('refused');
    expect(fake.accounts.get('example.com')?.suspended).toBe(false);
  });

  it('clears the panel’s own expiry date when acting, so the panel never stops a site behind the ladder', async () => {
    const { adapter } = await connect();
    await adapter.suspend('blog.example.org', 'arrears');
    expect(fake.accounts.get('blog.example.org')?.edate).toBe('0000-00-00');
    await adapter.unsuspend('blog.example.org');
    fake.runExpiryCheck('2027-01-05');
    expect(fake.accounts.get('blog.example.org')?.suspended).toBe(false);
  });

  it('limits the speed (nginx) and restores it; a monthly quota is unsupported; apache is refused', async () => {
    const { adapter } = await connect();
    const limited = await adapter.limitBandwidth('example.com', { monthlyMb: null, rateKBps: 256 });
    expect(limited).toMatchObject({ changed: true, previous: { rateKBps: null }, state: { bandwidth: { rateKBps: 256 } } });
    expect(fake.requests.find((r) => r.query.action === 'SetLimitNet')?.form).toMatchObject({ id: '1', perserver: '300', perip: '25', limit_rate: '256' });
    expect((await adapter.limitBandwidth('example.com', { monthlyMb: null, rateKBps: 256 })).changed).toBe(false);
    expect((await adapter.restoreBandwidth('example.com', limited.previous)).changed).toBe(true);
    expect(fake.accounts.get('example.com')?.rateKBps).toBeNull();
    expect(actions()).toContain('CloseLimitNet');
    expect((await failureOf(adapter.limitBandwidth('example.com', { monthlyMb: 500, rateKBps: null }))).kind).toBe('unsupported');
    await fake.close();
    const apache = await connect({ webServer: 'apache' });
    expect((await failureOf(apache.adapter.limitBandwidth('example.com', { monthlyMb: null, rateKBps: 256 }))).kind).toBe('refused');
  });

  it('has no packages: downgrade is unsupported and sends nothing', async () => {
    const { adapter } = await connect();
    expect((await failureOf(adapter.changePackage('example.com', 'small'))).kind).toBe('unsupported');
    expect(fake.requests).toEqual([]);
  });

  it('backs up synchronously and finds the new backup in the list; a success without a backup is refused', async () => {
    const { adapter } = await connect();
    const start = await adapter.startBackup('example.com');
    expect(start.done).toBe(true);
    expect(fake.accounts.get('example.com')?.backups).toHaveLength(1);
    expect(start.answer).toContain(fake.accounts.get('example.com')?.backups[0]);
    expect((await adapter.backupStatus('example.com', start.ref)).status).toBe('succeeded');
    expect((await adapter.backupStatus('example.com', '999')).status).toBe('failed');
    fake.failNext('noop');
    expect((await failureOf(adapter.startBackup('example.com'))).kind).toBe('refused');
  });

  it('deletes the site (keeping files and database); already gone is success', async () => {
    const { adapter } = await connect();
    expect(await adapter.terminate('example.com')).toMatchObject({ changed: true, state: { exists: false } });
    const del = fake.requests.find((r) => r.query.action === 'DeleteSite');
    expect(del?.form).toMatchObject({ id: '1', webname: 'example.com' });
    expect(del?.form.path).toBeUndefined();
    expect((await adapter.terminate('example.com')).changed).toBe(false);
    expect((await failureOf(adapter.suspend('example.com', 'x'))).kind).toBe('not_found');
  });

  it('a bad key and a refused IP are auth failures, sent once (the panel locks an IP out after 20)', async () => {
    fake = await startFakeBtPanel();
    const { adapter } = connectAdapter(createBtPanelAdapter, { ...connectionFor(fake), credentials: { apiKey: 'not-the-key-at-all' } });
    const failure = await failureOf(adapter.suspend('example.com', 'x'));
    expect(failure.kind).toBe('auth');
    expect(failure.message).toContain('密钥校验失败');
    expect(failure.retryable).toBe(false);
    expect(fake.requests).toHaveLength(1);
    await fake.close();
    const refused = await connect({ ipNotAllowed: true });
    expect((await failureOf(refused.adapter.testConnection())).kind).toBe('auth');
  });

  it('HTTP 500, a traceback instead of a list or a status, and a silent panel', async () => {
    const { adapter } = await connect({}, 400);
    fake.failNext('http500');
    expect((await failureOf(adapter.suspend('example.com', 'x'))).kind).toBe('http');
    fake.failNext('malformed');
    expect((await failureOf(adapter.getState('example.com'))).kind).toBe('malformed');
    fake.failNext('malformed', 1, 2); // list and rate answered, SiteStop gets the traceback
    expect((await failureOf(adapter.suspend('example.com', 'x'))).kind).toBe('malformed');
    fake.failNext('hang');
    expect((await failureOf(adapter.getState('example.com'))).kind).toBe('timeout');
    expect(fake.accounts.get('example.com')?.suspended).toBe(false);
  });

  it('a different certificate: certificate failure and nothing reaches the panel', async () => {
    fake = await startFakeBtPanel({ certificate: 'other' });
    const { adapter } = connectAdapter(createBtPanelAdapter, connectionFor(fake));
    expect((await failureOf(adapter.suspend('example.com', 'x'))).kind).toBe('certificate');
    expect(fake.requests).toEqual([]);
  });

  it('writes neither the key nor any request token to a log line or an answer', async () => {
    const { adapter, lines } = await connect();
    const answers = [(await adapter.suspend('example.com', 'x')).answer, (await adapter.startBackup('example.com')).answer, (await failureOf(adapter.changePackage('example.com', 'x'))).message];
    const tokens = fake.requests.map((r) => r.form.request_token);
    expect(tokens.length).toBeGreaterThan(3);
    expect(leakedSecrets([...lines, ...answers], [fake.credentials.apiKey, md5(fake.credentials.apiKey), ...tokens])).toEqual([]);
  });
});
