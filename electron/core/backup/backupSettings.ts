// Where backups go and how many are kept: per-user preferences (DESIGN §3), not the book, so a
// restored book does not move its own backups somewhere else.
import { dirname, join } from 'node:path';
import type { Preferences } from '../prefs/preferences.js';

export function backupFolder(prefs: Preferences, dbFile: string): string {
  return prefs.get('backupDir') ?? join(dirname(dbFile), 'backups');
}
