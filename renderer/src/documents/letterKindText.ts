// Names of letter and document kinds on screen, in the user's language (GLOSSARY.md's words).
import type { DocumentKind, LetterKind } from '../../../shared/documents/kinds.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

export const letterKindKey = (kind: LetterKind): MessageKey => `documentKind.${kind}`;
export const documentKindKey = (kind: DocumentKind): MessageKey => `documentKind.${kind}`;
