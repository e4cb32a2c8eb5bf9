// A small dialog that asks for one piece of text recorded with a step: the reason for voiding an
// invoice, opening a dispute, recording a bounced email or cancelling a plan or promise; the note
// on a hand-made backup or a call asked for. The box gets focus; a refusal shows beside it (or on
// top when no box holds it).
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody, Envelope } from '../../../shared/api/envelope.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from './Dialog.js';
import { TextAreaField } from './Field.js';
import { FormFooter } from './FormFooter.js';
import { noticeText } from './refusalText.js';
import { useFieldErrors } from './useFieldErrors.js';

export interface NoteDialogProps<T> {
  /** The API's name for the text, which also names the box (`void` + `reason` → `void-reason`). */
  field?: 'reason' | 'note';
  /** Whether the step needs the text; the box is marked so. */
  required?: boolean;
  title: string;
  /** What the step does, above the box. */
  body: string;
  label: string;
  hint?: string;
  /** What submitting does ("Void invoice"). */
  confirm: string;
  idPrefix: string;
  rows?: number;
  /** Red, for what cannot be taken back. */
  danger?: boolean;
  cancelLabel?: string;
  /** Sends the text, trimmed. */
  submit: (text: string) => Promise<Envelope<T>>;
  onDone: (value: T) => void;
  onClose: () => void;
}

export function NoteDialog<T>({ field = 'reason', required = true, title, body, label, hint, confirm, idPrefix, rows = 3, danger, cancelLabel, submit, onDone, onClose }: NoteDialogProps<T>) {
  const { language, t } = useI18n();
  const fields = [field];
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(fields, problem, form, idPrefix);
  const notice = noticeText(language, problem, fields);

  async function send(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await submit(text.trim());
    setSaving(false);
    if (answer.ok) return onDone(answer.value);
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  return (
    <Dialog title={title} onClose={onClose} initialFocus={input} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void send(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{body}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <TextAreaField
            ref={input}
            id={`${idPrefix}-${field}`}
            label={label}
            requiredLabel={required ? t('form.required') : undefined}
            hint={hint}
            rows={rows}
            value={text}
            error={errorOf(field)}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <FormFooter confirm={confirm} saving={saving} onCancel={onClose} danger={danger} cancelLabel={cancelLabel} />
      </form>
    </Dialog>
  );
}
