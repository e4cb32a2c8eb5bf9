// Turns zod issues into field errors that both transports send and the UI shows beside a field.
// The `code` is stable and translated by the renderer; `message` is the English sentence for
// scripts and logs.
import type { z } from 'zod';

export type FieldErrorCode =
  | 'required'
  | 'too_long'
  | 'too_short'
  | 'too_many'
  | 'too_small'
  | 'too_large'
  | 'invalid_type'
  | 'invalid_choice'
  | 'invalid_email'
  | 'invalid_currency'
  | 'invalid_country'
  | 'invalid_date'
  | 'duplicate'
  | 'unknown_field'
  | 'unknown_reference'
  | 'currency_mismatch'
  | 'date_order'
  | 'in_use'
  | 'not_allowed'
  | 'invalid';

export interface FieldError {
  /** Dotted path of the field, e.g. `email` or `address.lines.0`; empty for the whole input. */
  field: string;
  code: FieldErrorCode;
  message: string;
  /** Limits the message refers to, e.g. `{ max: 200 }`. */
  params?: Record<string, number | string>;
}

const pathOf = (path: PropertyKey[]): string => path.map(String).join('.');

/** Expects issues parsed with `{ reportInput: true }`, so a missing field reads as `required`. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = pathOf(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const path = field ? `${field}.${key}` : key;
          errors.push({ field: path, code: 'unknown_field', message: `Unknown field "${path}".` });
        }
        break;
      case 'invalid_type':
        errors.push(
          issue.input === undefined
            ? { field, code: 'required', message: `${field || 'Input'} is required.` }
            : { field, code: 'invalid_type', message: `${field || 'Input'} must be a ${issue.expected}.` },
        );
        break;
      case 'too_small': {
        const min = Number(issue.minimum);
        if (issue.origin === 'string' && min === 1) {
          errors.push({ field, code: 'required', message: `${field} must not be empty.` });
        } else if (issue.origin === 'string') {
          errors.push({ field, code: 'too_short', message: `${field} needs at least ${min} characters.`, params: { min } });
        } else {
          errors.push({ field, code: 'too_small', message: `${field} must be at least ${min}.`, params: { min } });
        }
        break;
      }
      case 'too_big': {
        const max = Number(issue.maximum);
        if (issue.origin === 'string') {
          errors.push({ field, code: 'too_long', message: `${field} may have at most ${max} characters.`, params: { max } });
        } else if (issue.origin === 'array' || issue.origin === 'set') {
          errors.push({ field, code: 'too_many', message: `${field} may have at most ${max} entries.`, params: { max } });
        } else {
          errors.push({ field, code: 'too_large', message: `${field} must be at most ${max}.`, params: { max } });
        }
        break;
      }
      case 'invalid_format':
        errors.push(
          issue.format === 'email'
            ? { field, code: 'invalid_email', message: `${field} is not a valid email address.` }
            : { field, code: 'invalid', message: `${field} is not in the expected format.` },
        );
        break;
      case 'invalid_value':
        errors.push({
          field,
          code: 'invalid_choice',
          message: `${field} must be one of: ${issue.values.map(String).join(', ')}.`,
          params: { choices: issue.values.map(String).join(', ') },
        });
        break;
      case 'custom': {
        const code = (issue.params?.code as FieldErrorCode | undefined) ?? 'invalid';
        errors.push({ field, code, message: issue.message });
        break;
      }
      default:
        errors.push({ field, code: 'invalid', message: `${field || 'Input'}: ${issue.message}` });
    }
  }
  return errors;
}
