// An invoice's standing as a badge — and a second badge when the client disputes it, since a
// disputed invoice is still open or overdue underneath.
import type { Invoice } from '../../../shared/domain/invoice.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { standingOf } from './invoiceStanding.js';

export function InvoiceStatus({ invoice, today }: { invoice: Invoice; today: string }) {
  const { t } = useI18n();
  const standing = standingOf(invoice, today);
  return (
    <span className="status-cell status-row">
      <span className={`badge badge-invoice-${standing}`}>{t(`invoiceStanding.${standing}`)}</span>
      {invoice.disputed && <span className="badge badge-invoice-disputed">{t('invoiceStanding.disputed')}</span>}
    </span>
  );
}
