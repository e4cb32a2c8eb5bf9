// Backups, restore, moving the book, and the health page (issue: data safety). Backups are
// consistent SQLite copies, each verified with integrity_check and described by a manifest.
import { z } from 'zod';
import { defineMethod } from './contract.js';
import { BACKUP_REASONS, retentionRuleSchema } from '../backup/retention.js';

const absolutePath = z
  .string()
  .trim()
  .min(1)
  .max(1000)
  .refine((path) => path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\'), { message: 'Give the full path of the folder or file.' });

export const backupContentsSchema = z.object({
  schemaVersion: z.number().int(),
  clients: z.number().int(),
  invoices: z.number().int(),
  payments: z.number().int(),
  lastPaymentDate: z.string().nullable(),
});

export const backupSchema = z.object({
  /** File name in the backup folder, or the full path of a file outside it. */
  file: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  verified: z.boolean(),
  problems: z.array(z.string()),
  contents: backupContentsSchema.nullable(),
});

const backupSettingsSchema = z.object({
  /** Where backups go. */
  folder: z.string(),
  /** false: the default `backups/` folder beside the book. */
  chosen: z.boolean(),
  retention: retentionRuleSchema,
});

const healthCheck = z.object({
  name: z.enum(['integrity', 'audit', 'ledger', 'backup']),
  ok: z.boolean(),
  /** Codes and numbers the screen words: problems found, rows checked, the last backup's date. */
  problems: z.array(z.string()),
  checked: z.number().int().nullable(),
  at: z.string().nullable(),
});

export const backupMethods = {
  'backups.settings.get': defineMethod({
    summary: 'The backup folder and how many automatic backups are kept (daily, weekly, monthly).',
    input: z.strictObject({}),
    output: backupSettingsSchema,
  }),
  'backups.settings.update': defineMethod({
    summary: 'Choose the backup folder (made if missing; it must be writable) or null for the default, and the retention rule.',
    input: z.strictObject({ folder: absolutePath.nullable().optional(), retention: retentionRuleSchema.optional() }),
    output: backupSettingsSchema,
  }),
  'backups.list': defineMethod({
    summary: 'The backups in the backup folder, newest first, each with what it holds.',
    input: z.strictObject({}),
    output: z.object({ folder: z.string(), items: z.array(backupSchema) }),
  }),
  'backups.create': defineMethod({
    summary: 'Back up now: a consistent copy, verified with integrity_check, then the retention rule. Reports job.progress.',
    input: z.strictObject({}),
    output: z.object({ jobId: z.string(), backup: backupSchema }),
  }),
  'backups.daily': defineMethod({
    summary: "Make today's automatic backup unless one exists (the daily run calls this on the first start of each day).",
    input: z.strictObject({}),
    output: z.object({ made: z.boolean(), backup: backupSchema.nullable() }),
  }),
  'backups.inspect': defineMethod({
    summary: 'Open a backup (a name in the backup folder, or the full path of a book file) read-only: verified? what does it hold?',
    input: z.strictObject({ file: z.string().trim().min(1).max(1000) }),
    output: backupSchema,
  }),
  'backups.restore': defineMethod({
    summary: 'Replace the book with a backup (or a book file moved from another machine): the current book is backed up first, then the app reopens on the restored one (event app.reopened).',
    input: z.strictObject({ file: z.string().trim().min(1).max(1000) }),
    output: z.object({ safetyBackup: backupSchema, restored: backupSchema }),
  }),
  'backups.exportBook': defineMethod({
    summary: 'Write the whole book as one verified file into a folder, to open on another machine (Restore, then choose the file). Panel and mail passwords are not in it.',
    input: z.strictObject({ folder: absolutePath }),
    output: z.object({ path: z.string(), backup: backupSchema }),
  }),
  'health.check': defineMethod({
    summary: 'The health page: database integrity, the audit chain, the ledger invariants and the last backup, each with a plain result.',
    input: z.strictObject({}),
    output: z.object({ ok: z.boolean(), checks: z.array(healthCheck) }),
  }),
};
