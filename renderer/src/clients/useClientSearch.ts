// The client list behind the search box and filters: paged in SQL, refreshed whenever clients are
// created or changed (here or in another window) and when contracts change (a new domain makes a
// client findable by it).
import { useCallback, useEffect, useRef } from 'react';
import type { Input } from '../../../shared/api/methods.js';
import type { ClientListItem, ClientSearchOrder } from '../../../shared/domain/client.js';
import type { RiskBand } from '../../../shared/risk/model.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { usePagedList, type PageFetcher } from '../ui/usePagedList.js';

export type ClientStatusFilter = 'active' | 'archived' | 'all';

/** The search box and filters as typed. */
export interface ClientFilters {
  query: string;
  status: ClientStatusFilter;
  tag: string;
  currency: string;
  country: string;
  /** A risk band, or '' for any. */
  band: RiskBand | '';
  order: ClientSearchOrder;
}

export const ALL_CLIENTS: ClientFilters = { query: '', status: 'active', tag: '', currency: '', country: '', band: '', order: 'name' };

/** Whether a search asks for every current client: then an empty answer means there are none at all. */
export const isEveryCurrentClient = (input: Input<'clients.search'>) =>
  !input.query && (input.status ?? 'active') === 'active' && !input.tag && !input.currency && !input.country && !input.band;

/**
 * The search as the API takes it. A currency or country code is only sent once it has its full
 * length, so a half-typed code does not flash an error; a complete code the backend does not know
 * comes back as a field error beside its box.
 */
export function searchInputOf(filters: ClientFilters): Input<'clients.search'> {
  const input: Input<'clients.search'> = { query: filters.query.trim(), status: filters.status, order: filters.order };
  if (filters.band) input.band = filters.band;
  if (filters.tag.trim()) input.tag = filters.tag.trim();
  if (/^[a-z]{3}$/i.test(filters.currency.trim())) input.currency = filters.currency.trim();
  if (/^[a-z]{2}$/i.test(filters.country.trim())) input.country = filters.country.trim();
  return input;
}

const fetchClients: PageFetcher<ClientListItem, Input<'clients.search'>> = (api, input, page) => api.call('clients.search', { ...input, ...page });

export function useClientSearch(filters: ClientFilters) {
  const api = useApi();
  const paged = usePagedList(searchInputOf(filters), fetchClients);
  useBackendEvent('clients.changed', paged.refresh);
  useBackendEvent('contracts.changed', paged.refresh);
  // The search shows scores as stored. When rows in view were never scored or changed since (a
  // sample book just loaded, a payment recorded), or a client's invoices or payments change
  // anywhere in the book (which can move them in a risk order), ask the backend to bring the stale
  // scores up to date, then show the list again.
  const { list, refresh } = paged;
  const rescoring = useRef(false);
  const rescore = useCallback(() => {
    if (rescoring.current) return;
    rescoring.current = true;
    void api.call('risk.refresh', {}).then((answer) => {
      if (answer.ok) refresh();
      // A failure leaves the stored scores shown for a minute rather than retrying in a loop.
      setTimeout(() => (rescoring.current = false), answer.ok ? 0 : 60_000);
    });
  }, [api, refresh]);
  useBackendEvent('accounts.changed', rescore);
  const hasOutdated = list.status === 'ready' && list.items.some((client) => client.risk === null || !client.risk.current);
  useEffect(() => {
    if (hasOutdated) rescore();
  }, [hasOutdated, rescore]);
  return paged;
}
