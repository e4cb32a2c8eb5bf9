// The durable action queue against a memory panel: every state transition, approval (termination
// twice), backup before suspension, retries with backoff and a cap, one action at a time per
// account, dry run, never a false success, and the contract's status in the book.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queueTiming } from '../../../../electron/core/panels/queue/runActions.js';
import type { PanelActionView } from '../../../../shared/api/actions.js';
import { openPanelBook, type PanelBook } from '../../../fixtures/panels/panelBook.js';

let book: PanelBook;
const saved = { ...queueTiming };
beforeEach(async () => {
  queueTiming.backupPollMs = 1;
  book = await openPanelBook();
});
afterEach(() => {
  Object.assign(queueTiming, saved);
  book.close();
});

const action = async (id: string) => (await book.call('actions.list', { limit: 500 })).items.find((a) => a.id === id)!;
const status = async (contractId: string) => (await book.call('contracts.get', { id: contractId })).status;
const refusal = async (method: Parameters<typeof book.backend.dispatch>[0], input: unknown) => {
  const answer = await book.backend.dispatch(method, input);
  if (answer.ok) throw new Error(`${method} should have been refused`);
  return answer.error;
};
const noApprovals = () =>
  book.call('actions.settings.update', { approvals: { limit_bandwidth: false, downgrade: false, suspend: false, restore_bandwidth: false, restore_package: false, backup: false, unsuspend: false } });

describe('suspend and unsuspend', () => {
  it('waits for approval, backs up first, suspends, and marks the contract suspended; unsuspend needs no approval', async () => {
    const contractId = await book.contract('bob');
    const { actions } = await book.call('actions.request', { contractId, kind: 'suspend', reason: 'Overdue 14 days' });
    const [backup, suspend] = actions as [PanelActionView, PanelActionView];
    expect(backup).toMatchObject({ kind: 'backup', state: 'queued', requestedBy: 'tester' });
    expect(suspend).toMatchObject({ kind: 'suspend', state: 'pending_approval', dependsOn: { id: backup.id, kind: 'backup', state: 'queued' }, noBackupPossible: false });

    await book.run();
    expect((await action(backup.id)).state).toBe('succeeded');
    expect((await action(suspend.id)).state).toBe('pending_approval');
    expect(book.panel.changes()).toEqual(['backup bob']);

    const approved = await book.call('actions.approve', { id: suspend.id });
    expect(approved).toMatchObject({ state: 'queued', approvedBy: 'tester' });
    await book.run();
    expect(await action(suspend.id)).toMatchObject({ state: 'succeeded', attempts: 1, answer: 'suspend bob: ok', error: null });
    expect(book.panel.account('bob')!.suspended).toBe(true);
    expect(await status(contractId)).toBe('suspended');
    const history = (await book.call('contracts.get', { id: contractId })).statusHistory.at(-1)!;
    expect(history).toMatchObject({ from: 'active', to: 'suspended' });
    expect(history.reason).toContain('Overdue 14 days');

    const unsuspend = (await book.call('actions.request', { contractId, kind: 'unsuspend' })).actions[0]!;
    expect(unsuspend.state).toBe('queued');
    await book.run();
    expect((await action(unsuspend.id)).state).toBe('succeeded');
    expect(await status(contractId)).toBe('active');
    expect(book.panel.changes()).toEqual(['backup bob', 'suspend bob', 'unsuspend bob']);
  });

  it('a failed backup keeps its suspension waiting; retried, the backup succeeds and the suspension follows', async () => {
    await noApprovals();
    const contractId = await book.contract('bob');
    book.panel.backupPlan.fails = true;
    book.panel.backupPlan.polls = 2;
    const [backup, suspend] = (await book.call('actions.request', { contractId, kind: 'suspend' })).actions as [PanelActionView, PanelActionView];
    await book.run();
    expect(await action(backup.id)).toMatchObject({ state: 'failed', error: { kind: 'refused' } });
    expect((await action(backup.id)).error!.message).toContain('disk full');
    expect(await action(suspend.id)).toMatchObject({ state: 'queued', dependsOn: { state: 'failed' } });
    expect(book.panel.account('bob')!.suspended).toBe(false);

    book.panel.backupPlan.fails = false;
    await book.call('actions.retry', { id: backup.id });
    await book.run();
    expect((await action(backup.id)).state).toBe('succeeded');
    expect((await action(suspend.id)).state).toBe('succeeded');
    expect(book.panel.account('bob')!.suspended).toBe(true);
  });

  it('on a panel that cannot back up, a suspension always waits for a person and says so; a manual backup can be recorded', async () => {
    book.close();
    book = await openPanelBook({ kind: 'solusvm' });
    await noApprovals();
    const contractId = await book.contract('vm101');
    const { actions } = await book.call('actions.request', { contractId, kind: 'suspend' });
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ kind: 'suspend', state: 'pending_approval', noBackupPossible: true, dependsOn: null });
    const manual = await book.call('actions.recordManualBackup', { contractId, note: 'Downloaded the disk image by hand' });
    expect(manual).toMatchObject({ kind: 'manual_backup', state: 'succeeded', reason: 'Downloaded the disk image by hand' });
    expect(book.panel.changes()).toEqual([]);
    expect((await refusal('actions.request', { contractId, kind: 'backup' })).code).toBe('conflict');
  });
});

