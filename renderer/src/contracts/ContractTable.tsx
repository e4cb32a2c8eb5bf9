// The contracts view as a virtual table, by next due date: the label opens the contract, the
// client's name goes to the client's page.
import { LIVE_STATUSES, type Contract } from '../../../shared/domain/contract.js';
import { formatMoney } from '../../../shared/money.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatColumnDate } from '../ui/formatting.js';
import { VirtualTable } from '../ui/VirtualTable.js';
import { ContractStatus } from './ContractStatus.js';

interface ContractTableProps {
  contracts: Contract[];
  onOpen: (contract: Contract) => void;
  canLoadMore: boolean;
  onNearEnd: () => void;
  busy: boolean;
}

export function ContractTable({ contracts, onOpen, canLoadMore, onNearEnd, busy }: ContractTableProps) {
  const { language, t } = useI18n();
  return (
    <VirtualTable
      caption={t('contracts.caption')}
      className="contract-table"
      columnCount={6}
      columns={
        <>
          <th scope="col" className="col-service">{t('contracts.column.service')}</th>
          <th scope="col" className="col-client">{t('contracts.column.client')}</th>
          <th scope="col" className="col-plan">{t('contracts.column.plan')}</th>
          <th scope="col" className="col-price">{t('contracts.column.price')}</th>
          <th scope="col" className="col-date">{t('contracts.column.nextDue')}</th>
          <th scope="col" className="col-status">{t('contracts.column.status')}</th>
        </>
      }
      items={contracts}
      rowKey={(contract) => contract.id}
      rowHeight={58}
      onRowClick={onOpen}
      canLoadMore={canLoadMore}
      onNearEnd={onNearEnd}
      busy={busy}
      renderRow={(contract) => (
        <>
          <th scope="row" className="col-service">
            <button type="button" className="row-link" onClick={() => onOpen(contract)}>
              {contract.label}
            </button>
            <span className="cell-detail">
              {t(`serviceKind.${contract.kind}`)}
              {contract.panelKind !== 'none' && ` · ${t(`panel.${contract.panelKind}`)}${contract.panelAccount ? ` ${contract.panelAccount}` : ''}`}
            </span>
          </th>
          <td>
            <a href={hrefOf({ name: 'client', id: contract.clientId })}>{contract.clientName}</a>
          </td>
          <td>{contract.planName ?? <span className="muted">{t('contract.noPlan')}</span>}</td>
          <td className="col-price">
            {formatMoney(contract.priceMinor, contract.currency, language)}
            <span className="cell-detail">{t(`cycle.${contract.cycle}`)}</span>
          </td>
          <td className="col-date">{LIVE_STATUSES.includes(contract.status) ? formatColumnDate(contract.nextDueDate, language) : <span className="muted">—</span>}</td>
          <td>
            <ContractStatus contract={contract} />
          </td>
        </>
      )}
    />
  );
}
