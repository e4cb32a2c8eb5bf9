// Why the books refused a change, in one sentence. For money operations `conflict` means the
// ledger said no (a paid invoice cannot be voided, a bounced payment cannot pay), not that someone
// else edited the record, so the backend's own sentence — which says why — is shown.
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Language } from '../../../shared/domain/language.js';
import { translate, translateApiError } from '../../../shared/i18n/index.js';
import { fieldErrorText } from './fieldErrorText.js';

export function refusalText(language: Language, error: ApiErrorBody): string {
  if (error.code === 'conflict') return translate(language, 'billing.refused', { message: error.message });
  return translateApiError(language, error);
}

/** The notice above a small form: refusals, and field errors that no box of the form holds. */
export function noticeText(language: Language, error: ApiErrorBody | null, placed: readonly string[], currency?: string): string | null {
  if (!error) return null;
  if (error.code !== 'invalid_input') return refusalText(language, error);
  const unplaced = (error.details?.fields ?? []).filter((field) => !placed.includes(field.field));
  if (unplaced.length === 0) return (error.details?.fields ?? []).length > 0 ? null : translateApiError(language, error);
  return unplaced.map((field) => fieldErrorText(language, field, currency)).join(' ');
}
