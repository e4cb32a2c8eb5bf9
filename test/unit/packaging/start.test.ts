// scripts/start.mjs (`npm start`) where Electron cannot run, and as electron-builder's hook.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const START = join(ROOT, 'scripts', 'start.mjs');

describe('npm start', () => {
  it.runIf(process.platform === 'linux')('without a display, says in one message why and to use `npm run web`, and fails', () => {
    const env = { ...process.env };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const run = spawnSync(process.execPath, [START], { cwd: ROOT, env, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([
      'The HostLedger desktop app cannot start on this machine: there is no display to show a window on (neither DISPLAY nor WAYLAND_DISPLAY is set).',
      '`npm run web` runs HostLedger in the browser instead.',
    ]);
  });
});

describe('the beforePack hook', () => {
  const load = async () => (await import(pathToFileURL(START).href)) as { beforePack(context: { electronPlatformName: string; arch: number }): Promise<void> };

  it('refuses to pack for another OS or a universal build, where a compile would make the wrong binary', async () => {
    const { beforePack } = await load();
    const other = process.platform === 'win32' ? 'linux' : 'win32';
    await expect(beforePack({ electronPlatformName: other, arch: 1 })).rejects.toThrow(`Package HostLedger for ${other}-x64 on a ${other} machine`);
    await expect(beforePack({ electronPlatformName: process.platform, arch: 4 })).rejects.toThrow('universal');
  });
});
