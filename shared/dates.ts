// Business dates are YYYY-MM-DD in the reseller's time zone; instants are UTC ISO strings.

/** The calendar date of `instant` in `timeZone`, as YYYY-MM-DD. */
export function businessDate(instant: Date, timeZone: string): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
