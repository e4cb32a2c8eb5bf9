// Invoices behind a filter and a search box, paged in SQL newest first, refreshed whenever an
// account changes (an invoice issued, paid, credited or voided — here or in another window) and
// when a client is renamed (the list shows client names).
import type { Input } from '../../../shared/api/methods.js';
import type { Invoice, INVOICE_FILTERS, INVOICE_KINDS } from '../../../shared/domain/invoice.js';
import { useBackendEvent } from '../api/ApiProvider.js';
import { usePagedList, type PageFetcher } from '../ui/usePagedList.js';

export type InvoiceFilter = (typeof INVOICE_FILTERS)[number];
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

export interface InvoiceFilters {
  query: string;
  filter: InvoiceFilter;
  kind: InvoiceKind | '';
}

export const ALL_INVOICES: InvoiceFilters = { query: '', filter: 'all', kind: '' };

/** The search as the API takes it; `clientId` narrows it to one client's account. */
export function searchInputOf(filters: InvoiceFilters, clientId?: string): Input<'invoices.search'> {
  const input: Input<'invoices.search'> = { query: filters.query.trim(), filter: filters.filter };
  if (filters.kind) input.kind = filters.kind;
  if (clientId) input.clientId = clientId;
  return input;
}

const fetchInvoices: PageFetcher<Invoice, Input<'invoices.search'>> = (api, input, page) => api.call('invoices.search', { ...input, ...page });

export function useInvoiceSearch(filters: InvoiceFilters, clientId?: string) {
  const paged = usePagedList(searchInputOf(filters, clientId), fetchInvoices);
  useBackendEvent('accounts.changed', (change) => {
    if (!clientId || change.clientId === clientId) paged.refresh();
  });
  useBackendEvent('clients.changed', paged.refresh);
  return paged;
}
