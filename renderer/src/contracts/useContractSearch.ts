// The contracts view behind its search box and filters: paged in SQL by next due date, refreshed
// whenever a contract changes or a client is renamed (the list shows client names).
import type { Input } from '../../../shared/api/methods.js';
import type { Contract, ContractStatus } from '../../../shared/domain/contract.js';
import type { PanelKind } from '../../../shared/domain/panel.js';
import type { ServiceKind } from '../../../shared/domain/plan.js';
import { useBackendEvent } from '../api/ApiProvider.js';
import { usePagedList, type PageFetcher } from '../ui/usePagedList.js';

/** "Due in the next N days" choices. */
export const DUE_WITHIN_CHOICES = [7, 30, 90] as const;

/** The search box and filters as chosen; an empty choice means "any". */
export interface ContractFilters {
  query: string;
  statuses: ContractStatus[];
  kind: ServiceKind | '';
  panelKind: PanelKind | '';
  dueWithinDays: (typeof DUE_WITHIN_CHOICES)[number] | null;
  termReviewDue: boolean;
}

/** What the contracts view starts with: the services that still run. */
export const LIVE_CONTRACTS: ContractFilters = { query: '', statuses: ['active', 'restricted', 'suspended'], kind: '', panelKind: '', dueWithinDays: null, termReviewDue: false };

export function searchInputOf(filters: ContractFilters): Input<'contracts.search'> {
  const input: Input<'contracts.search'> = { query: filters.query.trim() };
  // No status ticked means any status, as an empty filter does everywhere else.
  if (filters.statuses.length > 0) input.status = filters.statuses;
  if (filters.kind) input.kind = [filters.kind];
  if (filters.panelKind) input.panelKind = [filters.panelKind];
  if (filters.dueWithinDays !== null) input.dueWithinDays = filters.dueWithinDays;
  if (filters.termReviewDue) input.termReviewDue = true;
  return input;
}

const fetchContracts: PageFetcher<Contract, Input<'contracts.search'>> = (api, input, page) => api.call('contracts.search', { ...input, ...page });

export function useContractSearch(filters: ContractFilters) {
  const paged = usePagedList(searchInputOf(filters), fetchContracts);
  useBackendEvent('contracts.changed', paged.refresh);
  useBackendEvent('clients.changed', paged.refresh);
  return paged;
}
