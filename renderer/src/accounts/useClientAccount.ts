// A client's account at a glance — balance, open, overdue, credit, the next renewal — and their
// payments, loaded together with the book's today and refreshed whenever the client's account
// changes (here, in another window, or by the billing run).
import { useCallback, useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import type { Payment } from '../../../shared/domain/invoice.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';

export type AccountSummary = Output<'accounts.summary'>;

export type ClientAccountState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiErrorBody }
  | { status: 'ready'; summary: AccountSummary; payments: Payment[]; today: string };

export function useClientAccount(clientId: string) {
  const api = useApi();
  const [account, setAccount] = useState<ClientAccountState>({ status: 'loading' });
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let current = true;
    void Promise.all([api.call('accounts.summary', { clientId }), api.call('payments.listByClient', { clientId }), api.call('app.info', {})]).then(([summary, payments, info]) => {
      if (!current) return;
      if (!summary.ok) return setAccount({ status: 'failed', error: summary.error });
      if (!payments.ok) return setAccount({ status: 'failed', error: payments.error });
      if (!info.ok) return setAccount({ status: 'failed', error: info.error });
      setAccount({ status: 'ready', summary: summary.value, payments: payments.value.items, today: info.value.today });
    });
    return () => {
      current = false;
    };
  }, [api, clientId, changes]);

  const reload = useCallback(() => setChanges((count) => count + 1), []);
  useBackendEvent('accounts.changed', (change) => {
    if (change.clientId === clientId) reload();
  });
  // A contract's price or next due date moves the next renewal.
  useBackendEvent('contracts.changed', (change) => {
    if (change.clientId === clientId) reload();
  });
  return { account, reload };
}
