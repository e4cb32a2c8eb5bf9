// A client's contracts on their page: live ones first, then by next due date (the backend's
// order). A client has a handful, so this table is not virtual. A row opens the contract.
import { LIVE_STATUSES, type Contract } from '../../../shared/domain/contract.js';
import { PANEL_ACCOUNT_MEANING } from '../../../shared/domain/panel.js';
import { formatMoney } from '../../../shared/money.js';
import { ContractStatus } from '../contracts/ContractStatus.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatColumnDate } from '../ui/formatting.js';

export function ClientContracts({ contracts, onOpen }: { contracts: Contract[]; onOpen: (contract: Contract) => void }) {
  const { language, t } = useI18n();
  return (
    <table className="data-table client-contracts">
      <caption className="visually-hidden">{t('clientPage.contractsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-service">{t('contracts.column.service')}</th>
          <th scope="col" className="col-plan">{t('contracts.column.plan')}</th>
          <th scope="col" className="col-cycle">{t('contracts.column.cycle')}</th>
          <th scope="col" className="col-price">{t('contracts.column.price')}</th>
          <th scope="col" className="col-date">{t('contracts.column.nextDue')}</th>
          <th scope="col" className="col-date">{t('contracts.column.expires')}</th>
          <th scope="col" className="col-status">{t('contracts.column.status')}</th>
        </tr>
      </thead>
      <tbody>
        {contracts.map((contract) => {
          const live = LIVE_STATUSES.includes(contract.status);
          return (
            <tr
              key={contract.id}
              className={live ? 'clickable-row' : 'clickable-row row-ended'}
              onClick={(event) => {
                if (!(event.target instanceof Element && event.target.closest('button'))) onOpen(contract);
              }}
            >
              <th scope="row" className="col-service">
                <button type="button" className="row-link" onClick={() => onOpen(contract)}>
                  {contract.label}
                </button>
                <span className="cell-detail">
                  {t(`serviceKind.${contract.kind}`)}
                  {contract.panelKind !== 'none' && contract.panelAccount && (
                    <>
                      {' · '}
                      {t(`panelAccount.${PANEL_ACCOUNT_MEANING[contract.panelKind]}`)} {contract.panelAccount}
                    </>
                  )}
                </span>
              </th>
              <td>{contract.planName ?? <span className="muted">{t('contract.noPlan')}</span>}</td>
              <td>{t(`cycle.${contract.cycle}`)}</td>
              <td className="col-price">{formatMoney(contract.priceMinor, contract.currency, language)}</td>
              <td className="col-date">{live ? formatColumnDate(contract.nextDueDate, language) : <span className="muted">—</span>}</td>
              <td className="col-date">{contract.expiresOn ? formatColumnDate(contract.expiresOn, language) : null}</td>
              <td>
                <ContractStatus contract={contract} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
