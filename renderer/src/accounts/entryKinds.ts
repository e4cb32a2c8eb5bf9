// What the journal's entry kinds (`invoice.issued`, `payment.bounced`, …) are called on a
// statement and in the ledger view, and the names of the accounts they post to. Pure: a kind this
// version has no words for reads "Other entry" rather than a code.
import { ACCOUNT_NAMES, type AccountCode } from '../../../shared/billing/accounts.js';
import type { Language } from '../../../shared/domain/language.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

export const ENTRY_KINDS = [
  'invoice.issued',
  'invoice.voided',
  'credit_note.issued',
  'payment.received',
  'payment.allocated',
  'payment.allocation_reversed',
  'payment.bounced',
  'credit.refunded',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export function entryKindKey(kind: string): MessageKey {
  return (ENTRY_KINDS as readonly string[]).includes(kind) ? `entryKind.${kind as EntryKind}` : 'entryKind.other';
}

/** "1100 Accounts receivable" / "1100 应收账款"; the bare code for an account this version does not know. */
export function accountName(code: string, language: Language): string {
  return Object.hasOwn(ACCOUNT_NAMES, code) ? `${code} ${ACCOUNT_NAMES[code as AccountCode][language]}` : code;
}
