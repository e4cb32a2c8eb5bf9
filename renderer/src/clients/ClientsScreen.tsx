// Clients: search as you type (names, companies, emails, tags, contract domains), filter by status,
// tag, currency and country, scroll through the list (pages are fetched as the end comes near),
// open a client's page or add a client. An empty book offers the sample book.
import { useState } from 'react';
import type { Output } from '../../../shared/api/methods.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { navigate } from '../app/useRoute.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ListFooter } from '../ui/ListFooter.js';
import { useDebouncedValue } from '../ui/useDebouncedValue.js';
import { ClientFilterBar } from './ClientFilterBar.js';
import { ClientForm } from './ClientForm.js';
import { ClientTable } from './ClientTable.js';
import { EmptyBook } from './EmptyBook.js';
import { isEveryCurrentClient, useClientSearch, type ClientFilters } from './useClientSearch.js';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
const SEARCH_PAUSE_MS = 150;

interface ClientsScreenProps {
  filters: ClientFilters;
  onFiltersChange: (filters: ClientFilters) => void;
}

export function ClientsScreen({ filters, onFiltersChange }: ClientsScreenProps) {
  const { language, t } = useI18n();
  const settledFilters = useDebouncedValue(filters, SEARCH_PAUSE_MS);
  const { list, loadingMore, moreFailed, loadMore, refresh } = useClientSearch(settledFilters);
  const [addingClient, setAddingClient] = useState(false);
  const [sampleLoaded, setSampleLoaded] = useState<Output<'demo.load'> | null>(null);

  // A code the backend does not know (currency "XYZ") is shown beside its filter box.
  const filterErrors = list.status === 'failed' && list.error.code === 'invalid_input' ? (list.error.details?.fields ?? []) : [];

  return (
    <div className="screen screen-list">
      <div className="screen-header">
        <h1>{t('clients.title')}</h1>
        <button type="button" className="button button-primary" onClick={() => setAddingClient(true)}>
          {t('clients.new')}
        </button>
      </div>

      <ClientFilterBar filters={filters} onChange={onFiltersChange} errors={filterErrors} />

      {sampleLoaded && (
        <div className="notice notice-success" role="status">
          <p>{t('sampleBook.loaded', { plans: sampleLoaded.plans, clients: sampleLoaded.clients, contracts: sampleLoaded.contracts })}</p>
          <button type="button" className="button" onClick={() => setSampleLoaded(null)}>
            {t('form.dismiss')}
          </button>
        </div>
      )}

      {list.status === 'loading' && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}

      {list.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p>{translateApiError(language, list.error)}</p>
          {filterErrors.length === 0 && (
            <button type="button" className="button" onClick={refresh}>
              {t('list.retry')}
            </button>
          )}
        </div>
      )}

      {list.status === 'ready' && list.items.length === 0 && isEveryCurrentClient(list.filters) && (
        <EmptyBook
          onNewClient={() => setAddingClient(true)}
          onSampleLoaded={(summary) => {
            setSampleLoaded(summary);
            refresh();
          }}
        />
      )}

      {list.status === 'ready' && list.items.length === 0 && !isEveryCurrentClient(list.filters) && (
        <p className="empty-state" role="status">
          {list.filters.query ? t('clients.noMatch', { query: list.filters.query }) : t('clients.noMatchFilters')}
        </p>
      )}

      {list.status === 'ready' && list.items.length > 0 && (
        <>
          <ClientTable
            // A new search starts at the top of its list, not where the last one was scrolled to.
            key={JSON.stringify(list.filters)}
            clients={list.items}
            order={filters.order}
            onOrderChange={(order) => onFiltersChange({ ...filters, order })}
            onOpen={(client) => navigate({ name: 'client', id: client.id })}
            canLoadMore={list.nextCursor !== null && !moreFailed}
            onNearEnd={() => void loadMore()}
            busy={loadingMore}
          />
          <ListFooter
            shown={t('clients.shown', { count: list.items.length })}
            hasMore={list.nextCursor !== null}
            loadingMore={loadingMore}
            moreFailed={moreFailed}
            onLoadMore={() => void loadMore()}
          />
        </>
      )}

      {addingClient && (
        <ClientForm
          client={null}
          onClose={() => setAddingClient(false)}
          onSaved={() => {
            setAddingClient(false);
            // The clients.changed event refreshes too; this covers a window whose event stream is reconnecting.
            refresh();
          }}
        />
      )}
    </div>
  );
}
