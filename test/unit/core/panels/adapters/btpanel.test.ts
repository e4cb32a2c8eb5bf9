import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createBtPanelAdapter } from '../../../../../electron/core/panels/adapters/btpanel.js';
import { adapterFactories } from '../../../../../electron/core/panels/registry.js';
import { startFakeBtPanel, type BtFake } from '../../../../fixtures/panels/fakes/btpanel.js';
import type { FakeRequest } from '../../../../fixtures/panels/fakes/fakePanel.js';
import { adapterFor, describeAdapter, failureOf, recorder, type AdapterSuiteSpec } from './adapterSuite.js';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const CHANGES = new Set(['SiteStop', 'SiteStart', 'SetLimitNet', 'CloseLimitNet', 'ToBackup', 'DeleteSite', 'SetEdate']);
const spec: AdapterSuiteSpec = {
  kind: 'btpanel',
  factory: createBtPanelAdapter,
  start: startFakeBtPanel,
  active: 'example.com',
  suspended: 'shop.example.com',
  missing: 'nobody.example.com',
  invalid: 'not a site',
  wrongCredentials: (c) => ({ ...c, apiKey: 'not-the-bt-api-key-at-all' }),
  isChange: (req: FakeRequest) => CHANGES.has(req.query.action ?? ''),
  bandwidth: { limit: { monthlyMb: null, rateKBps: 256 }, expect: { rateKBps: 256 } },
};

describeAdapter(spec);

