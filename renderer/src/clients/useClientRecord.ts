// Everything a client's page shows — the client, their contracts and their activity — loaded
// together and refreshed when the client or one of their contracts changes (here or elsewhere).
import { useCallback, useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Client, TimelineEntry } from '../../../shared/domain/client.js';
import type { Contract } from '../../../shared/domain/contract.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';

/** How much activity the page shows; older entries stay in the audit log. */
export const TIMELINE_LENGTH = 100;

export type ClientRecord =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiErrorBody }
  | { status: 'ready'; client: Client; contracts: Contract[]; timeline: TimelineEntry[] };

export function useClientRecord(clientId: string) {
  const api = useApi();
  const [record, setRecord] = useState<ClientRecord>({ status: 'loading' });
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let current = true;
    void Promise.all([
      api.call('clients.get', { id: clientId }),
      api.call('contracts.listByClient', { clientId }),
      api.call('clients.timeline', { id: clientId, limit: TIMELINE_LENGTH }),
    ]).then(([client, contracts, timeline]) => {
      if (!current) return;
      const failed = [client, contracts, timeline].find((answer) => !answer.ok);
      if (failed && !failed.ok) return setRecord({ status: 'failed', error: failed.error });
      if (client.ok && contracts.ok && timeline.ok) setRecord({ status: 'ready', client: client.value, contracts: contracts.value.items, timeline: timeline.value.items });
    });
    return () => {
      current = false;
    };
  }, [api, clientId, changes]);

  const reload = useCallback(() => setChanges((count) => count + 1), []);
  useBackendEvent('clients.changed', (change) => {
    if (change.id === clientId) reload();
  });
  useBackendEvent('contracts.changed', (change) => {
    if (change.clientId === clientId) reload();
  });
  return { record, reload };
}
