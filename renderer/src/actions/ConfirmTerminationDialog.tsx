// The second question before a termination: type the account's name exactly as it is on the panel.
import { useRef, useState, type FormEvent } from 'react';
import type { PanelActionView } from '../../../shared/api/actions.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { noticeText } from '../ui/refusalText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

const FIELDS = ['accountName'] as const;

export function ConfirmTerminationDialog({ action, onClose }: { action: PanelActionView; onClose: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [name, setName] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const first = useRef<HTMLInputElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'terminate');

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('actions.confirmTermination', { id: action.id, accountName: name });
    setSaving(false);
    if (answer.ok) return onClose();
    setProblem(answer.error);
    focusFirst(answer.error);
  }

  const notice = noticeText(language, problem, FIELDS);
  return (
    <Dialog title={t('terminate.title', { label: action.contractLabel })} onClose={onClose} initialFocus={first} size="small">
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={saving}>
        <div className="dialog-body">
          <p className="notice notice-warning">{t('terminate.warning', { account: action.account, panel: action.connectionName })}</p>
          {notice && (
            <p className="notice notice-error" role="alert">
              {notice}
            </p>
          )}
          <TextField ref={first} id="terminate-accountName" label={t('terminate.typeName', { account: action.account })} autoComplete="off" spellCheck={false} value={name} error={errorOf('accountName')} onChange={(event) => setName(event.target.value)} />
        </div>
        <FormFooter confirm={t('terminate.confirm')} saving={saving} onCancel={onClose} danger blocked={name.trim() === ''} />
      </form>
    </Dialog>
  );
}
