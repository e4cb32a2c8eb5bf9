// `npm start`: the desktop app from this checkout. Builds what is needed (scripts/build.mjs), makes
// sure the Electron build of better-sqlite3 exists (DESIGN §7), then launches Electron. Where
// Electron cannot run (no binary and no network to fetch it, no display, no toolchain for the
// native build), it says so in one message, points to `npm run web`, and exits non-zero.
//
// It is also electron-builder's beforePack hook (electron-builder.yml): packaging makes the same
// Electron build for the target it packs, and takes it into the app from build/native/.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const MODULES = join(ROOT, 'node_modules');
/** A start that fails sooner than this is Electron failing to start, not the app ending. */
const STARTUP_MS = 10_000;

const say = (text) => process.stderr.write(`${text}\n`);
const reason = (error) => (error instanceof Error ? error.message : String(error));
const firstLine = (text) => text.trim().split('\n')[0].trim();

export const electronVersion = () => JSON.parse(readFileSync(join(MODULES, 'electron', 'package.json'), 'utf8')).version;

/** Where the Electron build of better-sqlite3 goes; electron/main/nativeBinding.ts reads the same path (a test checks). */
export function nativeBindingFile(version, platform, arch) {
  return join(ROOT, 'build', 'native', `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');
}

function checkDisplay() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    throw new Error('there is no display to show a window on (neither DISPLAY nor WAYLAND_DISPLAY is set)');
  }
}

/**
 * The Electron executable. The electron package downloads it on first use, from GitHub, and
 * prints as it goes; asking in a child keeps that chatter out of the one message.
 */
function electronBinary(version) {
  say(`Finding the Electron ${version} binary (it is downloaded on first use)…`);
  const script = "try { process.stdout.write('\\n' + require('electron')); } catch { process.exit(1); }";
  const child = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  const binary = child.status === 0 ? child.stdout.trim().split('\n').at(-1) : '';
  if (!binary || !existsSync(binary)) {
    throw new Error(`the Electron ${version} binary is not here and could not be downloaded (${firstLine(child.stderr || 'no reason given')})`);
  }
  return binary;
}

function build() {
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    throw new Error(`building it failed (scripts/build.mjs ${result.error ? reason(result.error) : `exited with code ${result.status}`}; its output is above)`);
  }
}

/**
 * Builds better-sqlite3 for Electron into build/native/… unless it is there already. The rebuild
 * runs on a copy in a temp folder, so Node's build in node_modules, which tests and browser mode
 * load, is never touched. @electron/rebuild first tries a prebuilt binary (prebuild-install),
 * then compiles against Electron's headers; both need internet access, compiling a C++ toolchain.
 */
export async function ensureNativeBinding(version, platform, arch) {
  const target = nativeBindingFile(version, platform, arch);
  if (existsSync(target)) return target;
  say(`Building better-sqlite3 for Electron ${version} (${platform}-${arch}) into ${relative(ROOT, dirname(target))}, once…`);
  const work = mkdtempSync(join(tmpdir(), 'hostledger-native-'));
  try {
    const source = join(MODULES, 'better-sqlite3');
    const copy = join(work, 'node_modules', 'better-sqlite3');
    cpSync(source, copy, { recursive: true, filter: (path) => path !== join(source, 'build') });
    // prebuild-install is looked up from the module upwards, as it would be in node_modules.
    symlinkSync(join(MODULES, 'prebuild-install'), join(work, 'node_modules', 'prebuild-install'), 'junction');
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'hostledger-native', private: true, dependencies: { 'better-sqlite3': '*' } }));
    const { rebuild } = await import('@electron/rebuild');
    // projectRootPath keeps the rebuild from walking up into this checkout's node_modules.
    await rebuild({ buildPath: work, projectRootPath: work, electronVersion: version, platform, arch, onlyModules: ['better-sqlite3'], force: true });
    mkdirSync(dirname(target), { recursive: true });
    // Copied then renamed: an interrupted copy must not look like a finished build next time.
    copyFileSync(join(copy, 'build', 'Release', 'better_sqlite3.node'), `${target}.partial`);
    renameSync(`${target}.partial`, target);
    return target;
  } catch (error) {
    throw new Error(
      `better-sqlite3 could not be built for Electron ${version} (${firstLine(reason(error))}); ` +
        "that needs internet access (a prebuilt binary or Electron's headers) and, to compile, a C++ toolchain",
      { cause: error },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Runs Electron on this checkout (package.json "main") until it exits. */
function launch(binary) {
  const env = { ...process.env };
  // Set, it would make the Electron binary behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const startedAt = Date.now();
  const child = spawn(binary, [ROOT], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new Error(`Electron could not be run (${error.message})`)));
    child.once('exit', (code, signal) => {
      const failed = code !== 0;
      if (failed && Date.now() - startedAt < STARTUP_MS) {
        reject(new Error(`Electron stopped right after starting (${signal ?? `exit code ${code}`}; its own message is above)`));
      } else {
        process.exitCode = failed ? (code ?? 1) : 0;
        resolve();
      }
    });
  });
}

async function main() {
  try {
    checkDisplay();
    const version = electronVersion();
    const binary = electronBinary(version);
    build();
    await ensureNativeBinding(version, process.platform, process.arch);
    await launch(binary);
  } catch (error) {
    say(`\nThe HostLedger desktop app cannot start on this machine: ${reason(error)}.`);
    say('`npm run web` runs HostLedger in the browser instead.');
    process.exitCode = 1;
  }
}

/** builder-util's Arch enum, by value: what electron-builder passes as `context.arch`. */
const BUILDER_ARCHES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/** electron-builder hook: the Electron build of better-sqlite3 for the target being packed. */
export async function beforePack(context) {
  const platform = context.electronPlatformName;
  const arch = BUILDER_ARCHES[context.arch];
  if (platform !== process.platform || arch === 'universal') {
    // A prebuilt binary might be fetched for another OS, but a compile would silently make one for this OS.
    throw new Error(`Package HostLedger for ${platform}-${arch} on a ${platform} machine, one architecture at a time: better-sqlite3 is native code.`);
  }
  await ensureNativeBinding(electronVersion(), platform, arch);
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) void main();
