import { afterEach, describe, expect, it } from 'vitest';
import { createHestiaAdapter } from '../../../../../electron/core/panels/adapters/hestiacp.js';
import { adapterFactories } from '../../../../../electron/core/panels/registry.js';
import { hestiaBackupName, startFakeHestia } from '../../../../fixtures/panels/fakes/hestiacp.js';
import type { FakePanel, FakeRequest } from '../../../../fixtures/panels/fakes/fakePanel.js';
import { adapterFor, describeAdapter, failureOf, recorder, type AdapterSuiteSpec } from './adapterSuite.js';

const CHANGES = new Set(['v-suspend-user', 'v-unsuspend-user', 'v-change-user-package', 'v-schedule-user-backup', 'v-delete-user']);
const spec: AdapterSuiteSpec = {
  kind: 'hestiacp',
  factory: createHestiaAdapter,
  start: startFakeHestia,
  active: 'bob',
  suspended: 'carol',
  missing: 'nobody',
  invalid: 'bob smith',
  wrongCredentials: (c) => ({ ...c, secretKey: 'not-the-hestia-secret' }),
  isChange: (req: FakeRequest) => CHANGES.has(req.form.cmd ?? ''),
  packageTarget: 'restricted',
};

describeAdapter(spec);

describe('hestiacp adapter: exit-code quirks', () => {
  let fake: FakePanel;
  const rec = recorder();
  afterEach(() => fake?.close());

  const connect = async (opts: Parameters<typeof startFakeHestia>[0] = {}) => {
    fake = await startFakeHestia(opts);
    return adapterFor(spec, fake, rec);
  };
  const commands = () => fake.requests.map((r) => r.form.cmd);

  it('is registered and sends hash=ACCESS:SECRET with the command and its arguments', async () => {
    const adapter = await connect();
    expect(adapterFactories.hestiacp).toBe(createHestiaAdapter);
    expect(await adapter.testConnection()).toEqual({ answer: 'HestiaCP 1.8.12 on hestia.fake.test' });
    await adapter.getState('bob');
    expect(fake.requests[1].form).toMatchObject({ hash: `${fake.credentials.accessKey}:${fake.credentials.secretKey}`, cmd: 'v-list-user', arg1: 'bob', arg2: 'json' });
  });

  it('does not send v-unsuspend-user to an active user (it would answer 0 anyway) and takes exit 5 as already suspended', async () => {
    const adapter = await connect();
    expect((await adapter.unsuspend('bob')).changed).toBe(false);
    expect(commands()).toEqual(['v-list-user']);
    fake.failNext('noop');
    expect((await failureOf(adapter.unsuspend('carol'))).kind).toBe('refused');
  });

  it('reports the bandwidth that comes with the package; an unknown package (exit 3) is not_found', async () => {
    const adapter = await connect();
    const down = await adapter.changePackage('bob', 'restricted');
    expect(down).toMatchObject({ previous: 'gold', state: { package: 'restricted', bandwidth: { monthlyMb: 1024, rateKBps: null } } });
    expect((await failureOf(adapter.changePackage('bob', 'platinum'))).kind).toBe('not_found');
  });

  it('sees a queued backup done when a newer archive is listed; a second queue request (exit 4) is fine', async () => {
    const adapter = await connect({ backupPolls: 2 });
    const bob = fake.accounts.get('bob');
    if (bob) bob.backups = 1;
    const start = await adapter.startBackup('bob');
    expect(start).toMatchObject({ done: false, ref: expect.stringMatching(new RegExp(`^after:${hestiaBackupName('bob', 1).replace(/\./g, '\\.')}@\\d+$`)) });
    // Queued again (exit 4): the same archive to wait for (the time after @ may have ticked on).
    expect((await adapter.startBackup('bob')).ref.split('@')[0]).toBe(start.ref.split('@')[0]);
    expect((await adapter.backupStatus('bob', start.ref)).status).toBe('running');
    expect(await adapter.backupStatus('bob', start.ref)).toMatchObject({ status: 'succeeded', answer: expect.stringContaining(hestiaBackupName('bob', 2)) });
  });

  it('calls a queued backup failed when no archive appeared for hours (Hestia tells only the admin, by email)', async () => {
    const adapter = await connect({ backupPolls: 1000 });
    await adapter.startBackup('bob');
    const queuedLongAgo = `after:@${Math.floor(Date.now() / 1000) - 7 * 3600}`;
    expect((await adapter.backupStatus('bob', queuedLongAgo)).status).toBe('failed');
    expect((await failureOf(adapter.backupStatus('bob', 'bob.tar'))).kind).toBe('refused');
  });

  it('a refused IP is auth; an unknown command, also exit 10 and HTTP 401, is not mistaken for it', async () => {
    const refused = await connect({ ipNotAllowed: true });
    const failure = await failureOf(refused.testConnection());
    expect(failure.kind).toBe('auth');
    expect(failure.message).toContain('IP');
    await fake.close();
    const older = await connect({ unknownCommands: ['v-schedule-user-backup'] });
    const unknown = await failureOf(older.startBackup('bob'));
    expect(unknown.kind).toBe('unsupported');
    expect(unknown.message).toContain('v-schedule-user-backup');
  });

  it('an HTML page at HTTP 200 instead of a command result is malformed, never success', async () => {
    const adapter = await connect();
    fake.failNext('malformed', (req) => req.form.cmd === 'v-suspend-user');
    expect((await failureOf(adapter.suspend('bob', 'x'))).kind).toBe('malformed');
    expect(commands()).toEqual(['v-list-user', 'v-suspend-user']);
    expect(fake.accounts.get('bob')?.suspended).toBe(false);
  });

  it('keeps the secret key out of logs and answers (it rides in the hash form field)', async () => {
    const adapter = await connect();
    await adapter.suspend('bob', 'x');
    await adapter.startBackup('bob');
    await failureOf(adapter.changePackage('bob', 'nope'));
    expect(fake.requests[0].form.hash).toContain(fake.credentials.secretKey);
    expect([...rec.lines, ...rec.answers].join('\n')).not.toContain(fake.credentials.secretKey);
  });
});
