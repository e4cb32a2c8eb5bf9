// Dashboard (`#/dashboard`): "how is my money?" in one currency at a time (the most used one
// first; amounts in different currencies are never added up). Every chart leads to the list
// behind it: a click on a bar opens that list filtered, and each card's link opens it for the
// keyboard. The figures are also a table under each chart, and the page prints (reports.css).
import { useEffect, useState } from 'react';
import type { Output } from '../../../shared/api/methods.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SelectField } from '../ui/Field.js';
import { noticeText } from '../ui/refusalText.js';
import { useSettledChanges } from '../ui/useSettledChanges.js';
import { AgingChart, CashChart, ExpectedChart, LadderChart, MrrChart, RiskBandChart } from './DashboardCharts.js';
import { KeyFigures } from './KeyFigures.js';
import type { RiskBand } from '../../../shared/risk/model.js';
import './dashboard.css';
import type { Loadable } from '../ui/loadable.js';

export type Dashboard = Output<'dashboard.data'>;
type Load = Loadable<{ data: Dashboard }>;

export function DashboardScreen({ onRiskBand }: { onRiskBand: (band: RiskBand) => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [currency, setCurrency] = useState<string | undefined>(undefined);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const accounts = useSettledChanges('accounts.changed');
  const contracts = useSettledChanges('contracts.changed');

  useEffect(() => {
    let current = true;
    void api.call('dashboard.data', currency ? { currency } : {}).then((answer) => {
      if (current) setLoad(answer.ok ? { status: 'ready', data: answer.value } : { status: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api, currency, accounts, contracts]);

  return (
    <div className="screen dashboard">
      <div className="screen-header">
        <h1>{t('dashboard.title')}</h1>
        <div className="screen-actions">
          {load.status === 'ready' && load.data.currencies.length > 1 && (
            <SelectField id="dashboard-currency" className="dashboard-currency" label={t('dashboard.currency')} value={load.data.currency ?? ''} onChange={(event) => setCurrency(event.target.value)}>
              {load.data.currencies.map((c) => (
                <option key={c.currency} value={c.currency}>
                  {c.currency}
                </option>
              ))}
            </SelectField>
          )}
          <button type="button" className="button no-print" onClick={() => window.print()}>
            {t('dashboard.print')}
          </button>
        </div>
      </div>
      <p className="screen-intro muted">{t('dashboard.intro')}</p>
      {load.status === 'loading' && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}
      {load.status === 'failed' && (
        <p className="notice notice-error" role="alert">
          {noticeText(language, load.error, [])}
        </p>
      )}
      {load.status === 'ready' && load.data.currency === null && (
        <p className="empty-state" role="status">
          {t('dashboard.empty')}
        </p>
      )}
      {load.status === 'ready' && load.data.currency !== null && <DashboardBody data={load.data} currency={load.data.currency} onRiskBand={onRiskBand} />}
    </div>
  );
}

function DashboardBody({ data, currency, onRiskBand }: { data: Dashboard; currency: string; onRiskBand: (band: RiskBand) => void }) {
  return (
    <>
      <KeyFigures data={data} currency={currency} />
      <div className="dashboard-grid">
        <MrrChart data={data} currency={currency} />
        <CashChart data={data} currency={currency} />
        <AgingChart data={data} currency={currency} />
        <LadderChart data={data} currency={currency} />
        <RiskBandChart data={data} onBand={onRiskBand} />
        <ExpectedChart data={data} currency={currency} />
      </div>
    </>
  );
}
