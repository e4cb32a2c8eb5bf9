// How a call went: one of the outcomes and a note. Recorded once; it is appended to the client's
// communication log as a phone call.
import { useRef, useState, type FormEvent } from 'react';
import { CALL_OUTCOMES, type CallOutcome, type CallTask } from '../../../shared/api/channels.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { SelectField, TextAreaField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

const FIELDS = ['outcome', 'note'] as const;

export function RecordCallDialog({ call, onClose, onRecorded }: { call: CallTask; onClose: () => void; onRecorded: (call: CallTask) => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [outcome, setOutcome] = useState<CallOutcome>('reached');
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLSelectElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'call');
  const notice = noticeText(language, problem, FIELDS);

  async function record(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('calls.record', { id: call.id, outcome, note });
    setSaving(false);
    if (answer.ok) return onRecorded(answer.value);
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  return (
    <Dialog title={t('calls.recordTitle', { client: call.clientName })} onClose={onClose} initialFocus={first} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void record(event)} aria-busy={saving}>
        <div className="dialog-body">
          {call.phone && <p className="dialog-text">{call.phone}</p>}
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <SelectField ref={first} id="call-outcome" label={t('calls.field.outcome')} value={outcome} error={errorOf('outcome')} onChange={(event) => setOutcome(event.target.value as CallOutcome)}>
            {CALL_OUTCOMES.map((value) => (
              <option key={value} value={value}>
                {t(`calls.outcome.${value}`)}
              </option>
            ))}
          </SelectField>
          <TextAreaField id="call-note" label={t('calls.field.note')} rows={3} value={note} error={errorOf('note')} onChange={(event) => setNote(event.target.value)} />
        </div>
        <FormFooter confirm={t('calls.save')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
