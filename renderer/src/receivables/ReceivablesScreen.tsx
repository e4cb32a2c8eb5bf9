// Receivables (`#/receivables`): what clients owe by how long it is past due — not yet due, 1–30,
// 31–60, 61–90 and over 90 days — totalled per currency (no amounts in different currencies are
// ever added up) and per client, largest first within each currency. An earlier "as of" date shows what was owed then.
import { useEffect, useState, type ReactNode } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { TextField } from '../ui/Field.js';
import { formatDate } from '../ui/formatting.js';
import { noticeText } from '../ui/refusalText.js';
import { useBookToday } from '../ui/useBookToday.js';
import { useSettledChanges } from '../ui/useSettledChanges.js';
import { AgingTable } from './AgingTable.js';
import type { Loadable } from '../ui/loadable.js';

/** The most clients listed in each currency; the totals always cover every client. */
export const AGING_CLIENTS = 200;

type Aging = Output<'reports.aging'>;

/** Whether a currency has more clients owing than the list holds (the backend lists at most AGING_CLIENTS per currency). */
const someLeftOut = (aging: Aging) => aging.totals.some((total) => aging.clients.filter((client) => client.currency === total.currency).length >= AGING_CLIENTS);
type Report = Loadable<{ aging: Aging }>;

export function ReceivablesScreen() {
  const today = useBookToday();
  if (today.status !== 'ready') return <AgingFrame>{today.status === 'failed' ? <ReportProblem error={today.error} /> : <Loading />}</AgingFrame>;
  return <AgingReport today={today.today} />;
}

function AgingFrame({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{t('receivables.title')}</h1>
      </div>
      <p className="screen-intro muted">{t('receivables.intro')}</p>
      {children}
    </div>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('shell.loading')}
    </p>
  );
}

function ReportProblem({ error }: { error: ApiErrorBody }) {
  const { language } = useI18n();
  return (
    <p className="notice notice-error" role="alert">
      {noticeText(language, error, [])}
    </p>
  );
}

function AgingReport({ today }: { today: string }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [asOf, setAsOf] = useState(today);
  const [report, setReport] = useState<Report>({ status: 'loading' });
  const changes = useSettledChanges('accounts.changed');
  const complete = /^\d{4}-\d{2}-\d{2}$/.test(asOf);

  useEffect(() => {
    // A date still being typed is not asked for; a complete one the backend refuses shows beside the box.
    if (!complete) return;
    let current = true;
    void api.call('reports.aging', { asOf, limit: AGING_CLIENTS }).then((answer) => {
      if (current) setReport(answer.ok ? { status: 'ready', aging: answer.value } : { status: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api, asOf, complete, changes]);

  const fieldError = report.status === 'failed' ? report.error.details?.fields?.find((error) => error.field === 'asOf') : undefined;

  return (
    <AgingFrame>
      <div className="filter-bar">
        <TextField
          id="aging-asOf"
          className="filter-date"
          label={t('receivables.asOf')}
          type="date"
          max={today}
          hint={t('receivables.asOfHint')}
          value={asOf}
          error={fieldError ? fieldErrorText(language, fieldError) : undefined}
          onChange={(event) => setAsOf(event.target.value)}
        />
        {asOf !== today && (
          <button type="button" className="button filter-button" onClick={() => setAsOf(today)}>
            {t('receivables.today')}
          </button>
        )}
      </div>
      {report.status === 'loading' && <Loading />}
      {report.status === 'failed' && !fieldError && <ReportProblem error={report.error} />}
      {report.status === 'ready' && report.aging.totals.length === 0 && (
        <p className="empty-state" role="status">
          {t('receivables.nothingOwed', { date: formatDate(report.aging.asOf, language) })}
        </p>
      )}
      {report.status === 'ready' && report.aging.totals.length > 0 && (
        <>
          <section className="page-section" aria-labelledby="aging-totals-heading">
            <h2 id="aging-totals-heading" className="section-title">
              {t('receivables.totals', { date: formatDate(report.aging.asOf, language) })}
            </h2>
            <AgingTable rows={report.aging.totals.map((total) => ({ key: total.currency, currency: total.currency, buckets: total.buckets, totalMinor: total.totalMinor }))} caption={t('receivables.totalsCaption')} />
          </section>
          <section className="page-section" aria-labelledby="aging-clients-heading">
            <h2 id="aging-clients-heading" className="section-title">
              {t('receivables.byClient')}
            </h2>
            <AgingTable
              rows={report.aging.clients.map((client) => ({ key: `${client.clientId}:${client.currency}`, client: { id: client.clientId, name: client.clientName }, currency: client.currency, buckets: client.buckets, totalMinor: client.totalMinor }))}
              caption={t('receivables.clientsCaption')}
            />
            {someLeftOut(report.aging) && <p className="muted small">{t('receivables.largestShown', { count: AGING_CLIENTS })}</p>}
          </section>
        </>
      )}
    </AgingFrame>
  );
}
