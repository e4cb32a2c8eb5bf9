// Brings a book up to the current schema: refuse a newer book, copy and verify a backup before
// touching an existing one, then run each missing step in its own transaction.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupManifest } from '../backup/backupFiles.js';
import type { Db } from './database.js';
import { integrityProblems } from './database.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This book was written by a newer version of HostLedger (schema ${found}; this version knows up to ${supported}). ` +
        'Install the newer HostLedger to open it; nothing was changed.',
    );
    this.name = 'NewerDatabaseError';
  }
}

export interface MigrationReport {
  from: number;
  to: number;
  /** The verified copy made before migrating; null for a new, empty book. */
  backupFile: string | null;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Copy the database with VACUUM INTO (a consistent snapshot, safe while open), then open the copy
 * and run integrity_check: a backup that was never read back is not a backup. A manifest beside it
 * lists it with the other backups, so it can be restored from the backup screen.
 */
export function backupBeforeMigration(db: Db, dbFile: string, fromVersion: number, now: Date, nativeBinding?: string, backupDir?: string): string {
  const dir = backupDir ?? join(dirname(dbFile), 'backups');
  mkdirSync(dir, { recursive: true });
  const createdAt = now.toISOString();
  const name = `hostledger-${createdAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}-migration-schema${fromVersion}`;
  const target = join(dir, `${name}.sqlite`);
  db.prepare('VACUUM INTO ?').run(target);
  const copy = new Database(target, { readonly: true, nativeBinding });
  try {
    const problems = integrityProblems(copy);
    if (problems.length > 0) throw new Error(`The backup made before migrating failed its check (${problems[0]}); the book was not migrated.`);
  } finally {
    copy.close();
  }
  const manifest: BackupManifest = {
    file: basename(target),
    createdAt,
    reason: 'migration',
    sizeBytes: statSync(target).size,
    sha256: createHash('sha256').update(readFileSync(target)).digest('hex'),
    verified: true,
    problems: [],
    // What it holds is read when it is inspected (before a restore); the schema is old, the queries new.
    contents: null,
  };
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(manifest, null, 2));
  return target;
}

export function migrate(
  db: Db,
  options: { dbFile: string; now: Date; nativeBinding?: string; migrations?: readonly Migration[]; backupDir?: string },
): MigrationReport {
  const steps = options.migrations ?? allMigrations;
  const latest = steps.length;
  const from = schemaVersion(db);
  if (from > latest) throw new NewerDatabaseError(from, latest);
  if (from === latest) return { from, to: from, backupFile: null };

  const backupFile = from > 0 ? backupBeforeMigration(db, options.dbFile, from, options.now, options.nativeBinding, options.backupDir) : null;
  for (const step of steps.slice(from)) {
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
  return { from, to: latest, backupFile };
}
