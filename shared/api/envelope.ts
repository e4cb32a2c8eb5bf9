// What every call answers, over any transport. Nothing throws across a transport: a failure is
// a value with a code a program can act on and a sentence a reseller can read.
import type { FieldError } from '../validation/fieldErrors.js';

export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'forbidden', 'panel_error', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: { fields?: FieldError[]; ref?: string; [key: string]: unknown };
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
