// Settings → Letter templates (`#/settings/letters`): the wording of every letter, per kind and
// language. The editor lists the placeholders that kind of letter knows (a click puts one where
// the caret is), previews the letter as text and as a PDF for a sample client, saves a new
// version — a placeholder the letter does not know is refused and named beside the box — and can
// go back to the default wording. Letters already issued keep the version they were made with.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { LetterTemplate } from '../../../shared/api/documents.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { LETTER_KINDS, type LetterKind } from '../../../shared/documents/kinds.js';
import { LANGUAGES, type Language } from '../../../shared/domain/language.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SettingsNav } from '../settings/SettingsNav.js';
import { SelectField, TextAreaField, TextField } from '../ui/Field.js';
import { formatInstant } from '../ui/formatting.js';
import { documentFileName } from './documentFileName.js';
import { DocumentWarnings } from './DocumentWarnings.js';
import { letterKindKey } from './letterKindText.js';
import { PdfActions } from './PdfActions.js';
import { insertAt, templateErrorText } from './templateErrorText.js';
import type { Loadable } from '../ui/loadable.js';

type Preview = Output<'templates.preview'>;
type Loaded = Loadable<{ template: LetterTemplate }>;
/** An answer, and which template (kind, language and attempt) it answers. */
type Answered = { asked: string; loaded: Exclude<Loaded, { status: 'loading' }> };
type Notice = { done: 'saved' | 'reset'; version: number };

