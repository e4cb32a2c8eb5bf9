// Cancelling an active payment plan or an open promise to pay, with the reason: it counts as
// broken from today and the arrears ladder resumes.
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { NoteDialog } from '../ui/NoteDialog.js';

export function CancelArrangementDialog({ kind, id, onClose, onCancelled }: { kind: 'plan' | 'promise'; id: string; onClose: () => void; onCancelled: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  return (
    <NoteDialog<unknown>
      title={t(kind === 'plan' ? 'arrangements.cancelPlanTitle' : 'arrangements.cancelPromiseTitle')}
      body={t('arrangements.cancelBody')}
      label={t('arrangements.cancelReason')}
      confirm={t(kind === 'plan' ? 'arrangements.cancelPlan' : 'arrangements.cancelPromise')}
      idPrefix="cancel"
      rows={2}
      danger
      cancelLabel={t('form.keep')}
      submit={(reason) => (kind === 'plan' ? api.call('paymentPlans.cancel', { id, reason }) : api.call('promises.cancel', { id, reason }))}
      onDone={onCancelled}
      onClose={onClose}
    />
  );
}
