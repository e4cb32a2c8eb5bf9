// Every payment of one client, newest first: when, how much, how, and where it went — the invoices
// it pays, what was refunded, what is left as credit. A bounced payment says so. A row opens it.
import type { Payment } from '../../../shared/domain/invoice.js';
import { formatMoney } from '../../../shared/money.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { whereItWent } from '../payments/whereItWent.js';
import { formatColumnDate } from '../ui/formatting.js';
import { VirtualTable } from '../ui/VirtualTable.js';

export function AccountPayments({ payments, onOpen }: { payments: Payment[]; onOpen: (payment: Payment) => void }) {
  const { language, t } = useI18n();
  if (payments.length === 0) return <p className="empty-state empty-state-compact">{t('account.noPayments')}</p>;

  const destination = (payment: Payment): string => {
    if (payment.status === 'bounced') return t('account.paymentBounced', { reason: payment.bounceReason ?? '' });
    const went = whereItWent(payment);
    const money = (minor: number) => formatMoney(minor, payment.currency, language);
    const parts = payment.allocations
      .filter((allocation) => allocation.reversedDate === null)
      .map((allocation) => t('account.paidInvoice', { number: allocation.invoiceNumber ?? '—', amount: money(allocation.amountMinor) }));
    if (went.refundedMinor > 0) parts.push(t('account.paidRefund', { amount: money(went.refundedMinor) }));
    if (went.creditMinor > 0) parts.push(t('account.paidCredit', { amount: money(went.creditMinor) }));
    return parts.join(t('list.separator'));
  };

  return (
    <VirtualTable
      caption={t('account.paymentsCaption')}
      className="payment-table"
      columnCount={5}
      columns={
        <>
          <th scope="col" className="col-date">{t('paymentField.date')}</th>
          <th scope="col" className="col-price">{t('paymentField.amountPlain')}</th>
          <th scope="col" className="col-method">{t('paymentField.method')}</th>
          <th scope="col" className="col-reference">{t('paymentField.reference')}</th>
          <th scope="col" className="col-went">{t('payment.whereItWent')}</th>
        </>
      }
      items={payments}
      rowKey={(payment) => payment.id}
      rowHeight={44}
      onRowClick={onOpen}
      canLoadMore={false}
      busy={false}
      renderRow={(payment) => (
        <>
          <th scope="row" className="col-date">
            <button type="button" className="row-link" onClick={() => onOpen(payment)}>
              {formatColumnDate(payment.date, language)}
            </button>
          </th>
          <td className="col-price">{formatMoney(payment.amountMinor, payment.currency, language)}</td>
          <td>{t(`paymentMethod.${payment.method}`)}</td>
          <td>{payment.reference ?? <span className="muted">—</span>}</td>
          <td className={payment.status === 'bounced' ? 'cell-bounced' : undefined}>{destination(payment)}</td>
        </>
      )}
    />
  );
}
