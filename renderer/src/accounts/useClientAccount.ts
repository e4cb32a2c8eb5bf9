// A client's account at a glance — balance, open, overdue, credit, the next renewal — and their
// payments, loaded together with the book's today and refreshed whenever the client's account
// changes (here, in another window, or by the billing run).
import { useCallback, useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import type { Payment } from '../../../shared/domain/invoice.js';
import { useApi } from '../api/ApiProvider.js';
import { useSettledChanges } from '../ui/useSettledChanges.js';

export type AccountSummary = Output<'accounts.summary'>;

export type ClientAccountState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiErrorBody }
  | { status: 'ready'; summary: AccountSummary; payments: Payment[]; today: string };

export function useClientAccount(clientId: string) {
  const api = useApi();
  const [account, setAccount] = useState<ClientAccountState>({ status: 'loading' });
  const [retries, setRetries] = useState(0);
  const accountChanges = useSettledChanges('accounts.changed', (change) => change.clientId === clientId);
  // A contract's price or next due date moves the next renewal.
  const contractChanges = useSettledChanges('contracts.changed', (change) => change.clientId === clientId);

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
  }, [api, clientId, retries, accountChanges, contractChanges]);

  const retry = useCallback(() => setRetries((count) => count + 1), []);
  return { account, retry };
}
