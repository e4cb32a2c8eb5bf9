// The daily billing run, by hand: it issues the renewal invoices that are due (proformas for
// clients who prepay), bills usage and charges late fees, catching up on days HostLedger was closed
// — and running it twice on a day issues nothing twice. It can take a while on a large book, so it
// shows its progress (job.progress) and can be stopped. The preview shows what the next days will
// issue without writing anything.
import { useEffect, useState } from 'react';
import type { BillingPreviewResult, BillingRunResult } from '../../../shared/api/billingRun.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SelectField } from '../ui/Field.js';
import { formatColumnDate, formatDate, formatInstant } from '../ui/formatting.js';
import { noticeText } from '../ui/refusalText.js';

type RunRecord = Output<'billing.runs'>['items'][number];
type Progress = { jobId: string; done: number; total: number | null };

/** How far ahead the preview looks. */
export const PREVIEW_DAYS = [7, 14, 30] as const;
const RECENT_RUNS = 5;
/** Documents the preview lists; it counts them all. */
const PREVIEW_LIMIT = 100;

function ProgressLine({ label, progress }: { label: string; progress: Progress | null }) {
  const { t } = useI18n();
  const known = progress !== null && progress.total !== null && progress.total > 0;
  return (
    <span className="progress-inline" role="status">
      {known ? <progress className="progress" value={progress.done} max={progress.total!} aria-label={label} /> : <progress className="progress" aria-label={label} />}
      {known ? t('billingRun.progress', { label, done: progress.done, total: progress.total! }) : label}
    </span>
  );
}