export function LetterTemplatesScreen() {
  const api = useApi();
  const { language, t } = useI18n();
  const [kind, setKind] = useState<LetterKind>('reminder');
  // Letters go out in the client's language: the editor starts with the one on screen.
  const [letterLanguage, setLetterLanguage] = useState<Language>(language);
  const [attempt, setAttempt] = useState(0);
  const [answered, setAnswered] = useState<Answered | null>(null);
  const asked = `${kind}/${letterLanguage}/${attempt}`;
  // While another template is asked for, the last one is not shown as if it were that one.
  const loaded: Loaded = answered?.asked === asked ? answered.loaded : { status: 'loading' };
  // Said above the editor after a save or reset; the editor starts over with the new version.
  const [notice, setNotice] = useState<Notice | null>(null);
  const changed = (template: LetterTemplate, done: Notice['done']) => {
    setAnswered({ asked, loaded: { status: 'ready', template } });
    setNotice({ done, version: template.version });
  };

  useEffect(() => {
    let current = true;
    void api.call('templates.get', { kind, language: letterLanguage }).then((answer) => {
      if (current) setAnswered({ asked: `${kind}/${letterLanguage}/${attempt}`, loaded: answer.ok ? { status: 'ready', template: answer.value } : { status: 'failed', error: answer.error } });
    });
    return () => {
      current = false;
    };
  }, [api, kind, letterLanguage, attempt]);

  return (
    <div className="screen settings-screen">
      <div className="screen-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <SettingsNav current="letterTemplates" />
      <section className="panel template-panel" aria-labelledby="templates-heading">
        <h2 id="templates-heading" className="panel-title">
          {t('templateEditor.title')}
        </h2>
        <p className="muted small panel-intro">{t('templateEditor.intro')}</p>
        <div className="inline-form-fields">
          <SelectField
            id="template-kind"
            className="field-wide"
            label={t('templateEditor.kind')}
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as LetterKind);
              setNotice(null);
            }}
          >
            {LETTER_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(letterKindKey(option))}
              </option>
            ))}
          </SelectField>
          <SelectField id="template-language" label={t('templateEditor.language')} value={letterLanguage} onChange={(event) => {
              setLetterLanguage(event.target.value as Language);
              setNotice(null);
            }}
          >
            {LANGUAGES.map((option) => (
              <option key={option} value={option}>
                {t(`language.${option}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {loaded.status === 'loading' && (
          <p className="muted" role="status">
            {t('shell.loading')}
          </p>
        )}
        {loaded.status === 'failed' && (
          <div className="notice notice-error" role="alert">
            <p>{translateApiError(language, loaded.error)}</p>
            <button type="button" className="button" onClick={() => setAttempt((count) => count + 1)}>
              {t('list.retry')}
            </button>
          </div>
        )}
        {loaded.status === 'ready' && (
          <TemplateEditor
            key={`${loaded.template.kind}/${loaded.template.language}/${loaded.template.version}`}
            template={loaded.template}
            notice={notice}
            onEdited={() => setNotice(null)}
            onChanged={changed}
          />
        )}
      </section>
    </div>
  );
}

interface TemplateEditorProps {
  template: LetterTemplate;
  notice: Notice | null;
  onEdited: () => void;
  onChanged: (template: LetterTemplate, done: Notice['done']) => void;
}

function TemplateEditor({ template, notice, onEdited, onChanged }: TemplateEditorProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [busy, setBusy] = useState<'save' | 'reset' | 'preview' | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [preview, setPreview] = useState<{ answer: Preview; shown: number } | null>(null);
  const bodyBox = useRef<HTMLTextAreaElement>(null);
  const subjectBox = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const key = { kind: template.kind, language: template.language };

  const refused = problem?.code === 'invalid_input' ? (problem.details?.fields ?? []) : [];
  const errorOf = (field: 'subject' | 'body') => {
    const errors = refused.filter((error) => error.field === field);
    return errors.length > 0 ? errors.map((error) => templateErrorText(language, error)).join(' ') : undefined;
  };
  const otherProblem = problem && (problem.code !== 'invalid_input' || refused.every((error) => error.field !== 'subject' && error.field !== 'body')) ? translateApiError(language, problem) : null;

  function refusedFocus(error: ApiErrorBody) {
    const fields = new Set((error.details?.fields ?? []).map((field) => field.field));
    if (fields.has('subject')) subjectBox.current?.focus();
    else if (fields.has('body')) bodyBox.current?.focus();
  }

  function insert(placeholder: string) {
    const box = bodyBox.current;
    const text = `{{${placeholder}}}`;
    const next = insertAt(body, box?.selectionStart ?? body.length, box?.selectionEnd ?? body.length, text);
    setBody(next.value);
    onEdited();
    // Back in the box with the caret after what was put in, ready to type on.
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(next.caret, next.caret);
    });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy('save');
    const answer = await api.call('templates.update', { ...key, subject, body });
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) return refusedFocus(answer.error);
    onChanged(answer.value, 'saved');
  }

  async function reset() {
    setBusy('reset');
    const answer = await api.call('templates.reset', key);
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) return;
    onChanged(answer.value, 'reset');
  }

  async function showPreview() {
    setBusy('preview');
    const answer = await api.call('templates.preview', { ...key, subject, body });
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) return refusedFocus(answer.error);
    setPreview((last) => ({ answer: answer.value, shown: (last?.shown ?? 0) + 1 }));
  }

  return (
    <form ref={form} className="template-editor" noValidate onSubmit={(event) => void save(event)}>
      <p className="template-version">
        {t(template.customised ? 'templateEditor.versionCustomised' : 'templateEditor.versionDefault', { version: template.version, date: formatInstant(template.updatedAt, language) })}
      </p>
      {notice && (
        <p className="notice notice-success" role="status">
          {t(notice.done === 'saved' ? 'templateEditor.saved' : 'templateEditor.wasReset', { version: notice.version })}
        </p>
      )}
      {otherProblem && (
        <p className="notice notice-error" role="alert">
          {otherProblem}
        </p>
      )}
      <div className="template-grid">
        <div className="template-fields">
          <TextField
            id="template-subject"
            ref={subjectBox}
            label={t('templateEditor.subject')}
            requiredLabel={t('form.required')}
            value={subject}
            error={errorOf('subject')}
            onChange={(event) => {
              setSubject(event.target.value);
              onEdited();
            }}
          />
          <TextAreaField
            id="template-body"
            ref={bodyBox}
            className="template-body"
            label={t('templateEditor.body')}
            hint={t('templateEditor.bodyHint')}
            requiredLabel={t('form.required')}
            rows={18}
            value={body}
            error={errorOf('body')}
            onChange={(event) => {
              setBody(event.target.value);
              onEdited();
            }}
          />
        </div>
        <aside className="placeholder-list" aria-labelledby="placeholders-heading">
          <h3 id="placeholders-heading">{t('templateEditor.placeholders')}</h3>
          <p className="muted small">{t('templateEditor.placeholdersHint')}</p>
          <ul>
            {template.placeholders.map((placeholder) => (
              <li key={placeholder.name}>
                <button type="button" className="placeholder-button" onClick={() => insert(placeholder.name)} aria-label={t('templateEditor.insert', { placeholder: `{{${placeholder.name}}}` })}>
                  <code>{`{{${placeholder.name}}}`}</code>
                  {placeholder.table && <span className="badge badge-muted">{t('templateEditor.table')}</span>}
                </button>
              </li>
            ))}
          </ul>
        </aside>
      </div>
      <div className="button-row form-actions">
        <button type="submit" className="button button-primary" disabled={busy !== null}>
          {busy === 'save' ? t('form.saving') : t('templateEditor.save')}
        </button>
        <button type="button" className="button" disabled={busy !== null} onClick={() => void showPreview()}>
          {t('templateEditor.preview')}
        </button>
        <button type="button" className="button" disabled={busy !== null || !template.customised} onClick={() => void reset()}>
          {t('templateEditor.reset')}
        </button>
        {busy === 'preview' && (
          <span className="progress-inline" role="status">
            <progress className="progress" aria-label={t('pdfActions.preparing')} />
            {t('pdfActions.preparing')}
          </span>
        )}
      </div>
      {preview && (
        <section className="letter-preview" aria-labelledby="template-preview-heading">
          <h3 id="template-preview-heading">{t('templateEditor.previewTitle')}</h3>
          <PdfActions
            key={preview.shown}
            load={() => Promise.resolve({ ok: true, value: preview.answer })}
            fileName={documentFileName([t(`documentKind.${template.kind}`), t('templateEditor.previewFile')], 'pdf')}
            label={t('templateEditor.previewPdf')}
            showWarnings={false}
          />
          <DocumentWarnings warnings={preview.answer.warnings} />
          <p className="letter-preview-subject">{preview.answer.subject}</p>
          <pre className="letter-preview-text">{preview.answer.text}</pre>
        </section>
      )}
    </form>
  );
}
