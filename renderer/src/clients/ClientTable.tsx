// The client list as a table: one row per client, the name a link to the client's page. Virtual,
// so 100,000 clients scroll as smoothly as ten.
import type { Client } from '../../../shared/domain/client.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { VirtualTable } from '../ui/VirtualTable.js';

interface ClientTableProps {
  clients: Client[];
  onOpen: (client: Client) => void;
  canLoadMore: boolean;
  onNearEnd: () => void;
  busy: boolean;
}

export function ClientTable({ clients, onOpen, canLoadMore, onNearEnd, busy }: ClientTableProps) {
  const { t } = useI18n();
  return (
    <VirtualTable
      caption={t('clients.caption')}
      className="client-table"
      columnCount={5}
      columns={
        <>
          <th scope="col" className="col-name">{t('clients.column.name')}</th>
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