export function BillingRunPanel() {
  const api = useApi();
  const { language, t } = useI18n();
  const [runs, setRuns] = useState<RunRecord[]>([]);
  const [runsChanged, setRunsChanged] = useState(0);
  const [running, setRunning] = useState(false);
  const [runProgress, setRunProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<BillingRunResult | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [days, setDays] = useState<(typeof PREVIEW_DAYS)[number]>(14);
  const [previewing, setPreviewing] = useState(false);
  const [previewProgress, setPreviewProgress] = useState<Progress | null>(null);
  const [preview, setPreview] = useState<BillingPreviewResult | null>(null);
  const [previewProblem, setPreviewProblem] = useState<ApiErrorBody | null>(null);

  useEffect(() => {
    let current = true;
    void api.call('billing.runs', { limit: RECENT_RUNS }).then((answer) => {
      if (current && answer.ok) setRuns(answer.value.items);
    });
    return () => {
      current = false;
    };
  }, [api, runsChanged]);

  // Any window may start a run; this one follows the progress of the run (or preview) it asked for.
  useBackendEvent('job.progress', (event) => {
    const progress = { jobId: event.jobId, done: event.done, total: event.total };
    if (event.label === 'billing.run' && running && !event.finished) setRunProgress(progress);
    if (event.label === 'billing.preview' && previewing && !event.finished) setPreviewProgress(progress);
  });

  async function run() {
    setRunning(true);
    setRunProgress(null);
    setResult(null);
    setProblem(null);
    const answer = await api.call('billing.run', {});
    setRunning(false);
    setResult(answer.ok ? answer.value : null);
    setProblem(answer.ok ? null : answer.error);
    setRunsChanged((count) => count + 1);
  }

  async function showPreview() {
    setPreviewing(true);
    setPreviewProgress(null);
    const answer = await api.call('billing.preview', { days, limit: PREVIEW_LIMIT });
    setPreviewing(false);
    setPreview(answer.ok ? answer.value : null);
    setPreviewProblem(answer.ok ? null : answer.error);
  }

  const last = runs.find((record) => record.status === 'finished');
  const money = (minor: number, currency: string) => formatMoney(minor, currency, language);

  return (
    <section className="panel" aria-labelledby="settings-run-heading">
      <h2 id="settings-run-heading" className="panel-title">
        {t('billingRun.title')}
      </h2>
      <p className="muted small panel-intro">{t('billingRun.intro')}</p>
      <p className="lock-state">{last ? t('billingRun.lastRun', { date: formatDate(last.runDate, language), invoices: last.invoicesIssued, lateFees: last.lateFees }) : t('billingRun.neverRun')}</p>

      <div className="button-row">
        <button type="button" className="button button-primary" disabled={running} onClick={() => void run()}>
          {t('billingRun.run')}
        </button>
        {running && (
          <>
            <ProgressLine label={t('billingRun.running')} progress={runProgress} />
            <button type="button" className="button button-small" disabled={runProgress === null} onClick={() => void api.call('billing.cancel', runProgress ? { jobId: runProgress.jobId } : {})}>
              {t('billingRun.cancel')}
            </button>
          </>
        )}
      </div>
      {problem && (
        <p className="notice notice-error run-result" role="alert">
          {noticeText(language, problem, [])}
        </p>
      )}
      {result && <RunResult result={result} />}

      {runs.length > 0 && (
        <table className="data-table compact-table run-table">
          <caption className="run-caption">{t('billingRun.recent')}</caption>
          <thead>
            <tr>
              <th scope="col" className="col-date">{t('billingRun.column.day')}</th>
              <th scope="col">{t('billingRun.column.started')}</th>
              <th scope="col" className="col-quantity">{t('billingRun.column.invoices')}</th>
              <th scope="col" className="col-quantity">{t('billingRun.column.lateFees')}</th>
              <th scope="col">{t('billingRun.column.status')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((record) => (
              <tr key={record.id}>
                <td className="col-date">{formatColumnDate(record.runDate, language)}</td>
                <td>{formatInstant(record.startedAt, language)}</td>
                <td className="col-quantity">{record.invoicesIssued}</td>
                <td className="col-quantity">{record.lateFees}</td>
                <td>{t(`billingRun.status.${record.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className="inline-form-title preview-title">{t('billingRun.previewTitle')}</h3>
      <div className="inline-form-fields">
        <SelectField id="preview-days" className="field-wide" label={t('billingRun.previewDays')} value={String(days)} onChange={(event) => setDays(Number(event.target.value) as (typeof PREVIEW_DAYS)[number])}>
          {PREVIEW_DAYS.map((count) => (
            <option key={count} value={count}>
              {t('billingRun.nextDays', { days: count })}
            </option>
          ))}
        </SelectField>
        <button type="button" className="button" disabled={previewing} onClick={() => void showPreview()}>
          {t('billingRun.preview')}
        </button>
        {previewing && <ProgressLine label={t('billingRun.previewing')} progress={previewProgress} />}
      </div>
      {previewProblem && (
        <p className="notice notice-error run-result" role="alert">
          {noticeText(language, previewProblem, [])}
        </p>
      )}
      {preview && !previewing && (
        <div className="run-result" role="status">
          <p>{t('billingRun.previewSummary', { from: formatDate(preview.asOf, language), to: formatDate(preview.through, language), invoices: preview.counts.invoices, proformas: preview.counts.proformas, lateFees: preview.counts.lateFees, creditNotes: preview.counts.creditNotes })}</p>
          {preview.totals.length > 0 && (
            <table className="data-table compact-table">
              <caption className="visually-hidden">{t('billingRun.previewTotals')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('receivables.column.currency')}</th>
                  <th scope="col" className="col-money">{t('billingRun.invoiced')}</th>
                  <th scope="col" className="col-money">{t('billingRun.lateFees')}</th>
                  <th scope="col" className="col-money">{t('billingRun.credit')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.totals.map((total) => (
                  <tr key={total.currency}>
                    <th scope="row">{total.currency}</th>
                    <td className="col-money">{money(total.invoicedMinor, total.currency)}</td>
                    <td className="col-money">{money(total.lateFeesMinor, total.currency)}</td>
                    <td className="col-money">{money(total.creditMinor, total.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.documents.length > 0 && (
            <table className="data-table compact-table preview-table">
              <caption className="visually-hidden">{t('billingRun.previewDocuments')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="col-date">{t('invoices.column.issued')}</th>
                  <th scope="col">{t('invoices.column.client')}</th>
                  <th scope="col">{t('invoiceField.kind')}</th>
                  <th scope="col" className="col-date">{t('invoices.column.due')}</th>
                  <th scope="col" className="col-money">{t('invoices.column.total')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.documents.map((document, index) => (
                  <tr key={index}>
                    <td className="col-date">{formatColumnDate(document.issueDate, language)}</td>
                    <td>{document.clientName}</td>
                    <td>{t(document.source === 'late_fee' ? 'invoiceSource.late_fee' : `invoiceKind.${document.kind}`)}</td>
                    <td className="col-date">{formatColumnDate(document.dueDate, language)}</td>
                    <td className="col-money">{money(document.totalMinor, document.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.moreDocuments > 0 && <p className="muted small">{t('billingRun.moreDocuments', { count: preview.moreDocuments })}</p>}
        </div>
      )}
    </section>
  );
}

function RunResult({ result }: { result: BillingRunResult }) {
  const { language, t } = useI18n();
  const { counts, catchUp } = result;
  return (
    <div className={result.status === 'finished' ? 'notice notice-success run-result run-result-block' : 'notice notice-warning run-result run-result-block'} role="status">
      <p className="notice-title">{t(result.status === 'finished' ? 'billingRun.finished' : 'billingRun.cancelled', { date: formatDate(result.runDate, language) })}</p>
      <p>{t('billingRun.counts', { invoices: counts.invoices, proformas: counts.proformas, lateFees: counts.lateFees, creditNotes: counts.creditNotes })}</p>
      {catchUp.daysCaughtUp > 0 && catchUp.lastRunDate && <p>{t('billingRun.caughtUp', { days: catchUp.daysCaughtUp, date: formatDate(catchUp.lastRunDate, language) })}</p>}
      {catchUp.redatedForLock > 0 && <p>{t('billingRun.redated', { count: catchUp.redatedForLock })}</p>}
      {result.documents.length > 0 && (
        <p className="run-documents">
          {result.documents
            .slice(0, 20)
            .map((document) => `${document.number ?? '—'} ${formatMoney(document.totalMinor, document.currency, language)}`)
            .join(t('list.separator'))}
          {result.documents.length > 20 && ` ${t('billingRun.andMore', { count: result.documents.length - 20 })}`}
        </p>
      )}
      {result.attention.length > 0 && (
        <ul className="run-attention">
          {result.attention.map((item, index) => (
            <li key={index}>{t(item.kind === 'skipped' ? 'billingRun.attentionSkipped' : 'billingRun.attentionCredit')}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
