import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deskNotificationText, notifyDeskAttention } from '../../../electron/main/notifications.js';
import { electron, fake } from './fakeElectron.js';

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule());

beforeEach(() => fake.reset());

/** What the ladder run pushes when the desk has work (electron/core/ladder/ladderRun.ts). */
const attention = (needsApproval: number, failed: number, callsDue = 0) => ({ needsApproval, failed, callsDue });

describe('the desktop notification for the arrears desk', () => {
  it('shows one system notification per dunning.attention event, in the chosen language, and focuses the window on click', () => {
    let language: 'en' | 'zh-CN' = 'en';
    const onClick = vi.fn();
    const listeners: ((event: never) => void)[] = [];
    const backend = {
      subscribe: (listener: (event: never) => void) => {
        listeners.push(listener);
        return () => listeners.splice(listeners.indexOf(listener), 1);
      },
    };
    const stop = notifyDeskAttention(backend as never, { language: () => language, onClick });
    const push = (event: unknown) => listeners.forEach((listener) => listener(event as never));

    push({ name: 'dunning.attention', payload: attention(3, 1, 2) });
    push({ name: 'dunning.ran', payload: { runId: 'r', done: 1, failed: 0 } });
    expect(electron.Notification.shown).toHaveLength(1);
    expect(electron.Notification.shown[0]!.options).toEqual({ title: 'HostLedger: arrears desk', body: 'Waiting for approval: 3. Failed: 1. Calls due: 2.' });
    electron.Notification.shown[0]!.emit('click');
    expect(onClick).toHaveBeenCalledTimes(1);

    language = 'zh-CN';
    push({ name: 'dunning.attention', payload: attention(0, 2) });
    expect(electron.Notification.shown[1]!.options.title).toBe('HostLedger：催缴工作台');

    // Nothing waiting, or no notification support: nothing shown.
    push({ name: 'dunning.attention', payload: attention(0, 0) });
    electron.Notification.supported = false;
    push({ name: 'dunning.attention', payload: attention(5, 0) });
    expect(electron.Notification.shown).toHaveLength(2);

    stop();
    electron.Notification.supported = true;
    push({ name: 'dunning.attention', payload: attention(5, 0) });
    expect(electron.Notification.shown).toHaveLength(2);
  });

  it('notifies a panel action that failed, not one that changed otherwise', () => {
    const listeners: ((event: never) => void)[] = [];
    const backend = { subscribe: (listener: (event: never) => void) => (listeners.push(listener), () => undefined) };
    notifyDeskAttention(backend as never, { language: () => 'zh-CN', onClick: vi.fn() });
    const push = (state: string) => listeners.forEach((listener) => listener({ name: 'actions.updated', payload: { id: 'pa_1', contractId: 'ct_1', state } } as never));
    push('running');
    push('succeeded');
    push('failed');
    expect(electron.Notification.shown.map((n) => n.options.title)).toEqual(['HostLedger：面板操作失败']);
  });

  it('words nothing when nothing waits', () => {
    expect(deskNotificationText('en', attention(0, 0, 0))).toBeNull();
    expect(deskNotificationText('zh-CN', attention(1, 0, 0))?.body).toBe('待批准：1。失败：0。待拨电话：0。');
  });
});
