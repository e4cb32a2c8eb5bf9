// The entry module, run against the fake Electron with a real backend in a temp user-data folder.
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL_CHANNEL } from '../../../shared/api/bridge.js';
import type * as Core from '../../../electron/core/index.js';
import { DATABASE_FILE, type Backend, type BackendOptions } from '../../../electron/core/index.js';
import { tempDir } from '../../fixtures/book.js';
import { electron, fake } from './fakeElectron.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Node's build stands in for the Electron build, which cannot be made or loaded here. */
const NODE_BINDING = join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

const started = vi.hoisted(() => ({ options: [] as BackendOptions[], backends: [] as Backend[] }));

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule());
vi.mock('electron-store', async () => ({ default: (await import('./fakeElectron.js')).FakeElectronStore }));
vi.mock('../../../electron/main/nativeBinding.js', () => ({ electronNativeBinding: () => NODE_BINDING }));
vi.mock('../../../electron/core/index.js', async (importOriginal) => {
  const core = await importOriginal<typeof Core>();
  return {
    ...core,
    createBackend: async (options: BackendOptions) => {
      started.options.push(options);
      const backend = await core.createBackend(options);
      started.backends.push(backend);
      return backend;
    },
  };
});

beforeEach(() => {
  fake.reset();
  fake.state.userData = tempDir('hostledger-main-');
  started.options.length = 0;
  started.backends.length = 0;
  vi.resetModules();
});
afterEach(async () => {
  // Quit as Electron does, and let the backup on quit finish before the folder goes.
  electron.app.emit('will-quit', { preventDefault: () => {} });
  if (started.backends.length > 0) await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalled(), { timeout: 10_000 });
  rmSync(fake.state.userData, { recursive: true, force: true });
});

/** Loads the entry module, as Electron does, and waits for its ready work to settle. */
async function runMain(): Promise<void> {
  await import('../../../electron/main/index.js');
  await vi.waitFor(() => {
    if (!fake.calls.includes('BrowserWindow.constructor') && !fake.calls.includes('app.quit')) throw new Error('still starting');
  });
}

describe('the main process', () => {
  it('registers the scheme and the sandbox before ready, then opens the book and the window', async () => {
    await runMain();
    const { calls } = fake;
    const before = (a: string, b: string) => expect(calls.indexOf(a), `${a} before ${b}`).toBeLessThan(calls.indexOf(b));
    for (const early of ['protocol.registerSchemesAsPrivileged', 'app.enableSandbox']) before(early, 'app.whenReady');
    before('session.setPermissionRequestHandler', 'BrowserWindow.constructor');
    before('protocol.handle', 'BrowserWindow.constructor');
    before('ipcMain.handle', 'BrowserWindow.constructor');
    before('Menu.setApplicationMenu', 'BrowserWindow.constructor');
    expect(calls).not.toContain('dialog.showErrorBox');

    const [options] = started.options;
    expect(options).toMatchObject({ dataDir: fake.state.userData, nativeBinding: NODE_BINDING });
    expect(options.prefs?.get('theme')).toBe('system');
    expect(options.secrets?.backend).toBe('safeStorage');

    const win = electron.BrowserWindow.instances[0];
    expect(win.loadURL).toHaveBeenCalledWith('app://hostledger/index.html');
    const handler = electron.ipcMain.handlers.get(IPC_CALL_CHANNEL)!;
    const answer = await handler({ senderFrame: { url: 'app://hostledger/index.html' } }, 'app.info', {});
    expect(answer).toMatchObject({ ok: true, value: { dataDir: fake.state.userData } });
  });

  it('backs up and closes the book on quit, and quits when the last window closes', async () => {
    await runMain();
    const [backend] = started.backends;
    electron.BrowserWindow.instances[0].close();
    // What Electron emits once no window is left.
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).toHaveBeenCalled();
    const quitting = { preventDefault: vi.fn() };
    electron.app.emit('will-quit', quitting);
    // Electron is held until the backup on quit is made, then told to exit.
    expect(quitting.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(0), { timeout: 10_000 });
    expect(backend.db.open).toBe(false);
    const backups = readdirSync(join(fake.state.userData, 'backups'));
    expect(backups.some((file) => /-quit\.sqlite$/.test(file))).toBe(true);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await runMain();
    const win = electron.BrowserWindow.instances[0];
    win.minimized = true;
    electron.app.emit('second-instance', {}, ['HostLedger'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(1);
  });

  it('quits at once, opening nothing, when another instance holds the lock', async () => {
    fake.state.singleInstance = false;
    await runMain();
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(fake.calls).not.toContain('app.whenReady');
    expect(started.options).toHaveLength(0);
  });

  it('shows why and quits when the book cannot be opened, e.g. written by a newer version', async () => {
    const db = new Database(join(fake.state.userData, DATABASE_FILE));
    db.pragma('user_version = 999');
    db.close();
    await runMain();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('HostLedger cannot start', expect.stringContaining('newer version of HostLedger'));
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});
