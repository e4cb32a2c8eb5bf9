// Building blocks for input schemas. Every text field is trimmed and has a length limit, so
// nothing unbounded reaches the database and every message can name its limit.
import { z } from 'zod';
import { isCountryCode, isCurrencyCode } from './isoCodes.js';
import { isIsoDate } from '../dates.js';

/** A required single-line text: trimmed, not empty. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** An optional single-line text; an empty string means "not given". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? undefined : v))
    .optional();

export const emailAddress = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .describe('an email address');

export const currencyCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isCurrencyCode, { message: 'Unknown currency code (ISO 4217, e.g. USD, CNY).', params: { code: 'invalid_currency' } })
  .describe('ISO 4217 currency code, e.g. USD, CNY');

export const countryCode = z
  .string()
  .trim()
  .transform((v) => v.toUpperCase())
  .refine(isCountryCode, { message: 'Unknown country code (ISO 3166 alpha-2, e.g. US, CN).', params: { code: 'invalid_country' } })
  .describe('ISO 3166 alpha-2 country code, e.g. CN, US');

/** An entity id as the backend hands it out: a short prefix and random letters and digits. */
export const entityId = z.string().regex(/^[a-z]{2,4}_[0-9a-z]{8,32}$/, { message: 'Not a valid id.' });

/** A list without repeated entries. */
export const distinct = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: 'Entries must not repeat.', params: { code: 'duplicate' } });

/** A calendar date written YYYY-MM-DD. */
export const isoDate = z
  .string()
  .refine(isIsoDate, { message: 'Not a date in the form YYYY-MM-DD.', params: { code: 'invalid_date' } })
  .describe('a date, YYYY-MM-DD');

/** An amount of money in minor units (cents, fen): a whole number, never a float. */
export const minorAmount = z.number().int().min(0).max(1e13).describe('minor units (e.g. cents), a whole number');
