import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCpanelAdapter } from '../../../../../electron/core/panels/adapters/cpanel.js';
import { adapterFactories } from '../../../../../electron/core/panels/registry.js';
import { startFakeCpanel } from '../../../../fixtures/panels/fakes/cpanel.js';
import type { FakePanel } from '../../../../fixtures/panels/fakes/fakePanel.js';
import { adapterFor, describeAdapter, failureOf, recorder, type AdapterSuiteSpec } from './adapterSuite.js';

const CHANGES = new Set(['suspendacct', 'unsuspendacct', 'limitbw', 'changepackage', 'removeacct', 'start_background_pkgacct']);
const spec: AdapterSuiteSpec = {
  kind: 'cpanel',
  factory: createCpanelAdapter,
  start: startFakeCpanel,
  active: 'bob',
  suspended: 'carol',
  missing: 'dave',
  invalid: 'Bob Smith',
  wrongCredentials: (c: Record<string, string>) => ({ ...c, token: 'WRONGTOKEN0000000000' }),
  isChange: (req: { path: string }) => CHANGES.has(req.path.replace('/json-api/', '')),
  bandwidth: { limit: { monthlyMb: 2048, rateKBps: null }, expect: { bandwidthMb: 2048 } },
  packageTarget: 'restricted',
};

describeAdapter(spec);

describe('cpanel adapter: WHM quirks', () => {
  let fake: FakePanel;
  const rec = recorder();
  beforeEach(async () => {
    fake = await startFakeCpanel();
  });
  afterEach(() => fake.close());

  it('is registered, and speaks API 1 with the whm token header', async () => {
    expect(adapterFactories.cpanel).toBe(createCpanelAdapter);
    await adapterFor(spec, fake, rec).getState('bob');
    expect(fake.requests[0]).toMatchObject({ path: '/json-api/accountsummary', query: { 'api.version': '1', user: 'bob' } });
    expect(fake.requests[0]?.headers.authorization).toBe('whm root:WHMTOKEN7Q2X9ZL4K8D3');
  });

  it('takes the 403 legacy body for an auth failure, not a malformed answer', async () => {
    const wrong = adapterFor(spec, fake, rec, { credentials: { username: 'root', token: 'nope-nope-nope' } });
    const failure = await failureOf(wrong.getState('bob'));
    expect(failure.kind).toBe('auth');
    expect(failure.answer).toContain('Access denied');
  });

  it('does not trust result=1 for a suspend of a suspended account, and keeps the stored reason', async () => {
    const adapter = adapterFor(spec, fake, rec);
    const outcome = await adapter.suspend('carol', 'A new reason');
    expect(outcome.changed).toBe(false);
    expect(fake.requests.some((req) => req.path.endsWith('suspendacct'))).toBe(false);
    expect(fake.accounts.get('carol')?.suspendReason).toBe('Overdue');
    expect(outcome.state.summary).toContain('Overdue');
  });

  it('sends the suspension reason, and reads the quota in MB from showbw bytes', async () => {
    const adapter = adapterFor(spec, fake, rec);
    await adapter.suspend('bob', 'Unpaid invoice INV-0042');
    expect(fake.accounts.get('bob')?.suspendReason).toBe('Unpaid invoice INV-0042');
    expect((await adapter.getState('bob')).bandwidth).toEqual({ monthlyMb: 10240, rateKBps: null });
  });

  it('refuses a speed-only limit, a fractional quota and an unknown package, changing nothing', async () => {
    const adapter = adapterFor(spec, fake, rec);
    expect((await failureOf(adapter.limitBandwidth('bob', { monthlyMb: null, rateKBps: 128 }))).kind).toBe('unsupported');
    expect((await failureOf(adapter.limitBandwidth('bob', { monthlyMb: 10.5, rateKBps: null }))).kind).toBe('refused');
    const unknown = await failureOf(adapter.changePackage('bob', 'platinum'));
    expect(unknown.kind).toBe('refused');
    expect(unknown.message).toContain('does not exist');
    expect(fake.accounts.get('bob')).toMatchObject({ package: 'standard', bandwidthMb: 10240 });
  });

  it('reports a backup that failed on the panel as failed', async () => {
    fake.accounts.get('bob')!.extra.backupFails = '1';
    const adapter = adapterFor(spec, fake, rec);
    const started = await adapter.startBackup('bob');
    expect(started.done).toBe(false);
    expect((await adapter.backupStatus('bob', started.ref)).status).toBe('running');
    expect((await adapter.backupStatus('bob', started.ref)).status).toBe('failed');
    expect((await failureOf(adapter.startBackup('dave'))).kind).toBe('not_found');
  });

  it('refuses an account reference that is not a cPanel username before sending anything', async () => {
    const adapter = adapterFor(spec, fake, rec);
    expect((await failureOf(adapter.suspend('../etc', 'x'))).kind).toBe('refused');
    expect(fake.requests).toEqual([]);
  });
});
