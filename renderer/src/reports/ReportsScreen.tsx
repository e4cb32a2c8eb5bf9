// Reports (`#/reports`): pick a report, its period (or the day it is as of) and filters; the table
// follows as you choose, with totals per currency, and Save PDF / Save CSV write the same report
// as files. A dashboard chart opens this screen with its report and filters already chosen.
import { useEffect, useState } from 'react';
import { AGING_BUCKETS } from '../../../shared/api/billing.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Input, Output } from '../../../shared/api/methods.js';
import { REPORT_IDS, usesBucket, usesPeriod, type ReportId } from '../../../shared/api/reports.js';
import { isMessageKey } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import type { ReportPreset } from '../app/routes.js';
import { blobUrlOf, bytesOf, saveFile } from '../documents/pdfFile.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { SelectField, TextField } from '../ui/Field.js';
import { noticeText } from '../ui/refusalText.js';
import { useSettledChanges } from '../ui/useSettledChanges.js';
import { ReportTable } from './ReportTable.js';
import './reports.css';
import type { Loadable } from '../ui/loadable.js';

type Report = Output<'reports.run'>;
type Bucket = (typeof AGING_BUCKETS)[number];
type Load = Loadable<{ report: Report }>;
type Saving = { status: 'idle' } | { status: 'saving'; kind: 'pdf' | 'csv' } | { status: 'failed'; error: ApiErrorBody };

const complete = (date: string) => date === '' || /^\d{4}-\d{2}-\d{2}$/.test(date);

export function ReportsScreen({ preset }: { preset?: ReportPreset }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [report, setReport] = useState<ReportId>(preset?.report ?? 'aging');
  const [from, setFrom] = useState(preset?.from ?? '');
  const [to, setTo] = useState(preset?.to ?? '');
  const [asOf, setAsOf] = useState('');
  const [currency, setCurrency] = useState(preset?.currency ?? '');
  const [bucket, setBucket] = useState<Bucket | ''>(preset?.bucket ?? '');
  const [step, setStep] = useState(preset?.step ?? '');
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [saving, setSaving] = useState<Saving>({ status: 'idle' });
  const changes = useSettledChanges('accounts.changed');

  const period = usesPeriod(report);
  const input: Input<'reports.run'> = { report, language, filters: {} };
  if (period) {
    if (from) input.from = from;
    if (to) input.to = to;
  } else if (asOf) input.asOf = asOf;
  if (currency) input.filters!.currency = currency;
  if (usesBucket(report) && bucket) input.filters!.bucket = bucket;
  if (report === 'outstanding' && step) input.filters!.step = step;
  const key = JSON.stringify(input);
  const ready = complete(from) && complete(to) && complete(asOf);

  useEffect(() => {
    // A date still being typed is not asked for; a complete one the backend refuses shows beside its box.
    if (!ready) return;
    let current = true;
    void api.call('reports.run', JSON.parse(key) as Input<'reports.run'>).then((answer) => {
      if (current) setLoad(answer.ok ? { status: 'ready', report: answer.value } : { status: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api, key, ready, changes]);

  async function save(kind: 'pdf' | 'csv') {
    setSaving({ status: 'saving', kind });
    const answer = await api.call(kind === 'pdf' ? 'reports.pdf' : 'reports.csv', JSON.parse(key) as Input<'reports.pdf'>);
    if (!answer.ok) {
      setSaving({ status: 'failed', error: answer.error });
      return;
    }
    const url = blobUrlOf(bytesOf(answer.value.base64), kind === 'pdf' ? 'application/pdf' : 'text/csv;charset=utf-8');
    saveFile(url, answer.value.fileName);
    // The download has taken the bytes by the next task; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setSaving({ status: 'idle' });
  }

  const fieldError = (field: string) => {
    const error = load.status === 'failed' ? load.error.details?.fields?.find((e) => e.field === field) : undefined;
    return error ? fieldErrorText(language, error) : undefined;
  };
  const stepName = isMessageKey(`dashboard.step.${step}`) ? t(`dashboard.step.${step}` as 'dashboard.step.restriction') : step === 'none' ? t('dashboard.ladderNone') : step;
  const shown = load.status === 'ready' ? load.report : null;

  return (
    <div className="screen reports">
      <div className="screen-header">
        <h1>{t('reports.title')}</h1>
        <div className="screen-actions">
          <button type="button" className="button" disabled={saving.status === 'saving' || !shown} onClick={() => void save('pdf')}>
            {t('reports.savePdf')}
          </button>
          <button type="button" className="button" disabled={saving.status === 'saving' || !shown} onClick={() => void save('csv')}>
            {t('reports.saveCsv')}
          </button>
        </div>
      </div>
      <p className="screen-intro muted">{t('reports.intro')}</p>
      <div className="filter-bar report-filters">
        <SelectField id="report-picker" label={t('reports.picker')} value={report} onChange={(event) => setReport(event.target.value as ReportId)}>
          {REPORT_IDS.map((id) => (
            <option key={id} value={id}>
              {t(`reports.name.${id}`)}
            </option>
          ))}
        </SelectField>
        {period ? (
          <>
            <TextField id="report-from" className="filter-date" type="date" label={t('reports.from')} value={from || (shown?.from ?? '')} error={fieldError('from')} onChange={(event) => setFrom(event.target.value)} />
            <TextField id="report-to" className="filter-date" type="date" label={t('reports.to')} value={to || (shown?.to ?? '')} error={fieldError('to')} onChange={(event) => setTo(event.target.value)} />
          </>
        ) : (
          report !== 'restricted' && <TextField id="report-asOf" className="filter-date" type="date" label={t('reports.asOf')} value={asOf || (shown?.asOf ?? '')} error={fieldError('asOf')} onChange={(event) => setAsOf(event.target.value)} />
        )}
        <SelectField id="report-currency" label={t('reports.currency')} value={currency} onChange={(event) => setCurrency(event.target.value)}>
          <option value="">{t('reports.anyCurrency')}</option>
          {(shown?.currencies ?? (currency ? [currency] : [])).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
        {usesBucket(report) && (
          <SelectField id="report-bucket" label={t('reports.bucket')} value={bucket} onChange={(event) => setBucket(event.target.value as Bucket | '')}>
            <option value="">{t('reports.anyBucket')}</option>
            {AGING_BUCKETS.map((b) => (
              <option key={b} value={b}>
                {t(`agingBucket.${b}`)}
              </option>
            ))}
          </SelectField>
        )}
        {report === 'outstanding' && step && (
          <p className="report-chip">
            {t('reports.stepFilter', { step: stepName })}{' '}
            <button type="button" className="link-button" onClick={() => setStep('')}>
              {t('reports.clearStep')}
            </button>
          </p>
        )}
      </div>
      {saving.status === 'saving' && (
        <p className="muted" role="status">
          {t('reports.saving')}
        </p>
      )}
      {saving.status === 'failed' && (
        <p className="notice notice-error" role="alert">
          {noticeText(language, saving.error, [])}
        </p>
      )}
      {load.status === 'loading' && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}
      {load.status === 'failed' && !load.error.details?.fields?.length && (
        <p className="notice notice-error" role="alert">
          {noticeText(language, load.error, [])}
        </p>
      )}
      {shown && <ReportTable report={shown} />}
    </div>
  );
}