describe('failures and retries', () => {
  it('retries a timeout with exponential backoff, waits out the delay, and stops at the cap', async () => {
    await noApprovals();
    const contractId = await book.contract('bob');
    const id = (await book.call('actions.request', { contractId, kind: 'suspend', withBackup: false })).actions[0]!.id;
    book.panel.failNext('timeout', 2);
    await book.run();
    const first = await action(id);
    expect(first).toMatchObject({ state: 'queued', attempts: 1, error: { kind: 'timeout' } });
    expect(Date.parse(first.nextAttemptAt!) - book.clock.now().getTime()).toBe(30_000);
    expect((await book.run()).started).toBe(0); // not due yet
    book.clock.set(new Date(book.clock.now().getTime() + 30_000));
    await book.run();
    const second = await action(id);
    expect(second).toMatchObject({ state: 'queued', attempts: 2 });
    expect(Date.parse(second.nextAttemptAt!) - book.clock.now().getTime()).toBe(60_000);
    book.clock.set(new Date(book.clock.now().getTime() + 60_000));
    await book.run();
    expect(await action(id)).toMatchObject({ state: 'succeeded', attempts: 3, error: null });
    expect(book.panel.changes()).toEqual(['suspend bob']);

    const other = await book.contract('carol');
    const capped = (await book.call('actions.request', { contractId: other, kind: 'suspend', withBackup: false })).actions[0]!.id;
    book.panel.failNext('http', 10);
    for (let i = 0; i < 6; i += 1) {
      await book.run();
      book.clock.set(new Date(book.clock.now().getTime() + 60 * 60_000));
    }
    expect(await action(capped)).toMatchObject({ state: 'failed', attempts: 5, error: { kind: 'http' }, nextAttemptAt: null });
    expect(await status(other)).toBe('active');
  });

  it('never retries an authentication failure by itself; a person can retry it', async () => {
    await noApprovals();
    const contractId = await book.contract('bob');
    const id = (await book.call('actions.request', { contractId, kind: 'suspend', withBackup: false })).actions[0]!.id;
    book.panel.failNext('auth');
    await book.run();
    expect(await action(id)).toMatchObject({ state: 'failed', attempts: 1, error: { kind: 'auth' } });
    book.clock.set(new Date(book.clock.now().getTime() + 24 * 60 * 60_000));
    expect((await book.run()).started).toBe(0);
    expect((await refusal('actions.approve', { id })).code).toBe('conflict');
    await book.call('actions.retry', { id });
    await book.run();
    expect((await action(id)).state).toBe('succeeded');
  });

  it('never reports a false success: a panel that says done but changed nothing fails the action', async () => {
    await noApprovals();
    const contractId = await book.contract('bob');
    const id = (await book.call('actions.request', { contractId, kind: 'suspend', withBackup: false })).actions[0]!.id;
    book.panel.lieNext();
    await book.run();
    const lied = await action(id);
    expect(lied).toMatchObject({ state: 'failed', error: { kind: 'refused' } });
    expect(lied.error!.message).toContain('does not show it');
    expect(await status(contractId)).toBe('active');
  });
});

