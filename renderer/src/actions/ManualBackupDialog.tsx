// Recording a backup the reseller made by hand, for panels that cannot back up through their API:
// it goes on the contract's action record before the suspension is approved.
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

export function ManualBackupDialog({ contractId, label, onClose }: { contractId: string; label: string; onClose: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLTextAreaElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'manual-backup');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('actions.recordManualBackup', { contractId, note });
    setSaving(false);
    if (answer.ok) return onClose();
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  const notice = noticeText(language, problem, FIELDS);
  return (
    <Dialog title={t('manualBackup.title', { label })} onClose={onClose} initialFocus={first} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="muted">{t('manualBackup.intro')}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <TextAreaField ref={first} id="manual-backup-note" label={t('manualBackup.note')} requiredLabel={t('form.required')} rows={3} value={note} error={errorOf('note')} onChange={(event) => setNote(event.target.value)} />
        </div>
        <FormFooter confirm={t('manualBackup.submit')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
