// The client list as a table: one row per client, the name a link to the client's page, their
// payment risk as score and band. The Name and Risk headings are buttons that sort the list (in
// SQL, so paging still works): by name, or riskiest first and, pressed again, safest first.
// Virtual, so 100,000 clients scroll as smoothly as ten.
import type { ClientListItem, ClientSearchOrder } from '../../../shared/domain/client.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { RiskBadge } from '../risk/RiskBadge.js';
import { VirtualTable } from '../ui/VirtualTable.js';

interface ClientTableProps {
  clients: ClientListItem[];
  order: ClientSearchOrder;
  onOrderChange: (order: ClientSearchOrder) => void;
  onOpen: (client: ClientListItem) => void;
  canLoadMore: boolean;
  onNearEnd: () => void;
  busy: boolean;
}

export function ClientTable({ clients, order, onOrderChange, onOpen, canLoadMore, onNearEnd, busy }: ClientTableProps) {
  const { t } = useI18n();
  const byRisk = order !== 'name';
  const caption = order === 'name' ? t('clients.caption') : t(`risk.caption.${order}`);
  return (
    <VirtualTable
      caption={caption}
      className="client-table"
      columnCount={6}
      columns={
        <>
          {/* The heading's button says the column; aria-sort says the order (the arrow is drawn by the stylesheet). */}
          <th scope="col" className="col-name" aria-sort={byRisk ? undefined : 'ascending'}>
            <button type="button" className="sort-button" title={t('risk.sortByName')} onClick={() => onOrderChange('name')}>
              {t('clients.column.name')}
            </button>
          </th>
          <th scope="col" className="col-risk" aria-sort={order === 'riskiest' ? 'descending' : order === 'safest' ? 'ascending' : undefined}>
            <button
              type="button"
              className="sort-button"
              // Pressing it again turns the order round: riskiest first, then safest first.
              title={order === 'riskiest' ? t('risk.sortSafest') : t('risk.sortRiskiest')}
              onClick={() => onOrderChange(order === 'riskiest' ? 'safest' : 'riskiest')}
            >
              {t('risk.column')}
            </button>
          </th>
          <th scope="col" className="col-company">{t('clients.column.company')}</th>
          <th scope="col" className="col-email">{t('clients.column.email')}</th>
          <th scope="col" className="col-currency">{t('clients.column.currency')}</th>
          <th scope="col" className="col-tags">{t('clients.column.tags')}</th>
        </>
      }
      items={clients}
      rowKey={(client) => client.id}
      rowHeight={45}
      onRowClick={onOpen}
      canLoadMore={canLoadMore}
      onNearEnd={onNearEnd}
      busy={busy}
      renderRow={(client) => (
        <>
          <th scope="row" className="col-name">
            <a className="row-link" href={hrefOf({ name: 'client', id: client.id })}>
              {client.name}
            </a>
            {client.status === 'archived' && <span className="badge badge-muted">{t('clientStatus.archived')}</span>}
          </th>
          <td className="col-risk">
            {client.risk ? (
              <RiskBadge score={client.risk.score} band={client.risk.band} outOfDate={!client.risk.current} />
            ) : (
              <span className="muted small">{t('risk.notScored')}</span>
            )}
          </td>
          <td>{client.company}</td>
          <td className="col-email">{client.email}</td>
          <td className="col-currency">{client.currency}</td>
          <td>
            <ul className="tag-list">
              {client.tags.map((tag) => (
                <li key={tag} className="tag">
                  {tag}
                </li>
              ))}
            </ul>
          </td>
        </>
      )}
    />
  );
}
