// Restoring a backup replaces the book's file, which cannot happen under an open connection. The
// restore is staged: the backup is copied next to the book as `<book>.restore` with a note of where
// it came from, and the next open (the reopen the restore asks for, or the next start after a
// crash) swaps it in before opening, and records the restore in the restored book's audit log.
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

export interface RestoreNote {
  from: string;
  sha256: string;
  safetyBackup: string;
}

const staged = (dbFile: string) => `${dbFile}.restore`;
const noteOf = (dbFile: string) => `${dbFile}.restore.json`;

export function stageRestore(dbFile: string, backupFile: string, note: RestoreNote): void {
  const partial = `${staged(dbFile)}.partial`;
  copyFileSync(backupFile, partial);
  writeFileSync(noteOf(dbFile), JSON.stringify(note));
  // Renamed only once fully copied: a half-copied file is never taken for a staged restore.
  renameSync(partial, staged(dbFile));
}

/** Swaps a staged restore in and returns its note; null when none was staged. The book must be closed. */
export function applyStagedRestore(dbFile: string): RestoreNote | null {
  if (!existsSync(staged(dbFile))) return null;
  // The old book's write-ahead log belongs to the old file: left beside the new one, SQLite would
  // replay it into the restored book.
  rmSync(`${dbFile}-wal`, { force: true });
  rmSync(`${dbFile}-shm`, { force: true });
  renameSync(staged(dbFile), dbFile);
  let note: RestoreNote = { from: 'unknown', sha256: '', safetyBackup: '' };
  try {
    note = JSON.parse(readFileSync(noteOf(dbFile), 'utf8')) as RestoreNote;
  } catch {
    // The note is for the audit log only; the restore stands without it.
  }
  rmSync(noteOf(dbFile), { force: true });
  return note;
}
