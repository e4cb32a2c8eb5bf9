import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confPreferences } from '../../../electron/core/prefs/confPreferences.js';
import { DEFAULT_PREFERENCES, memoryPreferences, preferencesFromStore } from '../../../electron/core/prefs/preferences.js';
import { defaultUserDataDir } from '../../../electron/core/paths.js';
import { tempDir } from '../../fixtures/book.js';

describe('preferences', () => {
  it('browser mode writes config.json in the user-data folder, as electron-store does', () => {
    const dir = tempDir();
    const prefs = confPreferences(dir);
    expect(prefs.get('language')).toBeNull();
    prefs.set('language', 'zh-CN');
    prefs.set('window', { width: 1200, height: 800, maximized: false });
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toMatchObject({ language: 'zh-CN', window: { width: 1200 } });
    expect(confPreferences(dir).get('language')).toBe('zh-CN');
  });

  it('reads a missing or mistyped value as the default', () => {
    const prefs = preferencesFromStore({ get: (key) => (key === 'theme' ? 42 : undefined), set: () => {} });
    expect(prefs.get('theme')).toBe(DEFAULT_PREFERENCES.theme);
    expect(prefs.get('acceptedPlainTextSecrets')).toBe(false);
    expect(memoryPreferences({ theme: 'dark' }).get('theme')).toBe('dark');
  });

  it('puts the book where Electron keeps userData for HostLedger', () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/home/u/.config' })).toBe('/home/u/.config/HostLedger');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' })).toMatch(/Roaming[\\/]HostLedger$/);
    expect(defaultUserDataDir('darwin', {})).toMatch(/Library\/Application Support\/HostLedger$/);
  });
});
