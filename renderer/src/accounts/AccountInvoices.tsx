// Every invoice, proforma and credit note of one client, newest first, with the same filters as
// the invoices screen. A row opens the invoice (a draft opens in the editor).
import { useState } from 'react';
import type { Invoice } from '../../../shared/domain/invoice.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { InvoiceFilterBar } from '../invoices/InvoiceFilterBar.js';
import { InvoiceTable } from '../invoices/InvoiceTable.js';
import { ALL_INVOICES, useInvoiceSearch } from '../invoices/useInvoiceSearch.js';
import { ListFooter } from '../ui/ListFooter.js';
import { useDebouncedValue } from '../ui/useDebouncedValue.js';

const SEARCH_PAUSE_MS = 150;

export function AccountInvoices({ clientId, today, onOpen }: { clientId: string; today: string; onOpen: (invoice: Invoice) => void }) {
  const { language, t } = useI18n();
  const [filters, setFilters] = useState(ALL_INVOICES);
  const settled = useDebouncedValue(filters, SEARCH_PAUSE_MS);
  const { list, loadingMore, moreFailed, loadMore, refresh } = useInvoiceSearch(settled, clientId);

  return (
    <div className="account-list">
      <InvoiceFilterBar idPrefix="account-invoices" filters={filters} onChange={setFilters} searchByClient={false} />
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
        <p className="empty-state empty-state-compact" role="status">
          {t(filters === ALL_INVOICES ? 'account.noInvoices' : 'invoices.noMatch')}
        </p>
      )}
      {list.status === 'ready' && list.items.length > 0 && (
        <>
          <InvoiceTable
            key={JSON.stringify(list.filters)}
            caption={t('account.invoicesCaption')}
            invoices={list.items}
            today={today}
            showClient={false}
            onOpen={onOpen}
            canLoadMore={list.nextCursor !== null && !moreFailed}
            onNearEnd={() => void loadMore()}
            busy={loadingMore}
          />
          <ListFooter shown={t('invoices.shown', { count: list.items.length })} hasMore={list.nextCursor !== null} loadingMore={loadingMore} moreFailed={moreFailed} onLoadMore={() => void loadMore()} />
        </>
      )}
    </div>
  );
}
