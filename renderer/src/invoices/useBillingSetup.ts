// What every billing form needs before it can open: the tax rates, the book's billing settings
// (tax mode, default rate, payment terms) and the book's today. Loaded together, so a form never
// opens half complete.
import { useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { BillingSettings } from '../../../shared/billing/settings.js';
import { useApi } from '../api/ApiProvider.js';
import type { TaxRate } from './invoiceDraftValues.js';

export type BillingSetup =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiErrorBody }
  | { status: 'ready'; rates: TaxRate[]; settings: BillingSettings; today: string };

export function useBillingSetup(): BillingSetup {
  const api = useApi();
  const [setup, setSetup] = useState<BillingSetup>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void Promise.all([api.call('taxRates.list', {}), api.call('billingSettings.get', {}), api.call('app.info', {})]).then(([rates, settings, info]) => {
      if (!current) return;
      if (!rates.ok) return setSetup({ status: 'failed', error: rates.error });
      if (!settings.ok) return setSetup({ status: 'failed', error: settings.error });
      if (!info.ok) return setSetup({ status: 'failed', error: info.error });
      setSetup({ status: 'ready', rates: rates.value.items, settings: settings.value, today: info.value.today });
    });
    return () => {
      current = false;
    };
  }, [api]);
  return setup;
}