describe('the queue', () => {
  it('runs one action at a time per account, and accounts side by side', async () => {
    await noApprovals();
    const bob = await book.contract('bob');
    const carol = await book.contract('carol');
    await book.call('actions.request', { contractId: bob, kind: 'limit_bandwidth', bandwidth: { monthlyMb: 1024, rateKBps: null } });
    await book.call('actions.request', { contractId: bob, kind: 'downgrade', packageName: 'bronze' });
    await book.call('actions.request', { contractId: carol, kind: 'downgrade', packageName: 'bronze' });
    const first = await book.call('actions.process', { wait: false });
    expect(first.started).toBe(2); // bob's second action waits for his first
    const running = await book.call('actions.list', { states: ['running'] });
    expect(new Set(running.items.map((a) => a.account))).toEqual(new Set(['bob', 'carol']));
    await book.run();
    const all = await book.call('actions.list', {});
    expect(all.items.every((a) => a.state === 'succeeded')).toBe(true);
    expect(all.counts).toEqual({ succeeded: 3 });
    expect(await status(bob)).toBe('restricted');
  });

  it('keeps the original bandwidth and package and puts them back; the contract is active again once both are restored', async () => {
    await noApprovals();
    book.panel.addAccount('bob', { package: 'gold', bandwidth: { monthlyMb: 5000, rateKBps: null } });
    const contractId = await book.contract('bob');
    await book.call('actions.request', { contractId, kind: 'limit_bandwidth', bandwidth: { monthlyMb: 1024, rateKBps: null } });
    await book.call('actions.request', { contractId, kind: 'downgrade', packageName: 'bronze' });
    await book.run();
    expect(book.panel.account('bob')).toMatchObject({ package: 'bronze', bandwidth: { monthlyMb: 1024, rateKBps: null } });
    expect(await status(contractId)).toBe('restricted');
    const restoreBw = (await book.call('actions.request', { contractId, kind: 'restore_bandwidth' })).actions[0]!;
    expect(restoreBw.params.bandwidth).toEqual({ monthlyMb: 5000, rateKBps: null });
    await book.run();
    expect(await status(contractId)).toBe('restricted'); // still downgraded
    const restorePkg = (await book.call('actions.request', { contractId, kind: 'restore_package' })).actions[0]!;
    expect(restorePkg.params.packageName).toBe('gold');
    await book.run();
    expect(book.panel.account('bob')).toMatchObject({ package: 'gold', bandwidth: { monthlyMb: 5000, rateKBps: null } });
    expect(await status(contractId)).toBe('active');
    expect((await refusal('actions.request', { contractId, kind: 'restore_package' })).code).toBe('conflict');
  });

  it('in dry-run mode records what it would send and changes nothing, on the panel or in the book', async () => {
    await book.call('actions.settings.update', { dryRun: true, approvals: { suspend: false } });
    const contractId = await book.contract('bob');
    const [backup, suspend] = (await book.call('actions.request', { contractId, kind: 'suspend', reason: 'test' })).actions as [PanelActionView, PanelActionView];
    expect(suspend.dryRun).toBe(true);
    await book.run();
    expect(await action(backup.id)).toMatchObject({ state: 'succeeded', dryRun: true });
    const done = await action(suspend.id);
    expect(done.state).toBe('succeeded');
    expect(done.answer).toMatch(/^Dry run: would suspend bob \(test\) on Panel one\. Nothing was sent\.$/);
    expect(book.panel.calls).toEqual([]);
    expect(await status(contractId)).toBe('active');
  });

  it('asks twice before terminating: approve, then type the account name', async () => {
    const contractId = await book.contract('bob');
    const id = (await book.call('actions.request', { contractId, kind: 'terminate', reason: 'Unpaid for 60 days' })).actions[0]!.id;
    expect((await action(id)).state).toBe('pending_approval');
    const approved = await book.call('actions.approve', { id });
    expect(approved).toMatchObject({ state: 'pending_approval', awaitingConfirmation: true });
    await book.run();
    expect(book.panel.account('bob')!.exists).toBe(true);
    const wrong = await refusal('actions.confirmTermination', { id, accountName: 'BOB' });
    expect(wrong.details?.fields?.map((f) => f.field)).toEqual(['accountName']);
    expect((await refusal('actions.approve', { id })).code).toBe('conflict');
    expect(await book.call('actions.confirmTermination', { id, accountName: 'bob' })).toMatchObject({ state: 'queued', confirmedBy: 'tester' });
    await book.run();
    expect(book.panel.account('bob')!.exists).toBe(false);
    expect(await status(contractId)).toBe('terminated');
  });

  it('cancels what has not started, refuses asking twice, and refuses actions the panel cannot do', async () => {
    const contractId = await book.contract('bob');
    const id = (await book.call('actions.request', { contractId, kind: 'downgrade', packageName: 'bronze' })).actions[0]!.id;
    expect((await refusal('actions.request', { contractId, kind: 'downgrade', packageName: 'bronze' })).code).toBe('conflict');
    expect(await book.call('actions.cancel', { id })).toMatchObject({ state: 'cancelled' });
    expect((await refusal('actions.cancel', { id })).code).toBe('conflict');
    await book.run();
    expect(book.panel.changes()).toEqual([]);
    // cPanel limits monthly transfer, not speed.
    const throttle = await refusal('actions.request', { contractId, kind: 'limit_bandwidth', bandwidth: { monthlyMb: null, rateKBps: 64 } });
    expect(throttle.details?.fields?.[0]?.field).toBe('bandwidth.rateKBps');
    const unlinked = (await book.call('contracts.create', { clientId: book.clientId, label: 'x.example', kind: 'shared_hosting', panelKind: 'cpanel', panelAccount: 'xuser', cycle: 'monthly', priceMinor: 100, startDate: '2026-11-01' })).id;
    expect((await refusal('actions.request', { contractId: unlinked, kind: 'suspend' })).message).toContain('not linked');
  });

  it('approval settings: service changes wait by default, termination is not a setting', async () => {
    const settings = await book.call('actions.settings.get', {});
    expect(settings).toEqual({
      approvals: { limit_bandwidth: true, downgrade: true, suspend: true, restore_bandwidth: false, restore_package: false, backup: false, unsuspend: false },
      dryRun: false,
    });
    const refused = await refusal('actions.settings.update', { approvals: { terminate: false } });
    expect(refused.code).toBe('invalid_input');
  });
});
