// A contract's status as a badge, and for a live contract with an end date, the day it ends.
import { LIVE_STATUSES, type Contract } from '../../../shared/domain/contract.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatColumnDate } from '../ui/formatting.js';

export function ContractStatus({ contract }: { contract: Pick<Contract, 'status' | 'endDate'> }) {
  const { language, t } = useI18n();
  const endsLater = LIVE_STATUSES.includes(contract.status) && contract.endDate !== null;
  return (
    <span className="status-cell">
      <span className={`badge badge-${contract.status}`}>{t(`contractStatus.${contract.status}`)}</span>
      {endsLater && <span className="muted small">{t('contract.endsOn', { date: formatColumnDate(contract.endDate!, language) })}</span>}
    </span>
  );
}
