// Contracts: every client's services in one list by next due date — search by label or domain,
// panel account or client name, and filter by status, kind, panel, what falls due soon and which
// terms are due for review. A row opens the contract; the client's name opens the client's page.
import { useState } from 'react';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ListFooter } from '../ui/ListFooter.js';
import { useDebouncedValue } from '../ui/useDebouncedValue.js';
import { ContractDialog } from './ContractDialog.js';
import { ContractFilterBar } from './ContractFilterBar.js';
import { ContractTable } from './ContractTable.js';
import { useContractSearch, type ContractFilters } from './useContractSearch.js';

/** Long enough to skip the keystrokes of a word being typed, short enough to feel immediate. */
const SEARCH_PAUSE_MS = 150;

export function ContractsScreen({ filters, onFiltersChange }: { filters: ContractFilters; onFiltersChange: (filters: ContractFilters) => void }) {
  const { language, t } = useI18n();
  const settledFilters = useDebouncedValue(filters, SEARCH_PAUSE_MS);
  const { list, loadingMore, moreFailed, loadMore, refresh } = useContractSearch(settledFilters);
  const [openContract, setOpenContract] = useState<string | null>(null);

  return (
    <div className="screen screen-list">
      <div className="screen-header">
        <h1>{t('contracts.title')}</h1>
      </div>

      <ContractFilterBar filters={filters} onChange={onFiltersChange} />

      {list.status === 'loading' && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}

      {list.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p>{translateApiError(language, list.error)}</p>
          <button type="button" className="button" onClick={refresh}>
            {t('list.retry')}
          </button>
        </div>
      )}

      {list.status === 'ready' && list.items.length === 0 && (
        <p className="empty-state" role="status">
          {t('contracts.noMatch')}
        </p>
      )}

      {list.status === 'ready' && list.items.length > 0 && (
        <>
          <ContractTable
            // A new search starts at the top of its list, not where the last one was scrolled to.
            key={JSON.stringify(list.filters)}
            contracts={list.items}
            onOpen={(contract) => setOpenContract(contract.id)}
            canLoadMore={list.nextCursor !== null && !moreFailed}
            onNearEnd={() => void loadMore()}
            busy={loadingMore}
          />
          <ListFooter
            shown={t('contracts.shown', { count: list.items.length })}
            hasMore={list.nextCursor !== null}
            loadingMore={loadingMore}
            moreFailed={moreFailed}
            onLoadMore={() => void loadMore()}
          />
        </>
      )}

      {openContract && <ContractDialog contractId={openContract} showClientLink onClose={() => setOpenContract(null)} />}
    </div>
  );
}
