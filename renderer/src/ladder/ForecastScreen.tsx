// The desk's Forecast tab (`#/desk/forecast`): what the ladder would do over the next 30 days if
// nobody pays — totals per step first, then day by day — from the same pure ladder as the desk.
import { useEffect, useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatColumnDate, formatDate } from '../ui/formatting.js';
import { noticeText } from '../ui/refusalText.js';
import { byDate, totalsByStep } from './deskLines.js';
import { DeskTabs } from './DeskTabs.js';
import { stepLabel } from './ladderText.js';
import './ladder.css';

type Forecast = Output<'dunning.forecast'>;

export function ForecastScreen() {
  const api = useApi();
  const { language, t } = useI18n();
  const [forecast, setForecast] = useState<Forecast | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [version, setVersion] = useState(0);
  useBackendEvent('dunning.ran', () => setVersion((v) => v + 1));

  useEffect(() => {
    let current = true;
    void api.call('dunning.forecast', { days: 30 }).then((answer) => {
      if (!current) return;
      setForecast(answer.ok ? answer.value : null);
      setProblem(answer.ok ? null : answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, version]);

  return (
    <div className="screen forecast-screen">
      <div className="screen-header">
        <h1>{t('desk.title')}</h1>
      </div>
      <DeskTabs current="forecast" />
      <p className="screen-intro muted">
        {t('forecast.intro')} {forecast && t('forecast.range', { from: formatDate(forecast.from, language), through: formatDate(forecast.through, language) })}
      </p>
      {problem && (
        <p className="notice notice-error" role="alert">
          {noticeText(language, problem, [])}
        </p>
      )}
      {!forecast && !problem && (
        <p className="muted" role="status">
          {t('forecast.loading')}
        </p>
      )}
      {forecast && forecast.entries.length === 0 && <p className="empty-state empty-state-compact">{t('forecast.none')}</p>}
      {forecast && forecast.entries.length > 0 && <ForecastTables forecast={forecast} />}
    </div>
  );
}

function ForecastTables({ forecast }: { forecast: Forecast }) {
  const { language, t } = useI18n();
  const money = (byCurrency: Record<string, number>) =>
    Object.entries(byCurrency)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, minor]) => formatMoney(minor, currency, language))
      .join(t('list.separator'));
  const totals = totalsByStep(forecast.entries.map((entry) => entry.line));
  return (
    <>
      <section className="page-section" aria-labelledby="forecast-totals">
        <h2 id="forecast-totals" className="section-title">
          {t('forecast.totals')}
        </h2>
        <table className="data-table compact-table forecast-totals">
          <thead>
            <tr>
              <th scope="col">{t('forecast.col.step')}</th>
              <th scope="col" className="col-quantity">
                {t('forecast.col.lines')}
              </th>
              <th scope="col" className="col-money">
                {t('forecast.col.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {totals.map((total) => (
              <tr key={total.stepKey} data-step={total.stepKey}>
                <th scope="row">{stepLabel(t, total.actions, total.offsets)}</th>
                <td className="col-quantity">{total.count}</td>
                <td className="col-money">{money(total.openByCurrency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="page-section" aria-labelledby="forecast-days">
        <h2 id="forecast-days" className="section-title">
          {t('forecast.byDay')}
        </h2>
        <table className="data-table compact-table forecast-table">
          <thead>
            <tr>
              <th scope="col">{t('forecast.col.step')}</th>
              <th scope="col">{t('desk.col.client')}</th>
              <th scope="col">{t('desk.col.invoice')}</th>
              <th scope="col" className="col-money">
                {t('desk.col.open')}
              </th>
            </tr>
          </thead>
          {byDate(forecast.entries).map((day) => (
            <tbody key={day.date} className="forecast-day">
              <tr>
                <th scope="rowgroup" colSpan={4}>
                  {formatColumnDate(day.date, language)}
                </th>
              </tr>
              {day.entries.map(({ line }) => (
                <tr key={`${line.invoiceId}|${line.stepKey}`}>
                  <td>
                    {stepLabel(t, line.actions, [line.offsetDays])}
                    {line.needsApproval && <span className="badge badge-restricted">{t('desk.asks')}</span>}
                  </td>
                  <td>
                    <a href={hrefOf({ name: 'client', id: line.clientId })}>{line.clientName}</a>
                  </td>
                  <td>{line.invoiceNumber}</td>
                  <td className="col-money">{formatMoney(line.openMinor, line.currency, language)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </section>
    </>
  );
}
