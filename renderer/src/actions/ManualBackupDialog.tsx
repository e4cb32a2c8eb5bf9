// Recording a backup the reseller made by hand, for panels that cannot back up through their API:
// it goes on the contract's action record before the suspension is approved.
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { NoteDialog } from '../ui/NoteDialog.js';

export function ManualBackupDialog({ contractId, label, onClose }: { contractId: string; label: string; onClose: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  return (
    <NoteDialog
      field="note"
      title={t('manualBackup.title', { label })}
      body={t('manualBackup.intro')}
      label={t('manualBackup.note')}
      confirm={t('manualBackup.submit')}
      idPrefix="manual-backup"
      submit={(note) => api.call('actions.recordManualBackup', { contractId, note })}
      onDone={onClose}
      onClose={onClose}
    />
  );
}
