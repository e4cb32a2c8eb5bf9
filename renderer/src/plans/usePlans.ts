// The whole price list, archived plans included: the plans screen filters them, and a contract
// on an archived plan still shows its name. Plans change only from this window's own forms (there
// is no plans event), which call `reload`; contract changes move the live-contract counts.
import { useCallback, useEffect, useState } from 'react';
import type { Plan } from '../../../shared/domain/plan.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import type { Loadable } from '../ui/loadable.js';

export type PlanList = Loadable<{ items: Plan[] }>;

export function usePlans() {
  const api = useApi();
  const [plans, setPlans] = useState<PlanList>({ status: 'loading' });
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let current = true;
    void api.call('plans.list', { includeArchived: true }).then((answer) => {
      if (current) setPlans(answer.ok ? { status: 'ready', items: answer.value.items } : { status: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api, changes]);

  const reload = useCallback(() => setChanges((count) => count + 1), []);
  useBackendEvent('contracts.changed', reload);
  return { plans, reload };
}