describe('btpanel adapter: BT Panel / aaPanel quirks', () => {
  let fake: BtFake;
  const rec = recorder();
  afterEach(() => fake?.close());

  const connect = async (opts: Parameters<typeof startFakeBtPanel>[0] = {}) => {
    fake = await startFakeBtPanel(opts);
    return adapterFor(spec, fake, rec);
  };
  const actions = () => fake.requests.map((r) => r.query.action);

  it('is registered, signs every request with md5(time + md5(key)), keeps the session cookie, and is no "bot"', async () => {
    const adapter = await connect();
    expect(adapterFactories.btpanel).toBe(createBtPanelAdapter);
    expect((await adapter.testConnection()).answer).toBe('BT Panel 8.0.6 on Ubuntu 22.04.4 LTS x86_64(Py3.7.16)');
    await adapter.getState('example.com');
    const [first, second] = fake.requests;
    expect(first.form.request_token).toBe(md5(first.form.request_time + md5(fake.credentials.apiKey)));
    expect(second.headers.cookie).toContain('BT_PANEL=fake-session-0123');
    expect(first.headers['user-agent']).not.toMatch(/bot|spider/i);
  });

  it('picks the exact site although the search matches substrings, and acts with its id and name', async () => {
    const adapter = await connect();
    expect(await adapter.suspend('example.com', 'arrears')).toMatchObject({ changed: true, state: { suspended: true } });
    expect(fake.requests[0].form).toMatchObject({ table: 'sites', search: 'example.com' });
    expect(fake.requests.find((r) => r.query.action === 'SiteStop')?.form).toMatchObject({ id: '1', name: 'example.com' });
    expect(fake.accounts.get('shop.example.com')?.suspended).toBe(true);
    expect((await adapter.getState('example.co')).exists).toBe(false);
  });

  it('SiteStop says success for a site already stopped: the adapter does not even ask', async () => {
    const adapter = await connect();
    expect((await adapter.suspend('shop.example.com', 'x')).changed).toBe(false);
    expect(actions()).not.toContain('SiteStop');
  });

  it('shows the panel’s own expiry date and clears it when acting, so the panel never stops a site behind the ladder', async () => {
    const adapter = await connect();
    expect((await adapter.getState('blog.example.org')).summary).toContain('panel expiry date 2026-12-31');
    await adapter.suspend('blog.example.org', 'arrears');
    expect(fake.requests.find((r) => r.query.action === 'SetEdate')?.form).toMatchObject({ id: '3', edate: '0000-00-00' });
    await adapter.unsuspend('blog.example.org');
    fake.runExpiryCheck('2027-01-05');
    expect(fake.accounts.get('blog.example.org')?.suspended).toBe(false);
  });

  it('sends BT’s default concurrency limits with the rate, closes the limit to restore; quota is unsupported; apache refuses', async () => {
    const adapter = await connect();
    await adapter.limitBandwidth('example.com', { monthlyMb: null, rateKBps: 256 });
    expect(fake.requests.find((r) => r.query.action === 'SetLimitNet')?.form).toMatchObject({ id: '1', perserver: '300', perip: '25', limit_rate: '256' });
    await adapter.restoreBandwidth('example.com', null);
    expect(actions()).toContain('CloseLimitNet');
    expect((await failureOf(adapter.limitBandwidth('example.com', { monthlyMb: 500, rateKBps: null }))).kind).toBe('unsupported');
    await fake.close();
    const apache = await connect({ webServer: 'apache' });
    const failure = await failureOf(apache.limitBandwidth('example.com', { monthlyMb: null, rateKBps: 256 }));
    expect(failure.kind).toBe('refused');
    expect(failure.message).toContain('Nginx');
  });

  it('a backup is done when ToBackup answers, and is found in the backup list; success without a new backup is refused', async () => {
    const adapter = await connect();
    const start = await adapter.startBackup('example.com');
    expect(start).toMatchObject({ done: true, answer: expect.stringContaining('web_example_com_') });
    expect((await adapter.backupStatus('example.com', start.ref)).status).toBe('succeeded');
    expect((await adapter.backupStatus('example.com', '999')).status).toBe('failed');
    fake.failNext('noop');
    expect((await failureOf(adapter.startBackup('example.com'))).kind).toBe('refused');
  });

  it('waits for ToBackup longer than the connection’s usual deadline', async () => {
    fake = await startFakeBtPanel({ backupDelayMs: 600 });
    const impatient = adapterFor(spec, fake, rec, { timeoutMs: 300 });
    expect((await impatient.startBackup('example.com')).done).toBe(true);
    expect(fake.accounts.get('example.com')?.backups).toBe(1);
  });

  it('deletes the site only, keeping its files, FTP account and database', async () => {
    const adapter = await connect();
    await adapter.terminate('example.com');
    const del = fake.requests.find((r) => r.query.action === 'DeleteSite');
    expect(del?.form).toMatchObject({ id: '1', webname: 'example.com' });
    expect([del?.form.path, del?.form.ftp, del?.form.database]).toEqual([undefined, undefined, undefined]);
  });

  it('a bad key (密钥校验失败) and a refused IP are auth failures, sent once: the panel locks an IP out after 20', async () => {
    fake = await startFakeBtPanel();
    const failure = await failureOf(adapterFor(spec, fake, rec, { credentials: { apiKey: 'not-the-bt-api-key-at-all' } }).suspend('example.com', 'x'));
    expect(failure).toMatchObject({ kind: 'auth', retryable: false });
    expect(failure.message).toContain('密钥校验失败');
    expect(fake.requests).toHaveLength(1);
    await fake.close();
    const refused = await connect({ ipNotAllowed: true });
    expect((await failureOf(refused.testConnection())).message).toContain('IP校验失败');
  });

  it('a Python traceback (a JSON string at HTTP 200) where a status belongs is malformed, never success', async () => {
    const adapter = await connect();
    fake.failNext('malformed', (req) => req.query.action === 'SiteStop');
    expect((await failureOf(adapter.suspend('example.com', 'x'))).kind).toBe('malformed');
    expect(fake.accounts.get('example.com')?.suspended).toBe(false);
  });

  it('keeps the key and every request token out of logs and answers', async () => {
    const adapter = await connect();
    await adapter.suspend('example.com', 'x');
    await adapter.startBackup('example.com');
    const all = [...rec.lines, ...rec.answers].join('\n');
    const tokens = fake.requests.map((r) => r.form.request_token);
    expect(tokens.length).toBeGreaterThan(3);
    for (const secret of [fake.credentials.apiKey, md5(fake.credentials.apiKey), ...tokens]) expect(all).not.toContain(secret);
  });
});
