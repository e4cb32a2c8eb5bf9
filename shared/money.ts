// Money is an integer count of the currency's minor units (cents, fen) plus its ISO 4217 code.
// Never a float: amounts typed by a person are parsed from text digit by digit.
import { CURRENCY_MINOR_UNITS } from './validation/isoCodes.js';

export const minorDigits = (currency: string): number => CURRENCY_MINOR_UNITS[currency] ?? 2;

/** "1,234.50" / "1234.5" / "-3" → minor units; null when the text is not an amount in this currency. */
export function parseAmount(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^\s*(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = Number(whole!.replaceAll(',', '')) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return null;
  return sign ? -minor : minor;
}

/** Minor units as a plain decimal string ("1234.50"), for inputs and CSV. */
export function toDecimalString(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const text = String(abs).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Minor units formatted for people in a locale, e.g. "US$1,234.50" or "¥1,234.50". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  // Through the decimal string, so no binary fraction ever reaches the formatter's rounding.
  return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    toDecimalString(minor, currency) as unknown as number,
  );
}
