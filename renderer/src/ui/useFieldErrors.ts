// The field errors of a small form whose boxes are named after the API's fields (`credit-reason`
// holds `reason`): each error beside its box in the user's language, and focus on the first box
// to fix after a refused save. (Errors no box holds go in the notice on top: refusalText.ts.)
import type { RefObject } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { fieldErrorText } from './fieldErrorText.js';

/** `currency`: the form's amounts are in it, so limits on them are shown as money. */
export function useFieldErrors(fields: readonly string[], problem: ApiErrorBody | null, form: RefObject<HTMLFormElement | null>, idPrefix: string, currency?: string) {
  const { language } = useI18n();
  const fieldErrors = problem?.code === 'invalid_input' ? (problem.details?.fields ?? []) : [];
  const errorOf = (field: string): string | undefined => {
    const error = fieldErrors.find((candidate) => candidate.field === field);
    return error ? fieldErrorText(language, error, currency) : undefined;
  };
  const focusFirst = (error: ApiErrorBody) => {
    const refused = new Set((error.details?.fields ?? []).map((candidate) => candidate.field));
    const first = fields.find((field) => refused.has(field));
    if (first) form.current?.querySelector<HTMLElement>(`#${idPrefix}-${first}`)?.focus();
  };
  return { errorOf, focusFirst };
}
