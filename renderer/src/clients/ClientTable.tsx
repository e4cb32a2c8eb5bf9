// The client list as a table: one row per client, the name a button that opens the client record.
import type { Client } from '../../../shared/domain/client.js';
import { useI18n } from '../i18n/I18nProvider.js';

export function ClientTable({ clients, onOpen }: { clients: Client[]; onOpen: (client: Client) => void }) {
  const { t } = useI18n();
  return (
    <table className="data-table client-table">
      <caption className="visually-hidden">{t('clients.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-name">{t('clients.column.name')}</th>
          <th scope="col" className="col-company">{t('clients.column.company')}</th>
          <th scope="col" className="col-email">{t('clients.column.email')}</th>
          <th scope="col" className="col-currency">{t('clients.column.currency')}</th>
          <th scope="col" className="col-tags">{t('clients.column.tags')}</th>
        </tr>
      </thead>
      <tbody>
        {clients.map((client) => (
          // The whole row opens the client for the mouse; the name button is the keyboard's way in
          // (Enter or Space), and its click bubbles up to the same handler.
          <tr key={client.id} className="clickable-row" onClick={() => onOpen(client)}>
            <th scope="row" className="col-name">
              <button type="button" className="row-link">
                {client.name}
              </button>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
