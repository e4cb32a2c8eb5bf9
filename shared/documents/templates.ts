// The letter template engine: `{{name}}` placeholders, which ones each kind of letter knows, and
// filling them. Pure, so the editor can check a template as it is typed and the backend fills it
// the same way when a letter is issued.
import type { LetterKind } from './kinds.js';

/** Every letter knows these: who it is to, who it is from, how to pay, and what is owed. */
const COMMON = [
  'client.name',
  'client.contact',
  'company.name',
  'company.contact',
  'payment.details',
  'date.today',
  'date.due',
  'days.overdue',
  'amount.due',
  'amount.overdue',
  'invoices.count',
] as const;

const EXTRA: Record<LetterKind, readonly string[]> = {
  reminder: ['invoices.open'],
  first_notice: ['invoices.open'],
  second_notice: ['invoices.open', 'amount.lateFee'],
  restriction_notice: ['invoices.open', 'restriction.text'],
  final_notice: ['invoices.open', 'date.suspension'],
  suspension_notice: ['invoices.open', 'date.suspension'],
  termination_letter: ['invoices.open', 'date.termination'],
  payment_plan_agreement: ['plan.installments', 'plan.total', 'plan.fee', 'plan.count', 'plan.first'],
  receipt: ['payment.amount', 'payment.date', 'payment.reference'],
};

/** Placeholders that stand for a table (printed where the placeholder is) rather than a text. */
export const TABLE_PLACEHOLDERS: ReadonlySet<string> = new Set(['invoices.open', 'plan.installments']);

export function placeholdersFor(kind: LetterKind): string[] {
  return [...COMMON, ...EXTRA[kind]];
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names used in a text, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))];
}

export interface TemplateProblem {
  field: 'subject' | 'body';
  placeholder: string;
  problem: 'unknown' | 'table_in_subject' | 'table_twice';
}

/** What is wrong with a template for this kind of letter: unknown placeholders, tables where a text must go. */
export function checkTemplate(kind: LetterKind, template: { subject: string; body: string }): TemplateProblem[] {
  const known = new Set(placeholdersFor(kind));
  const problems: TemplateProblem[] = [];
  for (const field of ['subject', 'body'] as const) {
    for (const placeholder of placeholdersIn(template[field])) {
      if (!known.has(placeholder)) problems.push({ field, placeholder, problem: 'unknown' });
      else if (field === 'subject' && TABLE_PLACEHOLDERS.has(placeholder)) problems.push({ field, placeholder, problem: 'table_in_subject' });
    }
  }
  const tables = [...template.body.matchAll(PLACEHOLDER)].map((match) => match[1]!).filter((name) => TABLE_PLACEHOLDERS.has(name));
  if (tables.length > 1) problems.push({ field: 'body', placeholder: tables[1]!, problem: 'table_twice' });
  return problems;
}

/** Fills text placeholders; a name without a value is left visible so a gap shows rather than a blank. */
export function fillText(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole));
}

export interface FilledLetter {
  subject: string;
  /** The body up to the table (all of it when there is no table). */
  before: string;
  /** Which table goes where the placeholder stood, if any. */
  table: string | null;
  /** The body after the table. */
  after: string;
}

/** Fills a template; the body is split where its table placeholder stands. */
export function fillLetter(template: { subject: string; body: string }, values: Readonly<Record<string, string>>): FilledLetter {
  const subject = fillText(template.subject, values).replace(/\s+/g, ' ').trim();
  const match = [...template.body.matchAll(PLACEHOLDER)].find((m) => TABLE_PLACEHOLDERS.has(m[1]!));
  if (!match) return { subject, before: tidy(fillText(template.body, values)), table: null, after: '' };
  const at = match.index;
  return {
    subject,
    before: tidy(fillText(template.body.slice(0, at), values)),
    table: match[1]!,
    after: tidy(fillText(template.body.slice(at + match[0].length), values)),
  };
}

/** Paragraphs separated by exactly one blank line, no trailing spaces. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/[ \t]+\n/g, '\n').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
