// The documents API (shared/api/documents.ts).
import type { documentMethods } from '../../../shared/api/documents.js';
import type { HandlersOf } from '../context.js';
import { ApiError } from '../errors.js';

const notYet = (): never => {
  throw new ApiError('unavailable', 'Documents are not available in this build yet.');
};

export const documentHandlers: HandlersOf<typeof documentMethods> = {
  'company.get': notYet,
  'company.update': notYet,
  'templates.list': notYet,
  'templates.get': notYet,
  'templates.update': notYet,
  'templates.reset': notYet,
  'templates.preview': notYet,
  'documents.invoicePdf': notYet,
  'documents.statementPdf': notYet,
  'documents.letter': notYet,
  'documents.get': notYet,
  'documents.list': notYet,
  'documents.batch': notYet,
  'documents.cancel': notYet,
  'communications.list': notYet,
};
