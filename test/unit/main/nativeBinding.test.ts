import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { electronNativeBinding, MissingNativeBindingError, nativeBindingPath } from '../../../electron/main/nativeBinding.js';
import { tempDir } from '../../fixtures/book.js';
import { fake } from './fakeElectron.js';

vi.mock('electron', async () => (await import('./fakeElectron.js')).electronModule());

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** Electron sets process.resourcesPath; Node has none, so tests put one in and take it out. */
const setResourcesPath = (path: string) => Object.defineProperty(process, 'resourcesPath', { value: path, configurable: true });

let dir: string;
beforeEach(() => {
  fake.reset();
  dir = tempDir('hostledger-native-');
});
afterEach(() => {
  Reflect.deleteProperty(process, 'resourcesPath');
  rmSync(dir, { recursive: true, force: true });
});

const place = { resourcesPath: '/opt/HostLedger/resources', appPath: '/src/hostledger', electronVersion: '45.5.0', platform: 'linux', arch: 'x64' };

describe('the Electron build of better-sqlite3', () => {
  it('lives in a folder of its own per Electron version and target, apart from Node’s build', () => {
    expect(nativeBindingPath({ ...place, isPackaged: false })).toBe('/src/hostledger/build/native/electron-45.5.0-linux-x64/better_sqlite3.node');
    expect(nativeBindingPath({ ...place, isPackaged: true })).toBe('/opt/HostLedger/resources/native/better_sqlite3.node');
  });

  it('is named the same way by scripts/start.mjs, which builds it', async () => {
    // Imported by URL: start.mjs is plain JavaScript, and importing it must not start anything.
    const start = (await import(pathToFileURL(join(ROOT, 'scripts', 'start.mjs')).href)) as {
      nativeBindingFile(version: string, platform: string, arch: string): string;
    };
    expect(start.nativeBindingFile('45.5.0', 'win32', 'arm64')).toBe(
      nativeBindingPath({ ...place, appPath: ROOT, platform: 'win32', arch: 'arm64', isPackaged: false }),
    );
  });

  it('is found in a packaged app’s resources', () => {
    fake.state.isPackaged = true;
    setResourcesPath(dir);
    mkdirSync(join(dir, 'native'));
    writeFileSync(join(dir, 'native', 'better_sqlite3.node'), '');
    expect(electronNativeBinding()).toBe(join(dir, 'native', 'better_sqlite3.node'));
  });

  it('when missing from a checkout, says that `npm start` builds it', () => {
    fake.state.appPath = dir;
    expect(() => electronNativeBinding()).toThrow(MissingNativeBindingError);
    expect(() => electronNativeBinding()).toThrow(/npm start/);
  });

  it('when missing from a packaged app, asks for a reinstall', () => {
    fake.state.isPackaged = true;
    setResourcesPath(dir);
    expect(() => electronNativeBinding()).toThrow(/Reinstall HostLedger/);
  });
});
