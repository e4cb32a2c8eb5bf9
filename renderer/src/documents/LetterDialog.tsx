// Write a letter to one client: choose the kind, fill in the dates it needs, preview it (nothing
// is kept), then issue it — the PDF is archived with its SHA-256 and the letter goes into the
// client's communication log. It is written in the client's language from the current template.
import { useRef, useState, type FormEvent } from 'react';
import type { DocumentResult } from '../../../shared/api/documents.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { LETTER_KINDS, type LetterKind } from '../../../shared/documents/kinds.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { SelectField, TextAreaField, TextField } from '../ui/Field.js';
import { documentFileName } from './documentFileName.js';
import { DocumentRefusal } from './DocumentRefusal.js';
import { letterKindKey } from './letterKindText.js';
import { letterDefaults, letterErrorText, letterFieldsOf, letterParamsOf, type LetterValues } from './letterParams.js';
import { PdfActions } from './PdfActions.js';

interface LetterDialogProps {
  client: { id: string; name: string };
  today: string;
  onClose: () => void;
  onIssued: (result: DocumentResult) => void;
}

const PLACED = ['kind', 'params.suspensionDate', 'params.terminationDate', 'params.restriction'];

export function LetterDialog({ client, today, onClose, onIssued }: LetterDialogProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [kind, setKind] = useState<LetterKind>('reminder');
  const [values, setValues] = useState<LetterValues>(() => letterDefaults(today));
  const [busy, setBusy] = useState<'preview' | 'issue' | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [preview, setPreview] = useState<{ result: DocumentResult; shown: number } | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  const fields = letterFieldsOf(kind);

  const refused = problem?.code === 'invalid_input' ? (problem.details?.fields ?? []) : [];
  const errorOf = (path: string) => {
    const error = refused.find((candidate) => candidate.field === path);
    return error ? letterErrorText(language, error) : undefined;
  };

  const change = (next: Partial<LetterValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setPreview(null);
  };

  async function write(mode: 'preview' | 'issue') {
    setBusy(mode);
    const answer = await api.call('documents.letter', { clientId: client.id, kind, params: letterParamsOf(kind, values), preview: mode === 'preview' });
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) return;
    if (mode === 'issue') onIssued(answer.value);
    else setPreview((last) => ({ result: answer.value, shown: (last?.shown ?? 0) + 1 }));
  }

  const fileName = documentFileName([t(letterKindKey(kind)), client.name, today], 'pdf');

  return (
    <Dialog title={t('letterWriter.title', { client: client.name })} onClose={onClose} initialFocus={first}>
      <form
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void write('issue');
        }}
      >
        <div className="dialog-body">
          {problem && <DocumentRefusal error={problem} placed={PLACED} />}
          <p className="muted small">{t('letterWriter.intro')}</p>
          <div className="form-grid">
            <SelectField
              id="letter-kind"
              ref={first}
              className="span-2"
              label={t('letterWriter.kind')}
              value={kind}
              error={errorOf('kind')}
              onChange={(event) => {
                setKind(event.target.value as LetterKind);
                setPreview(null);
                setProblem(null);
              }}
            >
              {LETTER_KINDS.map((option) => (
                <option key={option} value={option}>
                  {t(letterKindKey(option))}
                </option>
              ))}
            </SelectField>
            {fields.includes('suspensionDate') && (
              <TextField
                id="letter-suspensionDate"
                type="date"
                label={t('letterWriter.suspensionDate')}
                requiredLabel={kind === 'final_notice' ? t('form.required') : undefined}
                value={values.suspensionDate}
                error={errorOf('params.suspensionDate')}
                onChange={(event) => change({ suspensionDate: event.target.value })}
              />
            )}
            {fields.includes('terminationDate') && (
              <TextField id="letter-terminationDate" type="date" label={t('letterWriter.terminationDate')} value={values.terminationDate} error={errorOf('params.terminationDate')} onChange={(event) => change({ terminationDate: event.target.value })} />
            )}
            {fields.includes('restriction') && (
              <TextAreaField
                id="letter-restriction"
                className="span-2"
                label={t('letterWriter.restriction')}
                hint={t('letterWriter.restrictionHint')}
                rows={3}
                value={values.restriction}
                error={errorOf('params.restriction')}
                onChange={(event) => change({ restriction: event.target.value })}
              />
            )}
          </div>
          {preview && (
            <section className="letter-preview" aria-label={t('letterWriter.previewTitle')}>
              <p className="muted small">{t('letterWriter.previewNote', { pages: preview.result.pages })}</p>
              <PdfActions key={preview.shown} load={() => Promise.resolve({ ok: true, value: preview.result })} fileName={fileName} label={t('letterWriter.previewTitle')} />
            </section>
          )}
        </div>
        <div className="dialog-footer">
          <button type="button" className="button footer-start" onClick={onClose}>
            {t('form.cancel')}
          </button>
          {busy && (
            <span className="progress-inline" role="status">
              <progress className="progress" aria-label={t('pdfActions.preparing')} />
              {t('pdfActions.preparing')}
            </span>
          )}
          <button type="button" className="button" disabled={busy !== null} onClick={() => void write('preview')}>
            {t('letterWriter.preview')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy !== null}>
            {busy === 'issue' ? t('form.saving') : t('letterWriter.issue')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
