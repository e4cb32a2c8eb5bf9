// Recording that a sent email bounced, with what the mail server said. The log keeps the email as
// sent; the bounce is a new entry after it (the log is append-only).
import type { Communication } from '../../../shared/api/documents.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { NoteDialog } from '../ui/NoteDialog.js';

export function BounceDialog({ entry, onClose, onRecorded }: { entry: Communication; onClose: () => void; onRecorded: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  return (
    <NoteDialog
      title={t('emailBounce.title', { recipient: entry.recipient })}
      body={t('emailBounce.body')}
      label={t('emailBounce.reason')}
      confirm={t('emailBounce.confirm')}
      idPrefix="bounce"
      submit={(reason) => api.call('communications.recordBounce', { communicationId: entry.id, reason })}
      onDone={onRecorded}
      onClose={onClose}
    />
  );
}
