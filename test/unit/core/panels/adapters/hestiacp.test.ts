import { afterEach, describe, expect, it } from 'vitest';
import { createHestiaAdapter } from '../../../../../electron/core/panels/adapters/hestiacp.js';
import { PANEL_CAPABILITIES } from '../../../../../shared/domain/panelCapabilities.js';
import { connectionFor, startFakeHestia } from '../../../../fixtures/panels/fakes/hestiacp.js';
import type { FakePanel } from '../../../../fixtures/panels/fakes/fakePanel.js';
import { connectAdapter, failureOf, leakedSecrets } from '../../../../fixtures/panels/adapterHarness.js';

describe('HestiaCP adapter', () => {
  let fake: FakePanel;
  afterEach(() => fake?.close());

  const connect = async (opts: Parameters<typeof startFakeHestia>[0] = {}, timeoutMs?: number) => {
    fake = await startFakeHestia(opts);
    return connectAdapter(createHestiaAdapter, connectionFor(fake), { timeoutMs });
  };
  const commands = () => fake.requests.map((r) => r.form.cmd);

  it('declares the table capabilities, checks user names, tests the connection', async () => {
    const { adapter } = await connect();
    expect(adapter.capabilities).toEqual(PANEL_CAPABILITIES.hestiacp);
    expect(adapter.checkAccount('bob')).toBeNull();
    expect(adapter.checkAccount('bob smith')).not.toBeNull();
    expect(await adapter.testConnection()).toEqual({ answer: 'HestiaCP 1.8.12 on hestia.fake.test' });
  });

  it('reads a user; an unknown user (exit 3) does not exist', async () => {
    const { adapter } = await connect();
    expect(await adapter.getState('bob')).toMatchObject({ exists: true, suspended: false, package: 'gold', bandwidth: { monthlyMb: null } });
    expect((await adapter.getState('nobody')).exists).toBe(false);
  });

  it('suspends and unsuspends, confirmed by reading the user back', async () => {
    const { adapter } = await connect();
    expect(await adapter.suspend('bob', 'arrears')).toMatchObject({ changed: true, state: { suspended: true } });
    expect(fake.accounts.get('bob')?.suspended).toBe(true);
    expect(await adapter.unsuspend('bob')).toMatchObject({ changed: true, state: { suspended: false } });
    expect(fake.accounts.get('bob')?.suspended).toBe(false);
  });

  it('already in state: no command is sent (v-unsuspend-user would answer 0 on an active user anyway)', async () => {
    const { adapter } = await connect();
    expect((await adapter.unsuspend('bob')).changed).toBe(false);
    expect((await adapter.suspend('carol', 'x')).changed).toBe(false);
    expect(commands().every((cmd) => cmd === 'v-list-user')).toBe(true);
  });

  it('a suspend answered 0 that did not take is refused', async () => {
    const { adapter } = await connect();
    fake.failNext('noop');
    expect((await failureOf(adapter.suspend('bob', 'x'))).kind).toBe('refused');
    fake.failNext('noop');
    expect((await failureOf(adapter.unsuspend('carol'))).kind).toBe('refused');
  });

  it('downgrades to a package (which carries the bandwidth limit); an unknown package is not_found', async () => {
    const { adapter } = await connect();
    const down = await adapter.changePackage('bob', 'restricted');
    expect(down).toMatchObject({ changed: true, previous: 'gold', state: { package: 'restricted', bandwidth: { monthlyMb: 1024 } } });
    expect((await adapter.changePackage('bob', 'restricted')).changed).toBe(false);
    expect((await failureOf(adapter.changePackage('bob', 'platinum'))).kind).toBe('not_found');
    expect((await adapter.changePackage('bob', 'gold')).state.package).toBe('gold');
  });

  it('bandwidth on its own is unsupported and sends nothing', async () => {
    const { adapter } = await connect();
    expect((await failureOf(adapter.limitBandwidth('bob', { monthlyMb: 100, rateKBps: null }))).kind).toBe('unsupported');
    expect((await failureOf(adapter.restoreBandwidth('bob', null))).kind).toBe('unsupported');
    expect(fake.requests).toEqual([]);
  });

  it('queues a backup and sees it done when a newer archive appears; a second queue request (exit 4) is fine', async () => {
    const { adapter } = await connect({ backupPolls: 2 });
    fake.accounts.get('bob')?.backups.push('bob.2026-11-25_05-00-00.tar');
    const start = await adapter.startBackup('bob');
    expect(start).toMatchObject({ done: false, ref: 'after:bob.2026-11-25_05-00-00.tar' });
    expect((await adapter.startBackup('bob')).ref).toBe(start.ref);
    expect((await adapter.backupStatus('bob', start.ref)).status).toBe('running');
    expect((await adapter.backupStatus('bob', start.ref)).status).toBe('succeeded');
    expect(fake.accounts.get('bob')?.backups).toHaveLength(2);
  });

  it('terminates; already gone is success', async () => {
    const { adapter } = await connect();
    expect(await adapter.terminate('dave')).toMatchObject({ changed: true, state: { exists: false } });
    expect(fake.accounts.get('dave')?.deleted).toBe(true);
    expect((await adapter.terminate('dave')).changed).toBe(false);
    expect((await failureOf(adapter.suspend('dave', 'x'))).kind).toBe('not_found');
  });

  it('a wrong key and a refused IP are auth failures; an unknown command (also 401) is not', async () => {
    fake = await startFakeHestia();
    const wrong = connectAdapter(createHestiaAdapter, { ...connectionFor(fake), credentials: { accessKey: 'hK3x9QbLmN2pR7sT1vWy', secretKey: 'not-the-secret' } });
    const failure = await failureOf(wrong.adapter.getState('bob'));
    expect(failure.kind).toBe('auth');
    expect(failure.retryable).toBe(false);
    await fake.close();
    const { adapter } = await connect({ ipNotAllowed: true });
    expect((await failureOf(adapter.testConnection())).kind).toBe('auth');
  });

  it('HTTP 500, a body of the wrong shape and a silent panel are http, malformed and timeout', async () => {
    const { adapter } = await connect({}, 400);
    fake.failNext('http500');
    expect((await failureOf(adapter.suspend('bob', 'x'))).kind).toBe('http');
    fake.failNext('malformed');
    expect((await failureOf(adapter.getState('bob'))).kind).toBe('malformed');
    fake.failNext('malformed');
    expect((await failureOf(adapter.testConnection())).kind).toBe('malformed');
    fake.failNext('hang');
    expect((await failureOf(adapter.getState('bob'))).kind).toBe('timeout');
    expect(fake.accounts.get('bob')?.suspended).toBe(false);
  });

  it('a 200 with an HTML page instead of a command result is malformed, not success', async () => {
    const { adapter } = await connect();
    fake.failNext('malformed', 1, 1); // the state read is answered; the command itself gets an HTML page
    expect((await failureOf(adapter.suspend('bob', 'x'))).kind).toBe('malformed');
    expect(fake.requests.map((r) => r.form.cmd)).toEqual(['v-list-user', 'v-suspend-user']);
    expect(fake.accounts.get('bob')?.suspended).toBe(false);
  });

  it('a different certificate: certificate failure and nothing reaches the panel', async () => {
    fake = await startFakeHestia({ certificate: 'other' });
    const { adapter } = connectAdapter(createHestiaAdapter, connectionFor(fake));
    expect((await failureOf(adapter.suspend('bob', 'x'))).kind).toBe('certificate');
    expect(fake.requests).toEqual([]);
  });

  it('writes no secret to a log line or an answer (the hash form field carries the secret key)', async () => {
    const { adapter, lines } = await connect();
    const answers = [(await adapter.suspend('bob', 'x')).answer, (await adapter.startBackup('bob')).answer, (await failureOf(adapter.changePackage('bob', 'nope'))).answer];
    expect(fake.requests[0].form.hash).toContain(fake.credentials.secretKey);
    expect(lines.length).toBeGreaterThan(3);
    expect(leakedSecrets([...lines, ...answers], [fake.credentials.secretKey, fake.credentials.accessKey])).toEqual([]);
  });
});
