// Looking up a message in the user's language. Pure, so the renderer, and later letters and
// PDFs written by the backend, share one catalog.
import type { ApiErrorBody } from '../api/envelope.js';
import type { Language } from '../domain/language.js';
import type { FieldError } from '../validation/fieldErrors.js';
import { en, type MessageKey } from './en.js';
import { zhCN } from './zh-CN.js';

export type { MessageKey } from './en.js';
export type MessageParams = Record<string, string | number>;

const catalogs: Record<Language, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

/** Whether a key built at run time (a ladder step a policy named) has a message. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/** The message for `key` with `{name}` placeholders filled from `params`; unknown placeholders stay visible. */
export function translate(language: Language, key: MessageKey, params: MessageParams = {}): string {
  return catalogs[language][key].replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : placeholder,
  );
}

/** A field error as shown beside its field, from its stable code and limits. */
export function translateFieldError(language: Language, error: FieldError): string {
  return translate(language, `fieldError.${error.code}`, error.params);
}

/** A failed call as one sentence for the reseller. */
export function translateApiError(language: Language, error: ApiErrorBody): string {
  const ref = typeof error.details?.ref === 'string' ? error.details.ref : '—';
  // The panel's own words are the useful part of a panel error; they come from the panel, untranslated.
  return translate(language, `apiError.${error.code}`, { ref, message: error.message });
}
