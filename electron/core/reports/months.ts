// Calendar months for the dashboard's trends and the reports' default period, as 'YYYY-MM' keys
// with the day each ends on (the last day, or the as-of day for the current month).
import { addDays, addMonths } from '../../../shared/dates.js';

export interface Month {
  month: string;
  first: string;
  /** The month's last day, or `asOf` for the month it falls in. */
  end: string;
}

/** The `count` months up to and including the one `asOf` falls in, oldest first. */
export function monthsUpTo(asOf: string, count: number): Month[] {
  const current = `${asOf.slice(0, 7)}-01`;
  const months: Month[] = [];
  for (let back = count - 1; back >= 0; back -= 1) {
    const first = addMonths(current, -back);
    const last = addDays(addMonths(first, 1), -1);
    months.push({ month: first.slice(0, 7), first, end: last < asOf ? last : asOf });
  }
  return months;
}

/** The reports' default period: the twelve months up to today, from the first of the month. */
export const lastTwelveMonths = (today: string): { from: string; to: string } => ({ from: monthsUpTo(today, 12)[0]!.first, to: today });
