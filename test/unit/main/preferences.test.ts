import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../../electron/core/index.js';
import { confPreferences } from '../../../electron/core/prefs/confPreferences.js';
import { ELECTRON_STORE_CHANNEL, electronPreferences } from '../../../electron/main/preferences.js';
import { tempDir } from '../../fixtures/book.js';
import { electron, fake, FakeElectronStore } from './fakeElectron.js';

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule());
// electron-store itself loads the real 'electron' from node_modules, which vi.mock cannot reach.
vi.mock('electron-store', async () => ({ default: (await import('./fakeElectron.js')).FakeElectronStore }));

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

beforeEach(() => {
  fake.reset();
  fake.state.userData = tempDir('hostledger-prefs-');
  FakeElectronStore.created.length = 0;
});
afterEach(() => rmSync(fake.state.userData, { recursive: true, force: true }));

describe('desktop preferences', () => {
  it("are electron-store's config.json with the core defaults", () => {
    const prefs = electronPreferences();
    expect(FakeElectronStore.created).toEqual([{ name: 'config', defaults: DEFAULT_PREFERENCES }]);
    expect(prefs.get('theme')).toBe('system');
    expect(prefs.get('window')).toBeNull();
    expect(prefs.get('acceptedPlainTextSecrets')).toBe(false);
  });

  it('share their file with browser mode', () => {
    const prefs = electronPreferences();
    prefs.set('language', 'zh-CN');
    prefs.set('window', { x: 10, y: 20, width: 1200, height: 800, maximized: false });
    const file = JSON.parse(readFileSync(join(fake.state.userData, 'config.json'), 'utf8'));
    expect(file).toMatchObject({ language: 'zh-CN', theme: 'system' });

    const browserMode = confPreferences(fake.state.userData);
    expect(browserMode.get('language')).toBe('zh-CN');
    expect(browserMode.get('window')).toEqual({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
  });

  it("close electron-store's unchecked IPC channel", () => {
    electronPreferences();
    expect(electron.ipcMain.removeAllListeners).toHaveBeenCalledWith(ELECTRON_STORE_CHANNEL);
    // The name the installed electron-store really listens on, so an upgrade that renames it fails here.
    const source = readFileSync(join(ROOT, 'node_modules', 'electron-store', 'index.js'), 'utf8');
    expect(source).toContain(`ipcMain.on('${ELECTRON_STORE_CHANNEL}'`);
  });
});
