// The queue runs by itself: an action that becomes queued is started without anyone calling
// actions.process, and stopping the runner waits for the pass in progress.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startActionQueue } from '../../../../electron/core/index.js';
import { silentLogger } from '../../../../electron/core/log/logger.js';
import { openPanelBook, type PanelBook } from '../../../fixtures/panels/panelBook.js';

let book: PanelBook;
beforeEach(async () => {
  book = await openPanelBook();
});
afterEach(() => book.close());

describe('the action queue runner', () => {
  it('starts a queued action by itself, and an approved one as soon as it is approved', async () => {
    const contractId = await book.contract('bob');
    const queue = startActionQueue({ dispatch: book.backend.dispatch, subscribe: book.backend.subscribe, logger: silentLogger, firstDelayMs: 60_000, checkEveryMs: 60_000 });
    try {
      const id = (await book.call('actions.request', { contractId, kind: 'suspend', withBackup: false })).actions[0]!.id;
      await book.call('actions.approve', { id });
      await expect.poll(() => book.panel.account('bob')!.suspended).toBe(true);
      await expect.poll(async () => (await book.call('contracts.get', { id: contractId })).status).toBe('suspended');
      await book.call('actions.request', { contractId, kind: 'unsuspend' });
      await expect.poll(() => book.panel.account('bob')!.suspended).toBe(false);
    } finally {
      await queue.stop();
    }
    expect(book.panel.changes()).toEqual(['suspend bob', 'unsuspend bob']);
  });
});
