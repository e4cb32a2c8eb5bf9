// Invoices (`#/invoices`): every client's invoices, proformas and credit notes, newest first —
// filtered by state and kind, searched by number or client name. A row opens the invoice; the
// client's name opens the client's page (where new invoices are made and payments recorded).
import { useState } from 'react';
import { translateApiError } from '../../../shared/i18n/index.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { ListFooter } from '../ui/ListFooter.js';
import { useBookToday } from '../ui/useBookToday.js';
import { useDebouncedValue } from '../ui/useDebouncedValue.js';
import { InvoiceDialog } from './InvoiceDialog.js';
import { InvoiceFilterBar } from './InvoiceFilterBar.js';
import { InvoiceTable } from './InvoiceTable.js';
import { useInvoiceSearch, type InvoiceFilters } from './useInvoiceSearch.js';

/** Long enough to skip the keystrokes of a number being typed, short enough to feel immediate. */
const SEARCH_PAUSE_MS = 150;

export function InvoicesScreen({ filters, onFiltersChange }: { filters: InvoiceFilters; onFiltersChange: (filters: InvoiceFilters) => void }) {
  const { language, t } = useI18n();
  const settledFilters = useDebouncedValue(filters, SEARCH_PAUSE_MS);
  const { list, loadingMore, moreFailed, loadMore, refresh } = useInvoiceSearch(settledFilters);
  const today = useBookToday();
  const [openInvoice, setOpenInvoice] = useState<string | null>(null);
  const problem = list.status === 'failed' ? list.error : today.status === 'failed' ? today.error : null;

  return (
    <div className="screen screen-list">
      <div className="screen-header">
        <h1>{t('invoices.title')}</h1>
        <a className="button" href={hrefOf({ name: 'printBatch' })}>
          {t('printBatch.title')}
        </a>
      </div>
      <p className="screen-intro muted">{t('invoices.intro')}</p>

      <InvoiceFilterBar idPrefix="invoices" filters={filters} onChange={onFiltersChange} searchByClient />

      {(list.status === 'loading' || today.status === 'loading') && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}

      {problem && (
        <div className="notice notice-error" role="alert">
          <p>{translateApiError(language, problem)}</p>
          <button type="button" className="button" onClick={refresh}>
            {t('list.retry')}
          </button>
        </div>
      )}

      {list.status === 'ready' && list.items.length === 0 && (
        <p className="empty-state" role="status">
          {t('invoices.noMatch')}
        </p>
      )}

      {list.status === 'ready' && today.status === 'ready' && list.items.length > 0 && (
        <>
          <InvoiceTable
            key={JSON.stringify(list.filters)}
            caption={t('invoices.caption')}
            invoices={list.items}
            today={today.today}
            showClient
            onOpen={(invoice) => setOpenInvoice(invoice.id)}
            canLoadMore={list.nextCursor !== null && !moreFailed}
            onNearEnd={() => void loadMore()}
            busy={loadingMore}
          />
          <ListFooter shown={t('invoices.shown', { count: list.items.length })} hasMore={list.nextCursor !== null} loadingMore={loadingMore} moreFailed={moreFailed} onLoadMore={() => void loadMore()} />
        </>
      )}

      {openInvoice && <InvoiceDialog invoiceId={openInvoice} showClientLink onClose={() => setOpenInvoice(null)} />}
    </div>
  );
}
