// The client list behind the search box and filters: paged in SQL, refreshed whenever clients are
// created or changed (here or in another window) and when contracts change (a new domain makes a
// client findable by it).
import type { Input } from '../../../shared/api/methods.js';
import type { Client } from '../../../shared/domain/client.js';
import { useBackendEvent } from '../api/ApiProvider.js';
import { usePagedList, type PageFetcher } from '../ui/usePagedList.js';

export type ClientStatusFilter = 'active' | 'archived' | 'all';

/** The search box and filters as typed. */
export interface ClientFilters {
  query: string;
  status: ClientStatusFilter;
  tag: string;
  currency: string;
  country: string;
}

export const ALL_CLIENTS: ClientFilters = { query: '', status: 'active', tag: '', currency: '', country: '' };

/** Whether a search asks for every current client: then an empty answer means there are none at all. */
export const isEveryCurrentClient = (input: Input<'clients.search'>) =>
  !input.query && (input.status ?? 'active') === 'active' && !input.tag && !input.currency && !input.country;

/**
 * The search as the API takes it. A currency or country code is only sent once it has its full
 * length, so a half-typed code does not flash an error; a complete code the backend does not know
 * comes back as a field error beside its box.
 */
export function searchInputOf(filters: ClientFilters): Input<'clients.search'> {
  const input: Input<'clients.search'> = { query: filters.query.trim(), status: filters.status };
  if (filters.tag.trim()) input.tag = filters.tag.trim();
  if (/^[a-z]{3}$/i.test(filters.currency.trim())) input.currency = filters.currency.trim();
  if (/^[a-z]{2}$/i.test(filters.country.trim())) input.country = filters.country.trim();
  return input;
}

const fetchClients: PageFetcher<Client, Input<'clients.search'>> = (api, input, page) => api.call('clients.search', { ...input, ...page });

export function useClientSearch(filters: ClientFilters) {
  const paged = usePagedList(searchInputOf(filters), fetchClients);
  useBackendEvent('clients.changed', paged.refresh);
  useBackendEvent('contracts.changed', paged.refresh);
  return paged;
}
