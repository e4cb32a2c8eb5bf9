// Money typed by a person: a decimal text in a given currency, turned into integer minor units
// with parseAmount (never through a float). Pure, shared by every form with a price.
import { parseAmount, toDecimalString } from '../../../shared/money.js';

export type AmountReading = { state: 'empty' } | { state: 'invalid' } | { state: 'amount'; minor: number };

/** What the text in an amount box says: nothing, an amount in `currency`, or something that is not one. */
export function readAmount(text: string, currency: string): AmountReading {
  if (text.trim() === '') return { state: 'empty' };
  const minor = parseAmount(text, currency);
  return minor === null ? { state: 'invalid' } : { state: 'amount', minor };
}

/** An amount as an amount box shows it ("15.00", "1500" for yen); empty for none. */
export const amountText = (minor: number | null | undefined, currency: string): string =>
  minor === null || minor === undefined ? '' : toDecimalString(minor, currency);

/** An example amount for hints and errors, with as many decimals as the currency has. */
export const exampleAmount = (currency: string): string => toDecimalString(1250, currency === '' ? 'USD' : currency);

/** A whole number of units typed in a tier's "up to" box; empty means no limit. */
export type UnitsReading = { state: 'empty' } | { state: 'invalid' } | { state: 'units'; units: number };

export function readUnits(text: string): UnitsReading {
  const trimmed = text.trim();
  if (trimmed === '') return { state: 'empty' };
  if (!/^\d+$/.test(trimmed)) return { state: 'invalid' };
  const units = Number(trimmed);
  return Number.isSafeInteger(units) && units > 0 ? { state: 'units', units } : { state: 'invalid' };
}
