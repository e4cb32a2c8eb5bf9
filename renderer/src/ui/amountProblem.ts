// What to say beside an amount box that holds nothing or no amount, in the reader's language.
import type { Language } from '../../../shared/domain/language.js';
import { translate, translateFieldError } from '../../../shared/i18n/index.js';
import { exampleAmount, type AmountReading } from './amountText.js';

/** The message for an empty or unreadable amount; undefined when it reads as an amount. */
export function amountProblem(reading: AmountReading, currency: string, language: Language): string | undefined {
  if (reading.state === 'invalid') return translate(language, 'form.invalidAmount', { example: exampleAmount(currency) });
  if (reading.state === 'empty') return translateFieldError(language, { field: 'amountMinor', code: 'required', message: '' });
  return undefined;
}
