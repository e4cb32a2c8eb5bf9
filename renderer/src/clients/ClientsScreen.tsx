// Clients: search as you type, page through the list, and open a client record or add a client.
import { useState } from 'react';
import type { Client } from '../../../shared/domain/client.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { useDebouncedValue } from '../ui/useDebouncedValue.js';
import { ClientForm } from './ClientForm.js';
import { ClientTable } from './ClientTable.js';
import { useClientSearch } from './useClientSearch.js';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
const SEARCH_PAUSE_MS = 150;

type OpenForm = { client: Client | null } | null;

export function ClientsScreen() {
  const { language, t } = useI18n();
  const [query, setQuery] = useState('');
  const settledQuery = useDebouncedValue(query.trim(), SEARCH_PAUSE_MS);
  const { search, loadingMore, moreFailed, loadMore, refresh } = useClientSearch(settledQuery);
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const newClient = () => setOpenForm({ client: null });

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{t('clients.title')}</h1>
        <button type="button" className="button button-primary" onClick={newClient}>
          {t('clients.new')}
        </button>
      </div>

      <div className="toolbar">
        <label htmlFor="client-search" className="visually-hidden">
          {t('clients.search')}
        </label>
        <input
          id="client-search"
          className="search-input"
          type="search"
          autoComplete="off"
          placeholder={t('clients.searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>

      {search.status === 'loading' && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}

      {search.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p>{translateApiError(language, search.error)}</p>
          <button type="button" className="button" onClick={refresh}>
            {t('clients.retry')}
          </button>
        </div>
      )}

      {search.status === 'ready' && search.items.length === 0 && search.query === '' && (
        <div className="empty-state">
          <h2>{t('clients.empty.title')}</h2>
          <p>{t('clients.empty.body')}</p>
          <button type="button" className="button button-primary" onClick={newClient}>
            {t('clients.new')}
          </button>
        </div>
      )}

      {search.status === 'ready' && search.items.length === 0 && search.query !== '' && (
        <p className="empty-state" role="status">
          {t('clients.noMatch', { query: search.query })}
        </p>
      )}

      {search.status === 'ready' && search.items.length > 0 && (
        <>
          <ClientTable clients={search.items} onOpen={(client) => setOpenForm({ client })} />
          <div className="list-footer">
            <p className="muted" role="status">
              {t('clients.shown', { count: search.items.length })}
            </p>
            {moreFailed && (
              <p className="field-error" role="alert">
                {translateApiError(language, moreFailed)}
              </p>
            )}
            {search.nextCursor !== null && (
              <button type="button" className="button" onClick={() => void loadMore()} disabled={loadingMore}>
                {loadingMore ? t('shell.loading') : t('clients.loadMore')}
              </button>
            )}
          </div>
        </>
      )}

      {openForm && (
        <ClientForm
          key={openForm.client?.id ?? 'new'}
          client={openForm.client}
          onClose={() => setOpenForm(null)}
          onSaved={() => {
            setOpenForm(null);
            // The clients.changed event refreshes too; this covers a window whose event stream is reconnecting.
            refresh();
          }}
        />
      )}
    </div>
  );
}
