// Backups, restore, export and the health page. Copies are made with SQLite's online backup and
// checked in a worker, so the screens keep answering while a large book is copied.
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { backupMethods } from '../../../shared/api/backups.js';
import { businessDate } from '../../../shared/dates.js';
import { backupsToDelete, type BackupReason } from '../../../shared/backup/retention.js';
import { verifyAudit } from '../audit/verify.js';
import { checkLedger } from '../billing/ledgerCheck.js';
import type { Context, HandlersOf } from '../context.js';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.js';
import { invalidField } from '../errors.js';
import { newId } from '../ids.js';
import { deleteBackup, fileSha256, inspectCopy, listBackups, makeBackup, type BackupManifest } from './backupFiles.js';
import { backupFolder } from './backupSettings.js';
import { stageRestore } from './restore.js';

const folderOf = (ctx: Context) => backupFolder(ctx.prefs, ctx.db.name);

function settings(ctx: Context) {
  return { folder: folderOf(ctx), chosen: ctx.prefs.get('backupDir') !== null, retention: ctx.prefs.get('backupRetention') };
}

/** The folder exists (made if missing) and a file can be written in it; otherwise why not. */
function writableFolder(folder: string): string | null {
  try {
    mkdirSync(folder, { recursive: true });
    const probe = join(folder, `.hostledger-write-test-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe);
    return null;
  } catch (error) {
    return `HostLedger cannot write in this folder (${(error as NodeJS.ErrnoException).code ?? 'error'}).`;
  }
}

/** Applies the retention rule to the automatic backups in the folder. */
function prune(ctx: Context): void {
  const folder = folderOf(ctx);
  const all = listBackups(folder);
  const doomed = new Set(backupsToDelete(all.map((b) => ({ name: b.file, createdAt: b.createdAt, reason: b.reason })), ctx.prefs.get('backupRetention')));
  for (const backup of all) if (doomed.has(backup.file)) deleteBackup(folder, backup);
}

async function backup(ctx: Context, reason: BackupReason, folder = folderOf(ctx), progress?: (done: number, total: number) => void): Promise<BackupManifest> {
  const manifest = await makeBackup(ctx.db, folder, { reason, now: ctx.clock.now(), nativeBinding: ctx.nativeBinding, progress });
  ctx.logger.log('info', 'backup made and verified', { file: manifest.file, reason, sizeBytes: manifest.sizeBytes });
  return manifest;
}

/** Used on quit: one automatic backup, then the retention rule. */
export async function quitBackup(ctx: Context): Promise<void> {
  await backup(ctx, 'quit');
  prune(ctx);
}

/** A name in the backup folder, or the full path of a book file anywhere. */
function resolveFile(ctx: Context, file: string): string {
  const path = isAbsolute(file) ? file : basename(file) === file ? join(folderOf(ctx), file) : null;
  if (path === null) throw invalidField({ field: 'file', code: 'invalid', message: 'Give a backup from the list or the full path of a book file.' });
  if (!existsSync(path) || !statSync(path).isFile()) throw invalidField({ field: 'file', code: 'unknown_reference', message: `There is no file at ${path}.` });
  if (path === ctx.db.name) throw invalidField({ field: 'file', code: 'not_allowed', message: 'This is the open book itself, not a backup.' });
  return path;
}

/** A backup's manifest when it has one; otherwise (a file from elsewhere) what the file itself says. */
async function describe(ctx: Context, path: string): Promise<BackupManifest> {
  const listed = dirname(path) === folderOf(ctx) ? listBackups(folderOf(ctx)).find((b) => b.file === basename(path)) : undefined;
  const { problems, contents } = await inspectCopy(path, ctx.nativeBinding);
  const stat = statSync(path);
  return {
    file: listed ? listed.file : path,
    createdAt: listed?.createdAt ?? stat.mtime.toISOString(),
    reason: listed?.reason ?? 'export',
    sizeBytes: stat.size,
    sha256: await fileSha256(path),
    verified: problems.length === 0,
    problems,
    contents,
  };
}

export const backupHandlers: HandlersOf<typeof backupMethods> = {
  'backups.settings.get'(_input, ctx) {
    return settings(ctx);
  },

  'backups.settings.update'(input, ctx) {
    if (input.folder) {
      const problem = writableFolder(input.folder);
      if (problem) throw invalidField({ field: 'folder', code: 'invalid', message: problem });
    }
    if (input.folder !== undefined) ctx.prefs.set('backupDir', input.folder);
    if (input.retention) ctx.prefs.set('backupRetention', input.retention);
    return settings(ctx);
  },

  'backups.list'(_input, ctx) {
    return { folder: folderOf(ctx), items: listBackups(folderOf(ctx)) };
  },

  async 'backups.create'(_input, ctx) {
    const jobId = newId('job');
    const label = 'Backing up the book';
    try {
      const made = await backup(ctx, 'manual', folderOf(ctx), (done, total) => ctx.events.emit('job.progress', { jobId, label, done, total, finished: false }));
      prune(ctx);
      return { jobId, backup: made };
    } finally {
      ctx.events.emit('job.progress', { jobId, label, done: 0, total: null, finished: true });
    }
  },

  async 'backups.daily'(_input, ctx) {
    const today = ctx.today();
    const madeOn = (b: BackupManifest) => businessDate(new Date(b.createdAt), ctx.settings.get('timeZone'));
    if (listBackups(folderOf(ctx)).some((b) => b.reason === 'daily' && madeOn(b) === today)) return { made: false, backup: null };
    const made = await backup(ctx, 'daily');
    prune(ctx);
    return { made: true, backup: made };
  },

  async 'backups.inspect'(input, ctx) {
    return describe(ctx, resolveFile(ctx, input.file));
  },

  async 'backups.restore'(input, ctx) {
    const path = resolveFile(ctx, input.file);
    const restored = await describe(ctx, path);
    if (!restored.verified || !restored.contents) {
      throw invalidField({ field: 'file', code: 'invalid', message: `This file cannot be restored: ${restored.problems[0] ?? 'it is not a HostLedger book'}.` });
    }
    if (restored.contents.schemaVersion > LATEST_SCHEMA_VERSION) {
      throw invalidField({ field: 'file', code: 'not_allowed', message: 'This book was written by a newer version of HostLedger; install it to open this book.' });
    }
    // The book as it is now is kept first: a restore can always be undone by restoring this.
    const safetyBackup = await backup(ctx, 'restore');
    // Recorded in the restored book's audit log when it opens (this book's log is what is being replaced).
    stageRestore(ctx.db.name, path, { from: restored.file, sha256: restored.sha256, safetyBackup: safetyBackup.file });
    ctx.requestReopen();
    return { safetyBackup, restored };
  },

  async 'backups.exportBook'(input, ctx) {
    const problem = writableFolder(input.folder);
    if (problem) throw invalidField({ field: 'folder', code: 'invalid', message: problem });
    const made = await backup(ctx, 'export', input.folder);
    return { path: join(input.folder, made.file), backup: made };
  },

  async 'health.check'(_input, ctx) {
    const at = ctx.clock.now().toISOString();
    // integrity_check reads every page: done on a read-only connection in a worker.
    const integrity = await inspectCopy(ctx.db.name, ctx.nativeBinding);
    const audit = verifyAudit(ctx.db);
    const ledger = checkLedger(ctx.db, ctx.invoices);
    const last = listBackups(folderOf(ctx))[0];
    const lastAgeDays = last ? (Date.parse(at) - Date.parse(last.createdAt)) / 86_400_000 : null;
    const checks = [
      { name: 'integrity' as const, ok: integrity.problems.length === 0, problems: integrity.problems.slice(0, 20), checked: null, at },
      { name: 'audit' as const, ok: audit.ok, problems: audit.ok ? [] : [`broken_at:${audit.brokenAt ?? '?'}`], checked: audit.checked, at },
      { name: 'ledger' as const, ok: ledger.every((c) => c.ok), problems: ledger.filter((c) => !c.ok).flatMap((c) => c.problems.map((p) => `${c.name}: ${p}`)).slice(0, 20), checked: ledger.length, at },
      {
        name: 'backup' as const,
        // No backup, an unverified one, or none for more than two days is worth the reseller's attention.
        ok: last !== undefined && last.verified && lastAgeDays !== null && lastAgeDays <= 2,
        problems: last === undefined ? ['none'] : !last.verified ? ['unverified'] : lastAgeDays !== null && lastAgeDays > 2 ? ['old'] : [],
        checked: null,
        at: last?.createdAt ?? null,
      },
    ];
    return { ok: checks.every((c) => c.ok), checks };
  },
};
