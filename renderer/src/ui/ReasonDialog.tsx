// A small dialog that asks for one thing, the reason, before a step that is recorded with it:
// voiding an invoice, opening a dispute, recording a bounced email, cancelling a plan or promise.
// The reason box gets focus; a refusal shows beside it (or on top when no box holds it).
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody, Envelope } from '../../../shared/api/envelope.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from './Dialog.js';
import { TextAreaField } from './Field.js';
import { FormFooter } from './FormFooter.js';
import { noticeText } from './refusalText.js';
import { useFieldErrors } from './useFieldErrors.js';

const FIELDS = ['reason'] as const;

export interface ReasonDialogProps<T> {
  title: string;
  /** What the step does, above the box. */
  body: string;
  label: string;
  hint?: string;
  /** What submitting does ("Void invoice"). */
  confirm: string;
  /** For the box's id (`void` → `void-reason`). */
  idPrefix: string;
  rows?: number;
  /** Red, for what cannot be taken back. */
  danger?: boolean;
  cancelLabel?: string;
  /** Sends the reason, trimmed. */
  submit: (reason: string) => Promise<Envelope<T>>;
  onDone: (value: T) => void;
  onClose: () => void;
}

export function ReasonDialog<T>({ title, body, label, hint, confirm, idPrefix, rows = 3, danger, cancelLabel, submit, onDone, onClose }: ReasonDialogProps<T>) {
  const { language, t } = useI18n();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, idPrefix);
  const notice = noticeText(language, problem, FIELDS);

  async function send(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await submit(reason.trim());
    setSaving(false);
    if (answer.ok) return onDone(answer.value);
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  return (
    <Dialog title={title} onClose={onClose} initialFocus={reasonInput} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void send(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{body}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <TextAreaField
            ref={reasonInput}
            id={`${idPrefix}-reason`}
            label={label}
            requiredLabel={t('form.required')}
            hint={hint}
            rows={rows}
            value={reason}
            error={errorOf('reason')}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <FormFooter confirm={confirm} saving={saving} onCancel={onClose} danger={danger} cancelLabel={cancelLabel} />
      </form>
    </Dialog>
  );
}
