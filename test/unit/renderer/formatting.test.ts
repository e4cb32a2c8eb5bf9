import { describe, expect, it } from 'vitest';
import { formatColumnDate, formatDate } from '../../../renderer/src/ui/formatting.js';

describe('dates for people', () => {
  it('formats a business date as the calendar date it is, in either language', () => {
    expect(formatDate('2026-12-05', 'en')).toBe('Dec 5, 2026');
    expect(formatDate('2026-12-05', 'zh-CN')).toBe('2026年12月5日');
    // The first and last day of a month never slip into the next or previous one.
    expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
    expect(formatDate('2026-12-31', 'en')).toBe('Dec 31, 2026');
  });

  it('keeps dates in table columns short', () => {
    expect(formatColumnDate('2026-12-05', 'en')).toBe('Dec 5, 2026');
    expect(formatColumnDate('2026-12-05', 'zh-CN')).toBe('2026/12/05');
  });

  it('shows text that is not a date as it is', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
  });
});
