// Letter templates in the book: every version kept (rows never change), the current one being the
// highest version of its kind and language.
import type { LetterTemplate } from '../../../shared/api/documents.js';
import { DEFAULT_TEMPLATES } from '../../../shared/documents/defaultTemplates.js';
import type { LetterKind } from '../../../shared/documents/kinds.js';
import { checkTemplate, placeholdersFor, TABLE_PLACEHOLDERS, type TemplateProblem } from '../../../shared/documents/templates.js';
import type { Language } from '../../../shared/domain/language.js';
import type { Db } from '../db/database.js';
import { ApiError } from '../errors.js';

interface TemplateRow {
  kind: LetterKind;
  language: Language;
  version: number;
  subject: string;
  body: string;
  customised: 0 | 1;
  created_at: string;
}

const toTemplate = (row: TemplateRow): LetterTemplate => ({
  kind: row.kind,
  language: row.language,
  version: row.version,
  subject: row.subject,
  customised: row.customised === 1,
  updatedAt: row.created_at,
  body: row.body,
  placeholders: placeholdersFor(row.kind).map((name) => ({ name, table: TABLE_PLACEHOLDERS.has(name) })),
});

const PROBLEM_TEXT: Record<TemplateProblem['problem'], (p: TemplateProblem) => string> = {
  unknown: (p) => `{{${p.placeholder}}} is not a placeholder this letter knows.`,
  table_in_subject: (p) => `{{${p.placeholder}}} is a table: it can stand in the body, not in the subject.`,
  table_twice: (p) => `{{${p.placeholder}}}: a letter holds one table.`,
};

/** Refuses a template whose placeholders the kind does not know, naming the field and the placeholder. */
export function assertTemplate(kind: LetterKind, template: { subject: string; body: string }): void {
  const problems = checkTemplate(kind, template);
  if (problems.length === 0) return;
  const fields = problems.map((p) => ({
    field: p.field,
    code: p.problem === 'unknown' ? ('unknown_reference' as const) : ('not_allowed' as const),
    message: PROBLEM_TEXT[p.problem](p),
    params: { placeholder: p.placeholder },
  }));
  throw new ApiError('invalid_input', fields.map((f) => f.message).join(' '), { fields });
}

export function createTemplateStore(db: Db) {
  const current = db.prepare<[string, string], TemplateRow>('SELECT * FROM letter_templates WHERE kind = ? AND language = ? ORDER BY version DESC LIMIT 1');
  const all = db.prepare<[], TemplateRow>(
    'SELECT t.* FROM letter_templates t WHERE version = (SELECT max(version) FROM letter_templates u WHERE u.kind = t.kind AND u.language = t.language)',
  );
  const insert = db.prepare('INSERT INTO letter_templates VALUES (@kind, @language, @version, @subject, @body, @customised, @at)');

  const get = (kind: LetterKind, language: Language): LetterTemplate => toTemplate(current.get(kind, language)!);

  return {
    get,
    list: () => all.all().map(toTemplate),
    /** A new version (inside the caller's transaction); unchanged text makes no new version. */
    save(kind: LetterKind, language: Language, text: { subject: string; body: string }, at: string): LetterTemplate {
      const now = current.get(kind, language)!;
      if (now.subject === text.subject && now.body === text.body) return toTemplate(now);
      const standard = DEFAULT_TEMPLATES[language][kind];
      const customised = text.subject !== standard.subject || text.body !== standard.body;
      insert.run({ kind, language, version: now.version + 1, subject: text.subject, body: text.body, customised: customised ? 1 : 0, at });
      return get(kind, language);
    },
    reset(kind: LetterKind, language: Language, at: string): LetterTemplate {
      return this.save(kind, language, DEFAULT_TEMPLATES[language][kind], at);
    },
  };
}

export type TemplateStore = ReturnType<typeof createTemplateStore>;
