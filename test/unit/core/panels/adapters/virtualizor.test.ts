import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVirtualizorAdapter } from '../../../../../electron/core/panels/adapters/virtualizor.js';
import { adapterFactories } from '../../../../../electron/core/panels/registry.js';
import { startFakeVirtualizor } from '../../../../fixtures/panels/fakes/virtualizor.js';
import { connectionFor, type FakePanel, type FakeRequest } from '../../../../fixtures/panels/fakes/fakePanel.js';
import { createPanelHttp } from '../../../../../electron/core/panels/transport.js';
import { adapterFor, describeAdapter, failureOf, recorder, type AdapterSuiteSpec } from './adapterSuite.js';

const spec: AdapterSuiteSpec = {
  kind: 'virtualizor',
  factory: createVirtualizorAdapter,
  start: startFakeVirtualizor,
  active: '101',
  suspended: '102',
  missing: '999',
  invalid: 'vps-101',
  wrongCredentials: (c) => ({ ...c, apiPass: 'wrong-vz-pass' }),
  isChange: (req: FakeRequest) =>
    req.query.suspend !== undefined || req.query.unsuspend !== undefined || req.form.delete !== undefined || req.form.editvps === '1',
  bandwidth: { limit: { monthlyMb: 50 * 1024, rateKBps: 512 }, expect: { bandwidthMb: 50 * 1024, rateKBps: 512 } },
  packageTarget: '1',
};

describeAdapter(spec);

describe('virtualizor adapter: admin API quirks', () => {
  let fake: FakePanel;
  const rec = recorder();
  beforeEach(async () => {
    fake = await startFakeVirtualizor();
  });
  afterEach(() => fake.close());

  it('is registered, and the credentials in the query string never reach a log line, even with no secrets registered', async () => {
    expect(adapterFactories.virtualizor).toBe(createVirtualizorAdapter);
    const own = recorder();
    // The adapter's own secret fields suffice: the transport is given no secret values here.
    const http = createPanelHttp({ protocol: 'https', host: '127.0.0.1', port: fake.port, pinnedSha256: fake.fingerprint, timeoutMs: 5000, secrets: [], logger: own.logger, connectionId: 'v1' });
    await createVirtualizorAdapter({ ...connectionFor(fake), http }).suspend('101', 'Unpaid');
    expect(fake.requests[0]?.query).toMatchObject({ act: 'vs', api: 'json', vpsid: '101', adminapikey: 'vzKEY9f8e7d6c5b4a3' });
    const logged = own.lines.join('\n');
    expect(logged).toContain('"adminapikey":"[redacted]"');
    expect(logged).not.toContain('vzKEY9f8e7d6c5b4a3');
    expect(logged).not.toContain('vzPASS1a2b3c4d5e6f');
  });

  it('reads an error array about the API key as an auth failure', async () => {
    const wrong = adapterFor(spec, fake, rec, { credentials: { apiKey: 'vzKEY9f8e7d6c5b4a3', apiPass: 'nope-nope' } });
    const failure = await failureOf(wrong.getState('101'));
    expect(failure.kind).toBe('auth');
    expect(failure.message).toContain('Invalid API Key');
  });

  it('rounds a quota up to whole GB, sets both speeds, and reports the plan id as the package', async () => {
    const adapter = adapterFor(spec, fake, rec);
    const limited = await adapter.limitBandwidth('101', { monthlyMb: 1500, rateKBps: 256 });
    expect(limited.previous).toEqual({ monthlyMb: 1000 * 1024, rateKBps: null });
    expect(limited.state.bandwidth).toEqual({ monthlyMb: 2048, rateKBps: 256 });
    expect(fake.requests.find((req) => req.form.editvps === '1')?.form).toMatchObject({ bandwidth: '2', network_speed: '256', upload_speed: '256' });
    expect((await adapter.getState('101')).package).toBe('2');
  });

  it('refuses a plan that is not an id, and one the panel does not know, changing nothing', async () => {
    const adapter = adapterFor(spec, fake, rec);
    expect((await failureOf(adapter.changePackage('101', 'Gold'))).kind).toBe('refused');
    expect((await failureOf(adapter.changePackage('101', '42'))).message).toContain('does not exist');
    expect(fake.accounts.get('101')?.package).toBe('2');
  });

  it('refuses an unsuspend that Virtualizor confirmed with done but did not make', async () => {
    const adapter = adapterFor(spec, fake, rec);
    fake.failNext('noop');
    await expect(adapter.unsuspend('102')).rejects.toMatchObject({ kind: 'refused' });
    expect(fake.accounts.get('102')?.suspended).toBe(true);
  });

  it('does not take a VPS missing from an unfiltered list as gone', async () => {
    const unfiltered = await startFakeVirtualizor({ ignoreFilter: true });
    try {
      const adapter = adapterFor(spec, unfiltered, rec);
      expect(await adapter.getState('102')).toMatchObject({ exists: true, suspended: true });
      expect((await failureOf(adapter.terminate('999'))).kind).toBe('malformed');
      unfiltered.accounts.clear();
      expect(await adapter.terminate('999')).toMatchObject({ changed: false, state: { exists: false } });
    } finally {
      await unfiltered.close();
    }
  });
});
