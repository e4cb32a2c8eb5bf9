// Recording that a sent email bounced, with what the mail server said. The log keeps the email as
// sent; the bounce is a new entry after it (the log is append-only).
import { useRef, useState, type FormEvent } from 'react';
import type { Communication } from '../../../shared/api/documents.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

const FIELDS = ['reason'] as const;

export function BounceDialog({ entry, onClose, onRecorded }: { entry: Communication; onClose: () => void; onRecorded: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'bounce');
  const notice = noticeText(language, problem, FIELDS);

  async function record(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('communications.recordBounce', { communicationId: entry.id, reason });
    setSaving(false);
    if (answer.ok) return onRecorded();
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  return (
    <Dialog title={t('emailBounce.title', { recipient: entry.recipient })} onClose={onClose} initialFocus={reasonInput} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void record(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{t('emailBounce.body')}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <TextAreaField
            ref={reasonInput}
            id="bounce-reason"
            label={t('emailBounce.reason')}
            requiredLabel={t('form.required')}
            rows={3}
            value={reason}
            error={errorOf('reason')}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <FormFooter confirm={t('emailBounce.confirm')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
