// How one value becomes one CSV field in an accountant export: amounts from integer minor units
// to decimal text in the chosen separator, and the quoting RFC 4180 asks for. Pure and small,
// because the journal export formats millions of fields (csv-stringify was the bottleneck there);
// the tests read every export back with csv-parse.
import { minorDigits } from '../money.js';

export interface CsvFormatOptions {
  delimiter: ',' | ';';
  decimal: '.' | ',';
}

export interface CsvFormat {
  /** One record, quoted where needed, ending in CRLF (what Excel and RFC 4180 expect). */
  record(fields: readonly (string | null)[]): string;
  /** Minor units as a decimal amount of the currency: 123456 USD → "1234.56" (or "1234,56"). */
  money(minor: number | null, currency: string): string;
  /** A whole number of thousandths (quantities) or basis points as a decimal: scale 3 or 2. */
  scaled(value: number, digits: number): string;
}

/** Plain decimal text of an integer scaled by 10^digits, without a float ever appearing. */
function decimalText(value: number, digits: number, separator: string): string {
  if (digits === 0) return String(value);
  const sign = value < 0 ? '-' : '';
  const text = String(Math.abs(value)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}${separator}${text.slice(-digits)}`;
}

export function csvFormat(options: CsvFormatOptions): CsvFormat {
  const { delimiter, decimal } = options;
  // A field is quoted when it holds the delimiter, a quote or a line break, or starts/ends with a space.
  const needsQuotes = delimiter === ',' ? /[",\r\n]|^\s|\s$/ : /[";\r\n]|^\s|\s$/;
  const field = (value: string | null): string => {
    if (value === null || value === '') return '';
    return needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
  };
  const digitsOf = new Map<string, number>();
  return {
    record(fields) {
      let out = field(fields[0] ?? null);
      for (let i = 1; i < fields.length; i += 1) out += delimiter + field(fields[i] ?? null);
      return `${out}\r\n`;
    },
    money(minor, currency) {
      if (minor === null) return '';
      let digits = digitsOf.get(currency);
      if (digits === undefined) {
        digits = minorDigits(currency);
        digitsOf.set(currency, digits);
      }
      return decimalText(minor, digits, decimal);
    },
    scaled(value, digits) {
      // Drop trailing zeros of the fraction: a quantity of 1 reads "1", not "1.000".
      const text = decimalText(value, digits, decimal);
      return digits === 0 ? text : text.replace(/0+$/, '').replace(new RegExp(`\\${decimal}$`), '');
    },
  };
}

/** Excel recognises UTF-8 (and so shows Chinese correctly) by this mark at the start of the file. */
export const UTF8_BOM = '\ufeff';
