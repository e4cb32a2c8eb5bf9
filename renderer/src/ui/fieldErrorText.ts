// A field error of a money form in the user's language. Two cases read wrong through the plain
// catalog: limits on amounts come in minor units (a refund "at most 15000" means $150.00), and a
// date inside a locked period is only "not allowed" — so the limit is shown as money in the form's
// currency and the lock names its date. Pure, unit-tested.
import type { Language } from '../../../shared/domain/language.js';
import { translate, translateFieldError } from '../../../shared/i18n/index.js';
import { formatMoney } from '../../../shared/money.js';
import type { FieldError } from '../../../shared/validation/fieldErrors.js';
import { formatDate } from './formatting.js';

/** Paths whose numbers are money in minor units. */
const MONEY_FIELD = /(^|\.)(amountMinor|unitPriceMinor|allocations|feeMinor)$/;

/** The backend's sentence for a date on or before the lock date (ledger.requireOpenPeriod). */
const LOCKED = /locked up to (\d{4}-\d{2}-\d{2}); use a date after it/;

export function fieldErrorText(language: Language, error: FieldError, currency?: string): string {
  const locked = error.code === 'not_allowed' ? LOCKED.exec(error.message) : null;
  if (locked) return translate(language, 'fieldError.lockedPeriod', { date: formatDate(locked[1]!, language) });
  if (currency && MONEY_FIELD.test(error.field) && error.params) {
    const params = Object.fromEntries(Object.entries(error.params).map(([name, value]) => [name, typeof value === 'number' ? formatMoney(value, currency, language) : value]));
    return translateFieldError(language, { ...error, params });
  }
  return translateFieldError(language, error);
}
