import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates.js';
import { backupsToDelete, isoWeek, type RetainedBackup } from '../../../shared/backup/retention.js';

const daily = (from: string, days: number): RetainedBackup[] =>
  Array.from({ length: days }, (_, i) => ({ name: `d${i}`, createdAt: `${addDays(from, i)}T08:00:00.000Z`, reason: 'daily' as const }));

describe('backup retention', () => {
  it('numbers ISO weeks from Monday, across a year end', () => {
    expect(isoWeek('2026-11-26')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });

  it('keeps the last 14 days, one a week for 8 weeks and one a month for 12 months', () => {
    const all = daily('2025-11-27', 365); // one a day up to 2026-11-26
    const deleted = new Set(backupsToDelete(all, { daily: 14, weekly: 8, monthly: 12 }));
    const kept = all.filter((b) => !deleted.has(b.name));
    const keptDates = kept.map((b) => b.createdAt.slice(0, 10));
    // the last 14 days, all of them
    for (let i = 0; i < 14; i += 1) expect(keptDates).toContain(addDays('2026-11-26', -i));
    // one per month for 12 months: every month from 2025-12 to 2026-11 has a backup
    const months = new Set(keptDates.map((d) => d.slice(0, 7)));
    for (const month of ['2025-12', '2026-03', '2026-06', '2026-11']) expect(months).toContain(month);
    // no more than daily + weekly + monthly, and the oldest month beyond 12 is gone
    expect(kept.length).toBeLessThanOrEqual(14 + 8 + 12);
    expect(kept.length).toBeGreaterThan(14 + 8 - 3);
    expect(keptDates.some((d) => d.startsWith('2025-11'))).toBe(false);
  });

  it('never deletes backups made by hand, before a migration or before a restore', () => {
    const all: RetainedBackup[] = [
      ...daily('2026-01-01', 60),
      { name: 'manual', createdAt: '2025-01-01T00:00:00.000Z', reason: 'manual' },
      { name: 'migration', createdAt: '2025-01-02T00:00:00.000Z', reason: 'migration' },
      { name: 'restore', createdAt: '2025-01-03T00:00:00.000Z', reason: 'restore' },
    ];
    const deleted = backupsToDelete(all, { daily: 1, weekly: 0, monthly: 0 });
    expect(deleted).toHaveLength(59);
    expect(deleted).not.toContain('manual');
    expect(deleted).not.toContain('d59');
  });

  it('keeps the newest backup of a day when there are several', () => {
    const all: RetainedBackup[] = [
      { name: 'morning', createdAt: '2026-11-26T08:00:00.000Z', reason: 'daily' },
      { name: 'evening', createdAt: '2026-11-26T20:00:00.000Z', reason: 'quit' },
    ];
    expect(backupsToDelete(all, { daily: 1, weekly: 0, monthly: 0 })).toEqual(['morning']);
  });
});
