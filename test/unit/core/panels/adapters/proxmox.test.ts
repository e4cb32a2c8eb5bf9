import { afterEach, describe, expect, it } from 'vitest';
import { createProxmoxAdapter } from '../../../../../electron/core/panels/adapters/proxmox.js';
import { adapterFactories } from '../../../../../electron/core/panels/registry.js';
import { startFakeProxmox } from '../../../../fixtures/panels/fakes/proxmox.js';
import type { FakePanel, FakeRequest } from '../../../../fixtures/panels/fakes/fakePanel.js';
import { adapterFor, describeAdapter, failureOf, recorder, type AdapterSuiteSpec } from './adapterSuite.js';

const spec: AdapterSuiteSpec = {
  kind: 'proxmox',
  factory: createProxmoxAdapter,
  start: startFakeProxmox,
  active: 'pve/qemu/101',
  suspended: 'pve/qemu/102',
  missing: 'pve/qemu/999',
  invalid: '101',
  wrongCredentials: (c) => ({ ...c, tokenSecret: 'wrong-proxmox-token-secret' }),
  isChange: (req: FakeRequest) => req.method !== 'GET',
  bandwidth: { limit: { monthlyMb: null, rateKBps: 512 }, expect: { rateKBps: 512 } },
  packageTarget: 'cores=1,memory=1024',
};

describeAdapter(spec);

describe('proxmox adapter: API2 quirks', () => {
  let fake: FakePanel;
  const rec = recorder();
  afterEach(() => fake?.close());

  const connect = async (opts: Parameters<typeof startFakeProxmox>[0] = {}, timeoutMs?: number) => {
    fake = await startFakeProxmox(opts);
    return adapterFor(spec, fake, rec, { timeoutMs });
  };
  const changes = () => fake.requests.filter((r) => r.method !== 'GET');

  it('is registered, takes node/qemu|lxc/VMID references and sends the token header', async () => {
    const adapter = await connect();
    expect(adapterFactories.proxmox).toBe(createProxmoxAdapter);
    expect(adapter.checkAccount('node-2/lxc/20001')).toBeNull();
    expect(adapter.checkAccount('pve/kvm/101')).toMatch(/pve\/qemu\/101/);
    expect(await adapter.testConnection()).toEqual({ answer: 'Proxmox VE 8.2.4' });
    expect(fake.requests[0].headers.authorization).toBe(`PVEAPIToken=${fake.credentials.tokenId}=${fake.credentials.tokenSecret}`);
    expect(await adapter.getState('pve/lxc/201')).toMatchObject({ exists: true, package: 'cores=1,memory=512', bandwidth: { monthlyMb: null, rateKBps: null } });
  });

  it('suspends with a shutdown task (forceStop) and polls it until it stops', async () => {
    const adapter = await connect({ taskPolls: 2 });
    expect(await adapter.suspend('pve/qemu/101', 'arrears')).toMatchObject({ changed: true, state: { suspended: true } });
    expect(fake.requests.find((r) => r.path.endsWith('/status/shutdown'))?.form).toMatchObject({ forceStop: '1' });
    expect(fake.requests.filter((r) => r.path.includes('/tasks/')).length).toBe(3); // running, running, stopped
  });

  it('drives a container through /lxc/ the same way', async () => {
    const adapter = await connect();
    expect(await adapter.suspend('pve/lxc/201', 'arrears')).toMatchObject({ changed: true, state: { suspended: true } });
    expect(fake.requests.find((r) => r.method === 'POST')?.path).toBe('/api2/json/nodes/pve/lxc/201/status/shutdown');
    expect(fake.accounts.get('pve/lxc/201')?.suspended).toBe(true);
  });

  it('never starts a running guest (Proxmox reports that only inside the task)', async () => {
    const adapter = await connect();
    expect((await adapter.unsuspend('pve/qemu/101')).changed).toBe(false);
    expect(changes()).toEqual([]);
  });

  it('a 401 with an empty body is an auth failure, never retried', async () => {
    const adapter = adapterFor(spec, (fake = await startFakeProxmox()), rec, { credentials: { tokenId: 'billing@pve!hostledger', tokenSecret: 'wrong-proxmox-token-secret' } });
    const failure = await failureOf(adapter.getState('pve/qemu/101'));
    expect(failure).toMatchObject({ kind: 'auth', retryable: false });
    expect(failure.message).toContain('authentication failure');
  });

  it('writes the NIC rate into net0 with the config digest; refuses a quota-only limit', async () => {
    const adapter = await connect();
    await adapter.limitBandwidth('pve/qemu/101', { monthlyMb: null, rateKBps: 512 });
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.form.net0).toMatch(/^virtio=.*bridge=vmbr0.*,rate=0\.5$/);
    expect(put?.form.digest).toMatch(/^d1e5/);
    expect((await failureOf(adapter.limitBandwidth('pve/qemu/101', { monthlyMb: 1000, rateKBps: null }))).kind).toBe('unsupported');
  });

  it('sizes a guest only from cores=N,memory=MB, and refuses a config write that did not take', async () => {
    const adapter = await connect();
    expect((await failureOf(adapter.changePackage('pve/qemu/101', 'Bronze'))).kind).toBe('refused');
    expect(changes()).toEqual([]);
    fake.failNext('noop');
    expect((await failureOf(adapter.changePackage('pve/qemu/101', 'cores=2'))).kind).toBe('refused');
  });

  it('backs up with vzdump (snapshot, zstd, the configured storage): running, then succeeded', async () => {
    const adapter = await connect();
    const start = await adapter.startBackup('pve/qemu/101');
    expect(start).toMatchObject({ done: false, ref: expect.stringMatching(/^UPID:pve:/) });
    expect(fake.requests.find((r) => r.path.endsWith('/vzdump'))?.form).toMatchObject({ vmid: '101', storage: 'local', mode: 'snapshot', compress: 'zstd' });
    expect((await adapter.backupStatus('pve/qemu/101', start.ref)).status).toBe('running');
    expect((await adapter.backupStatus('pve/qemu/101', start.ref)).status).toBe('succeeded');
    expect((await failureOf(adapter.startBackup('pve/qemu/999'))).kind).toBe('not_found');
    expect((await failureOf(adapter.backupStatus('pve/qemu/101', 'UPID:other:1'))).kind).toBe('refused');
  });

  it('terminates a running guest by stopping it first, with purge in the query string and no body', async () => {
    const adapter = await connect();
    expect(await adapter.terminate('pve/qemu/101')).toMatchObject({ changed: true, state: { exists: false } });
    expect(fake.requests.some((r) => r.path.endsWith('/status/stop'))).toBe(true);
    const del = fake.requests.find((r) => r.method === 'DELETE');
    expect(del?.query).toMatchObject({ purge: '1', 'destroy-unreferenced-disks': '1' });
    expect(del?.body).toBe('');
  });

  it('keeps the token secret out of logs and answers', async () => {
    const adapter = await connect();
    await adapter.suspend('pve/qemu/101', 'x');
    await adapter.startBackup('pve/qemu/101');
    await failureOf(adapter.startBackup('pve/qemu/999'));
    expect([...rec.lines, ...rec.answers].join('\n')).not.toContain(fake.credentials.tokenSecret);
  });
});
