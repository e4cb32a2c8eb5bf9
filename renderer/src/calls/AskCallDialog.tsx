// Asking for a call to a client (from their page): it goes on the Calls list, due today.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

const FIELDS = ['note'] as const;

export function AskCallDialog({ client, onClose, onAsked }: { client: { id: string; name: string }; onClose: () => void; onAsked: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const noteInput = useRef<HTMLTextAreaElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'ask-call');
  const notice = noticeText(language, problem, FIELDS);

  async function ask(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('calls.create', { clientId: client.id, note });
    setSaving(false);
    if (answer.ok) return onAsked();
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  return (
    <Dialog title={t('calls.askTitle', { client: client.name })} onClose={onClose} initialFocus={noteInput} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void ask(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="dialog-text">{t('calls.askBody')}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <TextAreaField ref={noteInput} id="ask-call-note" label={t('calls.field.note')} rows={3} value={note} error={errorOf('note')} onChange={(event) => setNote(event.target.value)} />
        </div>
        <FormFooter confirm={t('calls.ask')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
