// Settings → Billing (`#/settings/billing`): how the book bills, the billing run and its preview,
// invoice numbering, the tax rates, the period lock and "Check the books". What belongs to the books lives in the book (DESIGN §3), so all of it is
// backed up with the data.
import { useCallback, useEffect, useState } from 'react';
import type { BillingSettings } from '../../../shared/billing/settings.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { TaxRate } from '../invoices/invoiceDraftValues.js';
import { BillingRunPanel } from './BillingRunPanel.js';
import { BillingSettingsForm } from './BillingSettingsForm.js';
import { BooksCheckPanel } from './BooksCheckPanel.js';
import { NumberSeriesPanel } from './NumberSeriesPanel.js';
import { PeriodLockPanel } from './PeriodLockPanel.js';
import { SettingsNav } from './SettingsNav.js';
import { TaxRatesPanel } from './TaxRatesPanel.js';
import type { Loadable } from '../ui/loadable.js';

type Loaded = Loadable<{ settings: BillingSettings; rates: TaxRate[]; today: string }>;

export function BillingSettingsScreen() {
  const api = useApi();
  const { language, t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let current = true;
    void Promise.all([api.call('billingSettings.get', {}), api.call('taxRates.list', {}), api.call('app.info', {})]).then(([settings, rates, info]) => {
      if (!current) return;
      if (!settings.ok) return setLoaded({ status: 'failed', error: settings.error });
      if (!rates.ok) return setLoaded({ status: 'failed', error: rates.error });
      if (!info.ok) return setLoaded({ status: 'failed', error: info.error });
      setLoaded({ status: 'ready', settings: settings.value, rates: rates.value.items, today: info.value.today });
    });
    return () => {
      current = false;
    };
  }, [api, changes]);
  const reload = useCallback(() => setChanges((count) => count + 1), []);
  const settingsChanged = (settings: BillingSettings) => setLoaded((current) => (current.status === 'ready' ? { ...current, settings } : current));

  return (
    <div className="screen settings-screen">
      <div className="screen-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <SettingsNav current="billingSettings" />
      {loaded.status === 'loading' && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}
      {loaded.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p>{translateApiError(language, loaded.error)}</p>
          <button type="button" className="button" onClick={reload}>
            {t('list.retry')}
          </button>
        </div>
      )}
      {loaded.status === 'ready' && (
        <>
          <BillingSettingsForm settings={loaded.settings} rates={loaded.rates} onSaved={settingsChanged} />
          <BillingRunPanel />
          <NumberSeriesPanel />
          <TaxRatesPanel rates={loaded.rates} defaultTaxRateId={loaded.settings.defaultTaxRateId} onChanged={reload} />
          <PeriodLockPanel lockDate={loaded.settings.lockDate} today={loaded.today} onLocked={settingsChanged} />
          <BooksCheckPanel />
        </>
      )}
    </div>
  );
}
