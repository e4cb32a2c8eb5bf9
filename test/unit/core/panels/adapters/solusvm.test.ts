import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSolusvmAdapter } from '../../../../../electron/core/panels/adapters/solusvm.js';
import { adapterFactories } from '../../../../../electron/core/panels/registry.js';
import { startFakeSolusvm } from '../../../../fixtures/panels/fakes/solusvm.js';
import { connectionFor, panelHttpFor, type FakePanel, type FakeRequest } from '../../../../fixtures/panels/fakes/fakePanel.js';
import { createPanelHttp } from '../../../../../electron/core/panels/transport.js';
import { adapterFor, describeAdapter, failureOf, recorder, type AdapterSuiteSpec } from './adapterSuite.js';

const READS = new Set(['vserver-status', 'vserver-infoall', 'listnodes']);
const spec: AdapterSuiteSpec = {
  kind: 'solusvm',
  factory: createSolusvmAdapter,
  start: startFakeSolusvm,
  active: '205',
  suspended: '206',
  missing: '999',
  invalid: 'srv205',
  wrongCredentials: (c) => ({ ...c, apiKey: 'wrong-solus-key' }),
  isChange: (req: FakeRequest) => !READS.has(req.form.action ?? ''),
  bandwidth: { limit: { monthlyMb: 100 * 1024, rateKBps: null }, expect: { bandwidthMb: 100 * 1024 } },
};

describeAdapter(spec);

describe('solusvm adapter: admin API quirks', () => {
  let fake: FakePanel;
  const rec = recorder();
  beforeEach(async () => {
    fake = await startFakeSolusvm();
  });
  afterEach(() => fake.close());

  it('is registered, posts id/key/action with rdtype=json, and asks listnodes for the configured type', async () => {
    expect(adapterFactories.solusvm).toBe(createSolusvmAdapter);
    expect((await adapterFor(spec, fake, rec).testConnection()).answer).toContain('kvm-node-1');
    expect(fake.requests[0]?.form).toMatchObject({ id: 'SVMID7Hq2Lx9', action: 'listnodes', type: 'kvm', rdtype: 'json' });
  });

  it('keeps the id and key out of the log by field name, even with no secrets registered', async () => {
    const own = recorder();
    const http = createPanelHttp({ protocol: 'https', host: '127.0.0.1', port: fake.port, pinnedSha256: fake.fingerprint, timeoutMs: 5000, secrets: [], logger: own.logger, connectionId: 's1' });
    await createSolusvmAdapter({ ...connectionFor(fake), http }).suspend('205', 'Unpaid');
    const logged = own.lines.join('\n');
    expect(logged).toContain('"id":"[redacted]"');
    expect(logged).not.toContain('SVMID7Hq2Lx9');
    expect(logged).not.toContain('svmKEYf00dfeedbeef1234');
  });

  it('reads "disabled" as suspended and the quota in MB from infoall bytes', async () => {
    const state = await adapterFor(spec, fake, rec).getState('206');
    expect(state).toMatchObject({ exists: true, suspended: true, package: null, bandwidth: { monthlyMb: 500 * 1024, rateKBps: null } });
  });

  it('parses the root-less XML fragment a master sends when it ignores rdtype', async () => {
    const xmlFake = await startFakeSolusvm({ xmlOnly: true });
    try {
      const adapter = adapterFor(spec, xmlFake, rec);
      expect(await adapter.suspend('205', 'Unpaid')).toMatchObject({ changed: true, state: { suspended: true } });
      expect(xmlFake.accounts.get('205')?.suspended).toBe(true);
      const wrong = adapterFor(spec, xmlFake, rec, { credentials: { apiId: 'SVMID7Hq2Lx9', apiKey: 'nope-nope' } });
      expect((await failureOf(wrong.getState('205'))).kind).toBe('auth');
    } finally {
      await xmlFake.close();
    }
  });

  it('rounds a quota up to whole GB; refuses a speed-only limit and a plan change as unsupported', async () => {
    const adapter = adapterFor(spec, fake, rec);
    const limited = await adapter.limitBandwidth('205', { monthlyMb: 3000, rateKBps: null });
    expect(limited.state.bandwidth).toEqual({ monthlyMb: 3072, rateKBps: null });
    expect(fake.requests.find((req) => req.form.action === 'vserver-bandwidth')?.form).toMatchObject({ limit: '3', overlimit: '0' });
    expect((await failureOf(adapter.limitBandwidth('205', { monthlyMb: null, rateKBps: 100 }))).kind).toBe('unsupported');
    expect((await failureOf(adapter.changePackage('205', 'small'))).kind).toBe('unsupported');
  });

  it('refuses a virtualization type SolusVM does not know, sending nothing', async () => {
    const { config, credentials } = connectionFor(fake);
    const adapter = createSolusvmAdapter({ config: { ...config, options: { virtualization: 'lxc' } }, credentials, http: panelHttpFor(fake) });
    expect((await failureOf(adapter.testConnection())).kind).toBe('refused');
    expect(fake.requests).toEqual([]);
  });
});
