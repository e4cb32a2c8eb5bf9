// Dates and instants for people, in the language the screen speaks. Business dates (YYYY-MM-DD)
// are calendar dates, formatted as such in UTC so no time zone can move them by a day; instants
// (UTC ISO strings) are shown in this computer's time zone.
import type { Language } from '../../../shared/domain/language.js';

const dateFormats = new Map<Language, Intl.DateTimeFormat>();
const columnDateFormats = new Map<Language, Intl.DateTimeFormat>();
const instantFormats = new Map<Language, Intl.DateTimeFormat>();
const instantDateFormats = new Map<Language, Intl.DateTimeFormat>();

function cached(cache: Map<Language, Intl.DateTimeFormat>, language: Language, options: Intl.DateTimeFormatOptions) {
  let format = cache.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, options);
    cache.set(language, format);
  }
  return format;
}

/** "Dec 5, 2026" / "2026年12月5日"; the text itself when it is not a date. */
export function formatDate(date: string, language: Language): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return cached(dateFormats, language, { dateStyle: 'medium', timeZone: 'UTC' }).format(day);
}

/**
 * A date in a table column, where width is short: "Dec 5, 2026" in English, "2026/12/05" in Chinese
 * (the long form "2026年12月5日" would not fit beside the other columns).
 */
export function formatColumnDate(date: string, language: Language): string {
  const day = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  const options: Intl.DateTimeFormatOptions = language === 'en' ? { dateStyle: 'medium', timeZone: 'UTC' } : { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' };
  return cached(columnDateFormats, language, options).format(day);
}

/** "Nov 26, 2026, 9:00 AM" / "2026年11月26日 09:00". */
export function formatInstant(instant: string, language: Language): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return cached(instantFormats, language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** The local calendar day of an instant, "Nov 26, 2026" / "2026年11月26日". */
export function formatInstantDate(instant: string, language: Language): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return cached(instantDateFormats, language, { dateStyle: 'medium' }).format(at);
}
