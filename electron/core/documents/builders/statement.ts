// A client's statement for a period as printed, from the accounts (accounts.ts), in their language.
import type { Client } from '../../../../shared/domain/client.js';
import { documentTitle, formatAmount, formatDate, formatShortDate, isWordKey, word } from '../../../../shared/documents/wording.js';
import type { Context } from '../../context.js';
import type { StatementDocument } from '../model.js';
import { base, type Letterhead } from './common.js';

export function buildStatement(ctx: Context, client: Client, from: string, to: string, head: Letterhead): StatementDocument {
  const language = client.language;
  const statement = ctx.accounts.statement(client.id, from, to);
  const money = (minor: number) => formatAmount(language, minor, statement.currency);
  const blank = (minor: number) => (minor === 0 ? '' : money(minor));
  const date = (value: string) => formatDate(language, value);

  const entries = statement.lines.map((line) => {
    const key = `entry.${line.kind}`;
    // The journal's memo is written in English; a client reading Chinese gets the kind and the number.
    const description = isWordKey(key) ? [word(language, key), line.reference].filter(Boolean).join(' ') : line.description;
    return { date: formatShortDate(language, line.date), description, debit: blank(line.debitMinor), credit: blank(line.creditMinor), balance: money(line.balanceMinor) };
  });
  const closing = statement.closingMinor;
  const notes: string[] = [];
  if (closing < 0) notes.push(word(language, 'note.statementCredit'));

  return {
    ...base(ctx, client, head, documentTitle(language, 'statement')),
    kind: 'statement',
    facts: [[word(language, 'period'), `${date(from)} – ${date(to)}`]],
    entries,
    totals: [
      [word(language, 'openingBalance'), money(statement.openingMinor)],
      [word(language, 'closingBalance'), money(closing)],
      [word(language, closing < 0 ? 'creditAtClose' : 'owedAtClose'), money(Math.abs(closing))],
    ],
    notes,
  };
}
