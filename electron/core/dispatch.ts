// The one entry point of every operation, whatever the transport: look the method up, validate
// the input strictly, run the handler, and answer with an envelope. Nothing throws out of here.
import { methods, isMethodName } from '../../shared/api/methods.js';
import type { Envelope } from '../../shared/api/envelope.js';
import { toFieldErrors, type FieldError } from '../../shared/validation/fieldErrors.js';
import type { Context, Handlers } from './context.js';
import { ApiError } from './errors.js';
import { newId } from './ids.js';
import type { Logger } from './log/logger.js';

export type Dispatch = (method: string, rawInput?: unknown) => Promise<Envelope<unknown>>;

function describeFields(fields: FieldError[]): string {
  const shown = fields.slice(0, 3).map((f) => f.message);
  const more = fields.length > 3 ? ` (and ${fields.length - 3} more)` : '';
  return `Please check the input: ${shown.join(' ')}${more}`;
}

function isBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'SQLITE_BUSY';
}

export function createDispatch(handlers: Handlers, ctx: Context, logger: Logger, options: { validateOutput?: boolean } = {}): Dispatch {
  return async (method, rawInput) => {
    if (typeof method !== 'string' || !isMethodName(method)) {
      return { ok: false, error: { code: 'not_found', message: `There is no operation named "${String(method)}".` } };
    }
    const spec = methods[method];
    // reportInput lets a missing field be told from a mistyped one ("required" vs "invalid_type").
    const parsed = spec.input.safeParse(rawInput === undefined ? {} : rawInput, { reportInput: true });
    if (!parsed.success) {
      const fields = toFieldErrors(parsed.error.issues);
      return { ok: false, error: { code: 'invalid_input', message: describeFields(fields), details: { fields } } };
    }
    try {
      const handler = handlers[method] as (input: unknown, ctx: Context) => unknown;
      const value = await handler(parsed.data, ctx);
      if (options.validateOutput) spec.output.parse(value);
      return { ok: true, value };
    } catch (error) {
      if (error instanceof ApiError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
      }
      if (isBusy(error)) {
        return { ok: false, error: { code: 'unavailable', message: 'The book is busy with another task. Try again in a moment; nothing was changed.' } };
      }
      const ref = newId('err');
      logger.error(`${method} failed`, error, { ref, method });
      return {
        ok: false,
        error: {
          code: 'internal',
          message: `Something went wrong inside HostLedger and nothing was saved by this action. The log has the details under reference ${ref}.`,
          details: { ref },
        },
      };
    }
  };
}
