// The kill test: a separate process starts a suspension against a panel that keeps its state in a
// file, and is killed with SIGKILL in the middle of the panel call — once after the panel changed
// the account, once before. Reopening the book reconciles the action by reading the panel: it is
// marked done (or run once more) and the panel sees the change exactly once.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/book.js';
import { openPanelBook } from '../fixtures/panels/panelBook.js';
import { REPO_ROOT } from '../fixtures/browserMode.js';

const CHILD = join(REPO_ROOT, 'test', 'fixtures', 'panels', 'queueChild.ts');

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 600; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function killMidAction(where: 'before' | 'after') {
  const dataDir = tempDir();
  const panelFile = join(dataDir, 'panel.json');
  const setup = await openPanelBook({ dataDir, panelFile });
  await setup.call('actions.settings.update', { approvals: { suspend: false } });
  const contractId = await setup.contract('bob');
  const actionId = (await setup.call('actions.request', { contractId, kind: 'suspend', withBackup: false })).actions[0]!.id;
  setup.close();

  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, panelFile, where], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  await until(() => output.includes('started 1'), `the child to start the action (${output})`);
  const peek = new Database(join(dataDir, 'hostledger.sqlite'), { readonly: true });
  expect(peek.prepare('SELECT state FROM panel_actions WHERE id = ?').pluck().get(actionId)).toBe('running');
  peek.close();
  const suspendedOnPanel = () => existsSync(panelFile) && (JSON.parse(readFileSync(panelFile, 'utf8')) as { accounts: Record<string, { suspended: boolean }> }).accounts.bob!.suspended;
  if (where === 'after') await until(suspendedOnPanel, 'the panel to suspend bob');
  else expect(suspendedOnPanel()).toBe(false);
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');

  const reopened = await openPanelBook({ dataDir, panelFile, fresh: false });
  try {
    const result = await reopened.run();
    expect(result.reconciled).toBe(1);
    const action = (await reopened.call('actions.list', {})).items.find((a) => a.id === actionId)!;
    expect(action.state).toBe('succeeded');
    expect(reopened.panel.changes()).toEqual(['suspend bob']);
    expect((await reopened.call('contracts.get', { id: contractId })).status).toBe('suspended');
    return { action, calls: reopened.panel.calls };
  } finally {
    reopened.close();
  }
}

describe('an action cut off by a killed process', () => {
  it('after the panel changed: found done by reading the panel, not sent again', async () => {
    const { action, calls } = await killMidAction('after');
    expect(action.answer).toContain('Found done on the panel after HostLedger restarted');
    expect(action.attempts).toBe(1);
    expect(calls).toEqual(['state bob']);
  });

  it('before the panel changed: read, found not done, run once more', async () => {
    const { action, calls } = await killMidAction('before');
    expect(action.attempts).toBe(2);
    expect(calls).toEqual(['state bob', 'suspend bob']);
  });
});
