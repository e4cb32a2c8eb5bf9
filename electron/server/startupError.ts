// Turns what can go wrong while starting into one sentence for the terminal: the person running
// `npm run web` needs to know what to do, not a stack trace.
import { join } from 'node:path';
import { DATABASE_FILE, NewerDatabaseError } from '../core/index.js';

export type StartupStep = 'data_dir' | 'open_book' | 'listen';

const codeOf = (error: unknown) => (typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '');
const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');

export function describeStartupError(step: StartupStep, error: unknown, where: { dataDir: string; port: number }): string {
  if (error instanceof NewerDatabaseError) return error.message;
  const code = codeOf(error);
  switch (step) {
    case 'data_dir':
      return `HostLedger cannot use ${where.dataDir} as its data folder (${reasonOf(error)}); choose another with --data-dir.`;
    case 'open_book':
      if (code === 'SQLITE_NOTADB') return `${join(where.dataDir, DATABASE_FILE)} is not an SQLite database, so it cannot be opened as a book; nothing was changed.`;
      return `HostLedger could not open the book in ${where.dataDir} (${reasonOf(error)}).`;
    case 'listen':
      if (code === 'EADDRINUSE') return `Port ${where.port} is already in use; choose another with --port, or --port 0 for any free port.`;
      if (code === 'EACCES') return `This user may not listen on port ${where.port}; choose a port above 1023, or --port 0 for any free port.`;
      return `HostLedger could not listen on 127.0.0.1 port ${where.port} (${reasonOf(error)}).`;
  }
}
