// Errors a handler raises on purpose. dispatch turns them into the envelope; anything else that
// escapes a handler is an `internal` error, logged with its stack.
import type { ApiErrorBody, ErrorCode } from '../../shared/api/envelope.js';
import type { FieldError } from '../../shared/validation/fieldErrors.js';

export class ApiError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal'>,
    message: string,
    readonly details?: ApiErrorBody['details'],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string, id: string) => new ApiError('not_found', `${what} ${id} does not exist.`, { id });

export const conflict = (message: string, details?: ApiErrorBody['details']) => new ApiError('conflict', message, details);

/** A rule about the input that only the backend can check (it needs the database). */
export const invalidField = (field: FieldError) => new ApiError('invalid_input', field.message, { fields: [field] });
