// A document's warnings (what the PDF was made despite) in the user's language. The PDF layer
// names each by a stable code; a code this screen does not know yet falls back to the backend's
// own sentence, so nothing is ever hidden. Pure, unit-tested.
import type { DocumentWarning } from '../../../shared/api/documents.js';
import type { Language } from '../../../shared/domain/language.js';
import { translate, type MessageKey } from '../../../shared/i18n/index.js';

const KNOWN = {
  logo_missing: 'docWarning.logo_missing',
  logo_unreadable: 'docWarning.logo_unreadable',
  address_line_truncated: 'docWarning.address_line_truncated',
  address_too_many_lines: 'docWarning.address_too_many_lines',
  text_truncated: 'docWarning.text_truncated',
  glyph_missing: 'docWarning.glyph_missing',
  payment_details_missing: 'docWarning.payment_details_missing',
  label_missing: 'docWarning.label_missing',
} as const satisfies Record<string, MessageKey>;

export function warningText(language: Language, warning: DocumentWarning): string {
  if (!Object.hasOwn(KNOWN, warning.code)) return warning.message;
  const key = KNOWN[warning.code as keyof typeof KNOWN];
  const params = warning.params ?? {};
  return translate(language, key, { character: '?', codePoint: '', ...params, field: warning.field ?? '' });
}

/** The same warning listed once, even when several documents of a batch report it. */
export function distinctWarnings(warnings: readonly DocumentWarning[]): DocumentWarning[] {
  const seen = new Set<string>();
  return warnings.filter((warning) => {
    const key = `${warning.code}|${warning.field ?? ''}|${JSON.stringify(warning.params ?? {})}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
