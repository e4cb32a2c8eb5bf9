// A refused letter template, beside the box that holds the fault. The book names an unknown
// placeholder (`{{clinet.name}}`) in its error: the screen repeats that name in the user's
// language, so the reseller sees which one to fix. Other errors read as every field error does.
// Pure, unit-tested.
import type { Language } from '../../../shared/domain/language.js';
import { en } from '../../../shared/i18n/en.js';
import { translate } from '../../../shared/i18n/index.js';
import type { FieldError } from '../../../shared/validation/fieldErrors.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';

/** The placeholder an error is about: from its params, else the first `{{…}}` in its sentence. */
export function placeholderOf(error: FieldError): string | null {
  const named = error.params?.placeholder;
  if (typeof named === 'string' && named !== '') return named;
  const written = /\{\{\s*([^{}]*?)\s*\}\}/.exec(error.message);
  return written ? written[1]! : null;
}

export function templateErrorText(language: Language, error: FieldError): string {
  const placeholder = placeholderOf(error);
  if (placeholder !== null) return translate(language, 'templateEditor.unknownPlaceholder', { placeholder: `{{${placeholder}}}` });
  // A code this catalog has no words for yet: the backend's own sentence rather than nothing.
  return Object.hasOwn(en, `fieldError.${error.code}`) ? fieldErrorText(language, error) : error.message;
}

/** Puts `text` where the caret is in a box's value (replacing the selection); returns the new value and caret. */
export function insertAt(value: string, selectionStart: number, selectionEnd: number, text: string): { value: string; caret: number } {
  const start = Math.max(0, Math.min(selectionStart, value.length));
  const end = Math.max(start, Math.min(selectionEnd, value.length));
  return { value: value.slice(0, start) + text + value.slice(end), caret: start + text.length };
}
