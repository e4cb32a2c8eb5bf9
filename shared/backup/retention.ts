// Which automatic backups to keep: the newest of each of the last `daily` days that have one, of
// each of the last `weekly` ISO weeks, and of each of the last `monthly` months (the usual
// grandfather-father-son rule). Backups made by hand, before a migration or before a restore are
// never deleted by the rule: the reseller made or needed them on purpose.
import { z } from 'zod';

export const retentionRuleSchema = z.strictObject({
  daily: z.number().int().min(1).max(365),
  weekly: z.number().int().min(0).max(520),
  monthly: z.number().int().min(0).max(240),
});
export type RetentionRule = z.infer<typeof retentionRuleSchema>;

export const DEFAULT_RETENTION: RetentionRule = { daily: 14, weekly: 8, monthly: 12 };

export const BACKUP_REASONS = ['daily', 'quit', 'manual', 'migration', 'restore', 'export'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** Reasons whose backups the retention rule may delete. */
const AUTOMATIC: ReadonlySet<BackupReason> = new Set(['daily', 'quit']);

export interface RetainedBackup {
  name: string;
  /** UTC instant, ISO 8601. */
  createdAt: string;
  reason: BackupReason;
}

/** Monday-based ISO week of a YYYY-MM-DD date, as "YYYY-Www". */
export function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The names of the backups the rule deletes; everything else stays. */
export function backupsToDelete(backups: readonly RetainedBackup[], rule: RetentionRule): string[] {
  const automatic = backups.filter((b) => AUTOMATIC.has(b.reason)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<string>();
  const keepNewestPer = (bucket: (b: RetainedBackup) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of automatic) {
      const key = bucket(backup);
      if (seen.has(key)) continue;
      if (seen.size === count) break;
      seen.add(key);
      keep.add(backup.name);
    }
  };
  keepNewestPer((b) => b.createdAt.slice(0, 10), rule.daily);
  keepNewestPer((b) => isoWeek(b.createdAt.slice(0, 10)), rule.weekly);
  keepNewestPer((b) => b.createdAt.slice(0, 7), rule.monthly);
  return automatic.filter((b) => !keep.has(b.name)).map((b) => b.name);
}
