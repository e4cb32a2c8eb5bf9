// What the Exports screen asks for, from what is on it: the default period (last month), the
// folder as typed, and the words for a refused folder. Pure, so it is unit-tested in Node.
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { addDays } from '../../../shared/dates.js';
import type { MessageKey } from '../../../shared/i18n/index.js';

/** Last month, the period an accountant usually asks for: its first and last day. */
export function lastMonth(today: string): { from: string; to: string } {
  const to = addDays(`${today.slice(0, 8)}01`, -1);
  return { from: `${to.slice(0, 8)}01`, to };
}

/** The folder field as the API wants it: absent when empty (a download). */
export const folderInput = (text: string): { folder?: string } => (text.trim() === '' ? {} : { folder: text.trim() });

const FOLDER_CODES = ['unknown_reference', 'not_allowed', 'invalid'] as const;

/** The message beside the folder box for a refusal that names it, or null. */
export function folderProblem(error: ApiErrorBody | null): MessageKey | null {
  const field = error?.code === 'invalid_input' ? error.details?.fields?.find((f) => f.field === 'folder') : undefined;
  if (!field) return null;
  const code = FOLDER_CODES.find((c) => c === field.code) ?? 'invalid';
  return `exports.folder.${code}`;
}
