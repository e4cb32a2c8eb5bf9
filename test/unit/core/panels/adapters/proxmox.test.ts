import { afterEach, describe, expect, it } from 'vitest';
import { createProxmoxAdapter } from '../../../../../electron/core/panels/adapters/proxmox.js';
import { PANEL_CAPABILITIES } from '../../../../../shared/domain/panelCapabilities.js';
import { connectionFor, startFakeProxmox } from '../../../../fixtures/panels/fakes/proxmox.js';
import type { FakePanel } from '../../../../fixtures/panels/fakes/fakePanel.js';
import { connectAdapter, failureOf, leakedSecrets } from '../../../../fixtures/panels/adapterHarness.js';

describe('Proxmox VE adapter', () => {
  let fake: FakePanel;
  afterEach(() => fake?.close());

  const connect = async (opts: Parameters<typeof startFakeProxmox>[0] = {}, timeoutMs?: number) => {
    fake = await startFakeProxmox(opts);
    return connectAdapter(createProxmoxAdapter, connectionFor(fake), { timeoutMs });
  };
  const changes = () => fake.requests.filter((r) => r.method !== 'GET');

  it('declares the table capabilities and checks the guest reference', async () => {
    const { adapter } = await connect();
    expect(adapter.capabilities).toEqual(PANEL_CAPABILITIES.proxmox);
    expect(adapter.checkAccount('pve/qemu/101')).toBeNull();
    expect(adapter.checkAccount('node-2/lxc/20001')).toBeNull();
    expect(adapter.checkAccount('101')).toMatch(/pve\/qemu\/101/);
    expect(adapter.checkAccount('pve/kvm/101')).not.toBeNull();
    expect(await adapter.testConnection()).toEqual({ answer: 'Proxmox VE 8.2.4' });
  });

  it('reads a guest: running, size, NIC rate; a missing guest does not exist', async () => {
    const { adapter } = await connect();
    const state = await adapter.getState('pve/qemu/101');
    expect(state).toMatchObject({ exists: true, suspended: false, package: 'cores=4,memory=4096', bandwidth: { monthlyMb: null, rateKBps: null } });
    expect((await adapter.getState('pve/qemu/999')).exists).toBe(false);
  });

  it('suspends by shutting down, polling the task, and unsuspends by starting', async () => {
    const { adapter } = await connect({ taskPolls: 2 });
    const stopped = await adapter.suspend('pve/qemu/101', 'arrears');
    expect(stopped.changed).toBe(true);
    expect(stopped.state.suspended).toBe(true);
    expect(fake.accounts.get('pve/qemu/101')?.suspended).toBe(true);
    expect(fake.requests.filter((r) => r.path.includes('/tasks/')).length).toBe(3); // running, running, stopped
    const shutdown = fake.requests.find((r) => r.path.endsWith('/status/shutdown'));
    expect(shutdown?.form).toMatchObject({ forceStop: '1' });

    const started = await adapter.unsuspend('pve/qemu/101');
    expect(started).toMatchObject({ changed: true, state: { suspended: false } });
    expect(fake.accounts.get('pve/qemu/101')?.suspended).toBe(false);
  });

  it('already in state: nothing is sent (starting a running VM would only fail inside its task)', async () => {
    const { adapter } = await connect();
    expect((await adapter.unsuspend('pve/qemu/101')).changed).toBe(false);
    expect((await adapter.suspend('pve/qemu/102', 'arrears')).changed).toBe(false);
    expect(changes()).toEqual([]);
  });

  it('a task that "succeeds" without changing anything is refused, never reported as done', async () => {
    const { adapter } = await connect();
    fake.failNext('noop');
    const failure = await failureOf(adapter.suspend('pve/qemu/101', 'arrears'));
    expect(failure.kind).toBe('refused');
    expect(fake.accounts.get('pve/qemu/101')?.suspended).toBe(false);
  });

  it('limits the NIC rate and restores it; quota-only limits are unsupported', async () => {
    const { adapter } = await connect();
    const limited = await adapter.limitBandwidth('pve/qemu/101', { monthlyMb: null, rateKBps: 512 });
    expect(limited).toMatchObject({ changed: true, previous: { monthlyMb: null, rateKBps: null }, state: { bandwidth: { rateKBps: 512 } } });
    expect(fake.accounts.get('pve/qemu/101')?.rateKBps).toBe(512);
    const put = fake.requests.find((r) => r.method === 'PUT');
    expect(put?.form.net0).toMatch(/bridge=vmbr0.*,rate=0\.5$/);
    expect(put?.form.digest).toBeTruthy();
    expect((await adapter.limitBandwidth('pve/qemu/101', { monthlyMb: null, rateKBps: 512 })).changed).toBe(false);

    const restored = await adapter.restoreBandwidth('pve/qemu/101', limited.previous);
    expect(restored.changed).toBe(true);
    expect(fake.accounts.get('pve/qemu/101')?.rateKBps).toBeNull();
    expect((await failureOf(adapter.limitBandwidth('pve/qemu/101', { monthlyMb: 1000, rateKBps: null }))).kind).toBe('unsupported');
  });

  it('downgrades cores and memory, returns the old size, and refuses a write that did not take', async () => {
    const { adapter } = await connect();
    const down = await adapter.changePackage('pve/qemu/101', 'cores=1,memory=1024');
    expect(down).toMatchObject({ changed: true, previous: 'cores=4,memory=4096', state: { package: 'cores=1,memory=1024' } });
    expect((await adapter.changePackage('pve/qemu/101', 'cores=1,memory=1024')).changed).toBe(false);
    expect((await failureOf(adapter.changePackage('pve/qemu/101', 'Bronze'))).kind).toBe('refused');
    fake.failNext('noop');
    expect((await failureOf(adapter.changePackage('pve/qemu/101', 'cores=4,memory=4096'))).kind).toBe('refused');
  });

  it('backs up with vzdump and polls the task', async () => {
    const { adapter } = await connect();
    const start = await adapter.startBackup('pve/qemu/101');
    expect(start.done).toBe(false);
    expect(start.ref).toMatch(/^UPID:pve:/);
    expect(fake.requests.find((r) => r.path.endsWith('/vzdump'))?.form).toMatchObject({ vmid: '101', storage: 'local', mode: 'snapshot', compress: 'zstd' });
    expect((await adapter.backupStatus('pve/qemu/101', start.ref)).status).toBe('running');
    expect((await adapter.backupStatus('pve/qemu/101', start.ref)).status).toBe('succeeded');
    expect(fake.accounts.get('pve/qemu/101')?.backups).toHaveLength(1);
    expect((await failureOf(adapter.startBackup('pve/qemu/999'))).kind).toBe('not_found');
  });

  it('terminates: stops a running guest first, deletes with purge in the query string; already gone is success', async () => {
    const { adapter } = await connect();
    const gone = await adapter.terminate('pve/qemu/101');
    expect(gone).toMatchObject({ changed: true, state: { exists: false } });
    expect(fake.accounts.get('pve/qemu/101')?.deleted).toBe(true);
    const del = fake.requests.find((r) => r.method === 'DELETE');
    expect(del?.query).toMatchObject({ purge: '1', 'destroy-unreferenced-disks': '1' });
    expect(del?.body).toBe('');
    expect((await adapter.terminate('pve/qemu/101')).changed).toBe(false);
    expect((await failureOf(adapter.suspend('pve/qemu/101', 'x'))).kind).toBe('not_found');
  });

  it('a bad token is an auth failure (empty 401 body), never retried', async () => {
    fake = await startFakeProxmox();
    const { adapter } = connectAdapter(createProxmoxAdapter, { ...connectionFor(fake), credentials: { tokenId: 'billing@pve!hostledger', tokenSecret: 'wrong-secret-value' } });
    const failure = await failureOf(adapter.getState('pve/qemu/101'));
    expect(failure.kind).toBe('auth');
    expect(failure.retryable).toBe(false);
    expect(failure.message).toContain('authentication failure');
  });

  it('HTTP 500, a body of the wrong shape and a silent panel are http, malformed and timeout', async () => {
    const { adapter } = await connect({}, 400);
    fake.failNext('http500');
    expect((await failureOf(adapter.suspend('pve/qemu/101', 'x'))).kind).toBe('http');
    fake.failNext('malformed');
    expect((await failureOf(adapter.testConnection())).kind).toBe('malformed');
    fake.failNext('hang');
    expect((await failureOf(adapter.getState('pve/qemu/101'))).kind).toBe('timeout');
    expect(fake.accounts.get('pve/qemu/101')?.suspended).toBe(false);
  });

  it('a different certificate: certificate failure and nothing reaches the panel', async () => {
    fake = await startFakeProxmox({ certificate: 'other' });
    const { adapter } = connectAdapter(createProxmoxAdapter, connectionFor(fake));
    expect((await failureOf(adapter.suspend('pve/qemu/101', 'x'))).kind).toBe('certificate');
    expect(fake.requests).toEqual([]);
  });

  it('writes no secret to a log line or an answer', async () => {
    const { adapter, lines } = await connect();
    const answers: string[] = [];
    answers.push((await adapter.suspend('pve/qemu/101', 'x')).answer);
    answers.push((await adapter.startBackup('pve/qemu/101')).answer);
    answers.push((await failureOf(adapter.startBackup('pve/qemu/999'))).answer);
    expect(lines.length).toBeGreaterThan(3);
    expect(fake.requests[0].headers.authorization).toContain(fake.credentials.tokenSecret);
    expect(leakedSecrets([...lines, ...answers], [fake.credentials.tokenSecret])).toEqual([]);
  });
});
