// A client's payment risk as their page shows it: the score and its reasons (today, or as of a
// past day), the score's history and the weights in use — loaded together, and again whenever the
// client's invoices, payments or promises change (here or in another window).
import { useCallback, useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';

export type ClientRisk =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiErrorBody }
  | { status: 'ready'; risk: Output<'risk.client'>; history: Output<'risk.history'>['points']; model: Output<'risk.model'> };

/** `asOf` null: today's score, kept up to date. */
export function useClientRisk(clientId: string, asOf: string | null) {
  const api = useApi();
  const [state, setState] = useState<ClientRisk>({ status: 'loading' });
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let current = true;
    void Promise.all([
      api.call('risk.client', asOf === null ? { clientId } : { clientId, asOf }),
      api.call('risk.history', { clientId }),
      api.call('risk.model', {}),
    ]).then(([risk, history, model]) => {
      if (!current) return;
      if (!risk.ok) return setState({ status: 'failed', error: risk.error });
      if (!history.ok) return setState({ status: 'failed', error: history.error });
      if (!model.ok) return setState({ status: 'failed', error: model.error });
      setState({ status: 'ready', risk: risk.value, history: history.value.points, model: model.value });
    });
    return () => {
      current = false;
    };
  }, [api, clientId, asOf, changes]);

  const reload = useCallback(() => setChanges((count) => count + 1), []);
  useBackendEvent('accounts.changed', (change) => {
    if (change.clientId === clientId) reload();
  });
  return { state, reload };
}
