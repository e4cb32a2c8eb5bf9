// Asking for a call to a client (from their page): it goes on the Calls list, due today.
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { NoteDialog } from '../ui/NoteDialog.js';

export function AskCallDialog({ client, onClose, onAsked }: { client: { id: string; name: string }; onClose: () => void; onAsked: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  return (
    <NoteDialog
      field="note"
      required={false}
      title={t('calls.askTitle', { client: client.name })}
      body={t('calls.askBody')}
      label={t('calls.field.note')}
      confirm={t('calls.ask')}
      idPrefix="ask-call"
      submit={(note) => api.call('calls.create', { clientId: client.id, note })}
      onDone={onAsked}
      onClose={onClose}
    />
  );
}
