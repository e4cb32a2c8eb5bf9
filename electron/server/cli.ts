// `node build/electron/server/cli.js [--data-dir DIR] [--port N]` — browser mode's entry point.
// stdout carries exactly one line, the address with the token, once the server has answered a
// call; everything else goes to stderr, so a script can read the address from the first line.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createBackend, createFileLogger, defaultUserDataDir, startDailyRun, type Backend } from '../core/index.js';
import { parseCliArgs, usage, UsageError } from './cliArgs.js';
import { startHttpServer, type HttpServerOptions, type RunningServer } from './httpServer.js';
import { builtRendererDir } from './rendererDir.js';
import { describeStartupError, type StartupStep } from './startupError.js';

class StartupFailure extends Error {}

async function step<T>(name: StartupStep, where: { dataDir: string; port: number }, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new StartupFailure(describeStartupError(name, error, where), { cause: error });
  }
}

/** The server answers when a real call through it succeeds, not merely when it listens. */
async function selfCheck(server: RunningServer): Promise<void> {
  const response = await fetch(new URL('api/app.info', server.url), { method: 'POST', headers: { Authorization: `Bearer ${server.token}` } });
  const envelope = (await response.json()) as { ok: boolean };
  if (!response.ok || !envelope.ok) throw new Error(`the server's own check answered HTTP ${response.status}`);
}

async function serve(options: Omit<HttpServerOptions, 'token'>, where: { dataDir: string; port: number }): Promise<RunningServer> {
  const server = await step('listen', where, () => startHttpServer({ ...options, token: randomBytes(32).toString('base64url') }));
  try {
    await step('listen', where, () => selfCheck(server));
  } catch (error) {
    await server.close();
    throw error;
  }
  return server;
}

async function main(): Promise<void> {
  const defaultDir = defaultUserDataDir();
  const options = parseCliArgs(process.argv.slice(2), defaultDir);
  if (options.help) {
    process.stdout.write(`${usage(defaultDir)}\n`);
    return;
  }
  const { dataDir, port } = options;
  const where = { dataDir, port };

  const logger = await step('data_dir', where, () => {
    mkdirSync(dataDir, { recursive: true });
    return createFileLogger(join(dataDir, 'logs'));
  });
  const backend: Backend = await step('open_book', where, () => createBackend({ dataDir, logger }));
  const staticDir = builtRendererDir();
  let server: RunningServer;
  try {
    server = await serve({ backend, port, staticDir, logger }, where);
  } catch (error) {
    backend.close();
    throw error;
  }
  if (!existsSync(join(staticDir, 'index.html'))) {
    process.stderr.write(`The screens are not built (${staticDir} has no index.html): run \`npm run build\`. The API answers meanwhile.\n`);
  }

  const dailyRun = startDailyRun({ dispatch: backend.dispatchAsApp, logger });
  let stopping = false;
  const stop = async () => {
    // Ctrl+C reaches both `npm run web` and this process, which forwards it: close once.
    if (stopping) return;
    stopping = true;
    try {
      await server.close();
      await dailyRun.stop();
      await backend.closeWithBackup();
      logger.log('info', 'browser mode stopped');
      process.exit(0);
    } catch (error) {
      logger.error('browser mode did not stop cleanly', error);
      process.stderr.write(`HostLedger did not stop cleanly: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  logger.log('info', 'browser mode started', { port: server.port });
  process.stdout.write(`HostLedger is running at ${server.url}#token=${server.token}\n`);
  process.stderr.write(`Book: ${dataDir}. Press Ctrl+C to stop.\n`);
}

main().catch((error: unknown) => {
  const known = error instanceof UsageError || error instanceof StartupFailure;
  process.stderr.write(`${known ? error.message : `HostLedger could not start: ${error instanceof Error ? error.message : String(error)}`}\n`);
  process.exitCode = 1;
});
