// Opening the book's SQLite file with the settings DESIGN §3 requires.
import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for another ABI (Electron's); Node's build otherwise. */
  nativeBinding?: string;
  readonly?: boolean;
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { nativeBinding: options.nativeBinding, readonly: options.readonly ?? false, timeout: 5000 });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  // better-sqlite3 reopens WAL databases at synchronous=NORMAL; a bookkeeping app wants every
  // committed payment on disk before it says so, so set FULL on every open.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** The whole database is consistent (PRAGMA integrity_check answered "ok"). */
export function integrityProblems(db: Db): string[] {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
  return problems;
}
