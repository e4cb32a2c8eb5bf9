// better-sqlite3 is native code built for one ABI (DESIGN §7). node_modules keeps Node's build,
// untouched, for tests and browser mode; the app loads a separate Electron build:
//   - from a checkout: build/native/electron-<version>-<platform>-<arch>/better_sqlite3.node,
//     made by `npm start` (scripts/start.mjs, which names the folder the same way);
//   - packaged: <resources>/native/better_sqlite3.node, copied there by electron-builder's
//     extraResources from that folder (made by the same script, as its beforePack hook).
// Its path goes to createBackend as `nativeBinding`, which hands it to better-sqlite3.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app } from 'electron';

export const NATIVE_BINDING_FILE = 'better_sqlite3.node';

/** The folder name both this module and scripts/start.mjs use, one per Electron version and target. */
export function nativeBuildDirName(electronVersion: string, platform: string, arch: string): string {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

export interface NativeBindingPlace {
  isPackaged: boolean;
  /** process.resourcesPath: where extraResources land in a packaged app. */
  resourcesPath: string;
  /** app.getAppPath(): the checkout's root when started with `electron .`. */
  appPath: string;
  electronVersion: string;
  platform: string;
  arch: string;
}

export function nativeBindingPath(place: NativeBindingPlace): string {
  if (place.isPackaged) return join(place.resourcesPath, 'native', NATIVE_BINDING_FILE);
  return join(place.appPath, 'build', 'native', nativeBuildDirName(place.electronVersion, place.platform, place.arch), NATIVE_BINDING_FILE);
}

export class MissingNativeBindingError extends Error {
  constructor(readonly file: string, isPackaged: boolean) {
    super(
      isPackaged
        ? `This installation of HostLedger is incomplete: its database engine (${file}) is missing. Reinstall HostLedger.`
        : `The database engine built for Electron is missing (${file}). Start HostLedger with \`npm start\`, which builds it ` +
            '(once, with internet access, into build/native/) before it launches Electron.',
    );
    this.name = 'MissingNativeBindingError';
  }
}

/** The Electron build of better-sqlite3 for this process; throws a readable error when it is missing. */
export function electronNativeBinding(): string {
  const file = nativeBindingPath({
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
    platform: process.platform,
    arch: process.arch,
  });
  if (!existsSync(file)) throw new MissingNativeBindingError(file, app.isPackaged);
  return file;
}
