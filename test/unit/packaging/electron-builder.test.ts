// Packaging needs downloads and, for the dmg, macOS (DESIGN §7), so electron-builder.yml is checked
// statically: with electron-builder's own validation, and for what HostLedger needs of it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));

interface FileSet {
  from: string;
  to: string;
  filter?: string | string[];
}
interface PlatformConfig {
  target: string[];
  icon: string;
  extraResources: FileSet[];
  [key: string]: unknown;
}
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  beforePack: string;
  electronFuses: Record<string, boolean>;
  linux: PlatformConfig;
  win: PlatformConfig;
  mac: PlatformConfig;
  [key: string]: unknown;
}

const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = readJson('package.json') as { main: string; devDependencies: Record<string, string> };

describe('electron-builder.yml', () => {
  it('passes the validation electron-builder runs before packaging', async () => {
    // Deep import: app-builder-lib (electron-builder's engine) exports no validator at its root.
    const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as unknown as {
      validateConfiguration(config: object, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
    };
    const logger = { isEnabled: false, add: () => {} };
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } }, logger)).rejects.toThrow(/electronFuses/);
  });

  it('names the app and writes installers to release/', () => {
    expect(config.productName).toBe('HostLedger');
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
    expect(config.directories.output).toBe('release');
    // Its default, build/, would be left out of the app, and build/ holds the compiled code.
    expect(config.directories.buildResources).not.toMatch(/^build\/?$/);
  });

  it('builds AppImage and deb, NSIS, and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
  });

  it('packs the compiled app and package.json, never sources or tests', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'build/electron/**/*', 'build/shared/**/*', 'build/renderer/**/*']));
    const included = config.files.filter((pattern) => !pattern.startsWith('!'));
    for (const pattern of included) expect(pattern === 'package.json' || pattern.startsWith('build/'), pattern).toBe(true);
    // Everything the entry point needs is inside what is packed.
    expect(pkg.main).toMatch(/^build\/electron\//);
    expect(config.files).toEqual(expect.arrayContaining(['!**/*.map']));
    expect(included.some((pattern) => pattern.startsWith('build/native'))).toBe(false);
  });

  it('unpacks native modules from the asar', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node', '**/node_modules/better-sqlite3/**']));
  });

  it('sets the fuses of the security checklist', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it("ships the Electron build of better-sqlite3 without touching Node's", async () => {
    expect(config.npmRebuild).toBe(false);
    const electronVersion = pkg.devDependencies.electron;
    expect(electronVersion, 'Electron is pinned to an exact version').toMatch(/^\d+\.\d+\.\d+$/);
    const platforms = { linux: 'linux', win: 'win32', mac: 'darwin' } as const;
    for (const [key, platform] of Object.entries(platforms) as [keyof typeof platforms, string][]) {
      // The folder scripts/start.mjs builds into, for the pinned Electron: after an Electron
      // upgrade this fails until the version here is updated too.
      expect(config[key].extraResources, key).toEqual([{ from: `build/native/electron-${electronVersion}-${platform}-\${arch}`, to: 'native', filter: 'better_sqlite3.node' }]);
    }
    // The hook that makes that build when packaging; importing it must not start the app.
    expect(config.beforePack).toBe('./scripts/start.mjs');
    const hook = (await import(pathToFileURL(join(ROOT, config.beforePack)).href)) as { beforePack?: unknown; nativeBindingFile(v: string, p: string, a: string): string };
    expect(typeof hook.beforePack).toBe('function');
    expect(hook.nativeBindingFile(electronVersion, 'linux', 'x64')).toBe(join(ROOT, `build/native/electron-${electronVersion}-linux-x64/better_sqlite3.node`));
  });

  it('has icons: a 512×512 PNG and its SVG source', () => {
    for (const key of ['linux', 'win', 'mac'] as const) expect(config[key].icon).toBe('assets/icon.png');
    const png = readFileSync(join(ROOT, 'assets', 'icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(existsSync(join(ROOT, 'assets', 'icon.svg'))).toBe(true);
  });
});
