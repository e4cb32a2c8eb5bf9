// A JSON-lines log in the data folder. Fields are redacted (see redact.ts); messages are fixed
// sentences written by us, never raw request text.
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from './redact.js';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  /** Logs an unexpected error with its stack. */
  error(message: string, error: unknown, fields?: Record<string, unknown>): void;
}

export function createFileLogger(logDir: string, clock: { now(): Date } = { now: () => new Date() }): Logger & { file: string } {
  mkdirSync(logDir, { recursive: true });
  const file = join(logDir, 'hostledger.log');
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    const line = JSON.stringify({ at: clock.now().toISOString(), level, message, ...(fields ? (redact(fields) as object) : {}) });
    appendFileSync(file, line + '\n');
  };
  return {
    file,
    log: write,
    error(message, error, fields) {
      const err = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
      write('error', message, { ...fields, error: err });
    },
  };
}

export const silentLogger: Logger = { log: () => {}, error: () => {} };
