// The client's account in four figures — balance, open, overdue (with how late the oldest is) and
// credit balance — and a plain warning when the credit will not pay the next renewal.
import { formatMoney } from '../../../shared/money.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatDate } from '../ui/formatting.js';
import type { AccountSummary } from './useClientAccount.js';

export function AccountOverview({ summary }: { summary: AccountSummary }) {
  const { language, t } = useI18n();
  const money = (minor: number) => formatMoney(minor, summary.currency, language);
  const balanceDetail = summary.balanceMinor > 0 ? t('account.balanceOwed') : summary.balanceMinor < 0 ? t('account.balanceInCredit') : t('account.balanceSettled');
  // A pay-as-you-go renewal has no price until its usage is known: nothing to cover yet.
  const renewal = summary.nextRenewal && summary.nextRenewal.amountMinor > 0 ? summary.nextRenewal : null;

  return (
    <>
      <dl className="figure-grid">
        <div className="figure">
          <dt>{t('account.balance')}</dt>
          <dd className="figure-amount">{money(summary.balanceMinor)}</dd>
          <dd className="figure-detail">{balanceDetail}</dd>
        </div>
        <div className="figure">
          <dt>{t('account.open')}</dt>
          <dd className="figure-amount">{money(summary.openMinor)}</dd>
          <dd className="figure-detail">{t('account.openInvoices', { count: summary.openInvoices })}</dd>
        </div>
        <div className={summary.overdueMinor > 0 ? 'figure figure-alert' : 'figure'}>
          <dt>{t('account.overdue')}</dt>
          <dd className="figure-amount">{money(summary.overdueMinor)}</dd>
          <dd className="figure-detail">{summary.oldestOverdueDays === null ? t('account.nothingOverdue') : t('account.oldestOverdue', { days: summary.oldestOverdueDays })}</dd>
        </div>
        <div className="figure">
          <dt>{t('account.credit')}</dt>
          <dd className="figure-amount">{money(summary.creditMinor)}</dd>
          <dd className="figure-detail">{t('account.creditDetail')}</dd>
        </div>
      </dl>
      {/* A warning only when there is credit that falls short; with none, the renewal is simply invoiced. */}
      {renewal && !renewal.coveredByCredit && summary.creditMinor > 0 && (
        <p className="notice notice-warning" role="status">
          {t('account.renewalNotCovered', { credit: money(summary.creditMinor), amount: money(renewal.amountMinor), date: formatDate(renewal.date, language) })}
        </p>
      )}
      {renewal && !renewal.coveredByCredit && summary.creditMinor <= 0 && (
        <p className="muted small">{t('account.nextRenewal', { amount: money(renewal.amountMinor), date: formatDate(renewal.date, language) })}</p>
      )}
      {renewal?.coveredByCredit && <p className="notice notice-success">{t('account.renewalCovered', { amount: money(renewal.amountMinor), date: formatDate(renewal.date, language) })}</p>}
    </>
  );
}
