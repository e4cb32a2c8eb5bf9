// Which dates and facts each kind of letter asks for when it is written by hand, with the
// defaults the arrears ladder uses (DESIGN §4: the final notice names a suspension date at least
// the policy's notice period away). Pure, unit-tested.
import type { Input } from '../../../shared/api/methods.js';
import { addDays } from '../../../shared/dates.js';
import type { LetterKind } from '../../../shared/documents/kinds.js';
import type { Language } from '../../../shared/domain/language.js';
import { translate } from '../../../shared/i18n/index.js';
import type { FieldError } from '../../../shared/validation/fieldErrors.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';

export interface LetterValues {
  suspensionDate: string;
  terminationDate: string;
  restriction: string;
}

/** The boxes a kind of letter shows. */
export function letterFieldsOf(kind: LetterKind): (keyof LetterValues)[] {
  if (kind === 'final_notice' || kind === 'suspension_notice') return ['suspensionDate'];
  if (kind === 'termination_letter') return ['terminationDate'];
  if (kind === 'restriction_notice') return ['restriction'];
  return [];
}

/** A final notice names a day at least four days on (the +10 notice before the +14 suspension). */
export function letterDefaults(today: string): LetterValues {
  return { suspensionDate: addDays(today, 4), terminationDate: addDays(today, 14), restriction: '' };
}

/** The `params` of documents.letter: only what this kind uses, and only what was filled in. */
export function letterParamsOf(kind: LetterKind, values: LetterValues): NonNullable<Input<'documents.letter'>['params']> {
  const params: NonNullable<Input<'documents.letter'>['params']> = {};
  for (const field of letterFieldsOf(kind)) {
    const value = values[field].trim();
    if (value !== '') params[field] = value;
  }
  return params;
}

/** A refused date of a letter, beside its box: "out of order" says too little about a suspension date. */
export function letterErrorText(language: Language, error: FieldError): string {
  if (error.code === 'date_order' && error.field.endsWith('suspensionDate')) return translate(language, 'letterWriter.suspensionAfterToday');
  return fieldErrorText(language, error);
}
