// The command line of browser mode: `--data-dir DIR` and `--port N`, checked with messages that
// say what was wrong and what would be right.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface CliOptions {
  dataDir: string;
  port: number;
  help: boolean;
}

/** A mistake on the command line; its message is shown as it is. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const usage = (defaultDataDir: string) =>
  [
    'Usage: npm run web -- [--data-dir DIR] [--port N]',
    `  --data-dir DIR  folder of the book, created if missing (default: ${defaultDataDir})`,
    '  --port N        port on 127.0.0.1, from 0 to 65535 (default: 0, any free port)',
  ].join('\n');

export function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port <= 65535)) throw new UsageError(`--port must be a whole number from 0 to 65535 (0 picks any free port), not "${text}".`);
  return port;
}

export function parseCliArgs(argv: readonly string[], defaultDataDir: string): CliOptions {
  let values: { 'data-dir'?: string; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\.?$/, '.')}\n${usage(defaultDataDir)}`);
  }
  const dataDir = values['data-dir'];
  if (dataDir !== undefined && dataDir.trim() === '') throw new UsageError('--data-dir needs a folder name.');
  return {
    dataDir: resolve(dataDir ?? defaultDataDir),
    port: values.port === undefined ? 0 : parsePort(values.port),
    help: values.help ?? false,
  };
}
