// Voiding an issued invoice or proforma nobody has paid or credited, with the reason: its number
// stays, shown void, and what it asked for is no longer owed. The backend refuses once money or a
// credit note has touched it, and says why.
import type { InvoiceDetail } from '../../../shared/domain/invoice.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { NoteDialog } from '../ui/NoteDialog.js';

export function VoidInvoiceDialog({ invoice, onClose, onVoided }: { invoice: InvoiceDetail; onClose: () => void; onVoided: (invoice: InvoiceDetail) => void }) {
  const api = useApi();
  const { t } = useI18n();
  return (
    <NoteDialog
      title={t('voidInvoice.title', { number: invoice.number ?? '' })}
      body={t('voidInvoice.body')}
      label={t('voidInvoice.reason')}
      confirm={t('voidInvoice.confirm')}
      idPrefix="void"
      danger
      submit={(reason) => api.call('invoices.void', { id: invoice.id, reason })}
      onDone={onVoided}
      onClose={onClose}
    />
  );
}
