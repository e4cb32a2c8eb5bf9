// Archiving a client: they leave the current client list, their history stays, and Restore brings
// them back. The backend refuses while the client still has live contracts; the dialog then says
// how many, so the reseller knows what to end first.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Client } from '../../../shared/domain/client.js';
import { translateApiError, translateFieldError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Dialog } from '../ui/Dialog.js';
import { TextAreaField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';

export function ArchiveClientDialog({ client, onClose, onArchived }: { client: Client; onClose: () => void; onArchived: (client: Client) => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const reasonInput = useRef<HTMLTextAreaElement>(null);

  const reasonError = problem?.code === 'invalid_input' ? problem.details?.fields?.find((error) => error.field === 'reason') : undefined;
  const liveContracts = problem?.code === 'conflict' && typeof problem.details?.liveContracts === 'number' ? problem.details.liveContracts : null;

  async function archive(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    const answer = await api.call('clients.archive', reason.trim() ? { id: client.id, reason: reason.trim() } : { id: client.id });
    setSaving(false);
    if (answer.ok) return onArchived(answer.value);
    setProblem(answer.error);
  }

  return (
    <Dialog title={t('archiveClient.title', { name: client.name })} onClose={onClose} initialFocus={reasonInput} size="small">
      <form className="dialog-form" noValidate onSubmit={(event) => void archive(event)} aria-busy={saving}>
        <div className="dialog-body">
          {problem && !reasonError && (
            <p className="notice notice-error" role="alert">
              {liveContracts !== null ? t('archiveClient.refused', { name: client.name, count: liveContracts }) : translateApiError(language, problem)}
            </p>
          )}
          <p className="dialog-text">{t('archiveClient.body')}</p>
          <TextAreaField
            ref={reasonInput}
            id="archive-reason"
            label={t('archiveClient.reason')}
            hint={t('archiveClient.reasonHint')}
            rows={3}
            value={reason}
            error={reasonError ? translateFieldError(language, reasonError) : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
        </div>
        <FormFooter confirm={t('archiveClient.confirm')} saving={saving} onCancel={onClose} danger />
      </form>
    </Dialog>
  );
}
