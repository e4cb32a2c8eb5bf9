// The browser-mode entry point as a user runs it, in its own process. It runs from source through
// tsx so this test does not depend on a build; the e2e suite starts the compiled one.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { launchBrowserMode, REPO_ROOT, RUNNING_LINE } from '../../fixtures/browserMode.js';
import { parseCliArgs, parsePort, UsageError } from '../../../electron/server/cliArgs.js';

const CLI_FROM_SOURCE = [process.execPath, '--import', 'tsx', join(REPO_ROOT, 'electron', 'server', 'cli.ts')] as const;

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostledger-cli-'));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runToExit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const [program, ...rest] = CLI_FROM_SOURCE;
    const child = spawn(program, [...rest, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('browser mode cli', () => {
  it('prints exactly the address line, answers at that address, and stops cleanly on SIGTERM', async () => {
    const dataDir = join(tempDir(), 'new', 'book'); // missing folders are created
    const web = await launchBrowserMode(CLI_FROM_SOURCE, { dataDir });
    try {
      expect(web.stdout).toHaveLength(1);
      expect(web.stdout[0]).toMatch(RUNNING_LINE);
      expect(web.stdout[0]).toBe(`HostLedger is running at http://127.0.0.1:${web.port}/#token=${web.token}`);
      expect(web.port).toBeGreaterThan(0);

      const response = await fetch(`${web.baseUrl}/api/app.info`, { method: 'POST', headers: { Authorization: `Bearer ${web.token}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ok: true, value: { dataDir } });
      expect((await fetch(`${web.baseUrl}/api/app.info`, { method: 'POST' })).status).toBe(401);
    } finally {
      expect(await web.stop()).toEqual({ code: 0, signal: null });
    }
    expect(web.stdout).toHaveLength(1);
  });

  it('uses a new token on every start', async () => {
    const dataDir = tempDir();
    const first = await launchBrowserMode(CLI_FROM_SOURCE, { dataDir });
    await first.stop();
    const second = await launchBrowserMode(CLI_FROM_SOURCE, { dataDir });
    await second.stop();
    expect(second.token).not.toBe(first.token);
  });

  it('exits 1 with a clear sentence for a bad --port, printing nothing on stdout', async () => {
    for (const port of ['abc', '65536']) {
      const result = await runToExit(['--data-dir', tempDir(), '--port', port]);
      expect(result.code, port).toBe(1);
      expect(result.stdout, port).toBe('');
      expect(result.stderr, port).toContain(`--port must be a whole number from 0 to 65535 (0 picks any free port), not "${port}".`);
    }
  });

  it('exits 1 on an unknown option with the usage', async () => {
    const result = await runToExit(['--colour']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Unknown option '--colour'");
    expect(result.stderr).toContain('Usage: npm run web -- [--data-dir DIR] [--port N]');
  });

  it('exits 1 when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await runToExit(['--data-dir', tempDir(), '--port', String(port)]);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim()).toBe(`Port ${port} is already in use; choose another with --port, or --port 0 for any free port.`);
    } finally {
      blocker.close();
    }
  });

  it('exits 1 with a readable sentence for a book written by a newer version', async () => {
    const dataDir = tempDir();
    const db = new Database(join(dataDir, 'hostledger.sqlite'));
    db.pragma('user_version = 999');
    db.close();
    const result = await runToExit(['--data-dir', dataDir, '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^This book was written by a newer version of HostLedger \(schema 999;.*nothing was changed\.\n$/);
  });

  it('exits 1 when the data folder cannot be made', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'not a folder');
    const result = await runToExit(['--data-dir', join(file, 'book'), '--port', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^HostLedger cannot use .* as its data folder \(.*\); choose another with --data-dir\.\n$/);
  });
});

describe('parseCliArgs', () => {
  it('defaults to the per-user folder and port 0', () => {
    expect(parseCliArgs([], '/home/u/.config/HostLedger')).toEqual({ dataDir: '/home/u/.config/HostLedger', port: 0, help: false });
  });

  it('resolves the data folder and reads the port', () => {
    expect(parseCliArgs(['--data-dir', 'rel', '--port', '8080'], '/d')).toMatchObject({ dataDir: join(process.cwd(), 'rel'), port: 8080 });
    expect(parseCliArgs(['--port=0', '--data-dir=/x'], '/d')).toMatchObject({ dataDir: '/x', port: 0 });
  });

  it('refuses what it cannot use', () => {
    expect(() => parseCliArgs(['--data-dir', ' '], '/d')).toThrow(UsageError);
    expect(() => parseCliArgs(['--port'], '/d')).toThrow(UsageError);
    expect(() => parseCliArgs(['stray'], '/d')).toThrow(UsageError);
    for (const text of ['abc', '-1', '65536', '99999', '1e3', '0x10', ' 80', '']) expect(() => parsePort(text), text).toThrow(UsageError);
    expect(parsePort('65535')).toBe(65535);
  });
});
