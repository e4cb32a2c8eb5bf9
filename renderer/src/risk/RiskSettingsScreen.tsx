// Settings → Payment risk (`#/settings/risk`): what each band changes in how a client is treated
// (restriction so many days earlier, renewals as proforma), saved as one change with any refused
// box marked beside it; the weights in use; and Recompute, with its progress and its result.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import type { RiskBand } from '../../../shared/risk/model.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SettingsNav } from '../settings/SettingsNav.js';
import { LoadNotice } from '../ui/LoadNotice.js';
import { TextField } from '../ui/Field.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { noticeText } from '../ui/refusalText.js';
import { RiskBadge } from './RiskBadge.js';
import { RiskModelNote } from './RiskModelNote.js';
import './risk.css';

type Treatment = Output<'risk.settings.get'>['bands'][number];
type Row = { band: RiskBand; days: string; proforma: boolean };

const rowsOf = (bands: Treatment[]): Row[] => bands.map((b) => ({ band: b.band, days: String(b.restrictDaysEarlier), proforma: b.renewalsAsProforma }));

export function RiskSettingsScreen() {
  const api = useApi();
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [model, setModel] = useState<Output<'risk.model'> | null>(null);
  const [loadProblem, setLoadProblem] = useState<ApiErrorBody | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([api.call('risk.settings.get', {}), api.call('risk.model', {})]).then(([settings, weights]) => {
      if (!current) return;
      if (!settings.ok) return setLoadProblem(settings.error);
      if (!weights.ok) return setLoadProblem(weights.error);
      setRows(rowsOf(settings.value.bands));
      setModel(weights.value);
    });
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <div className="screen settings-screen">
      <div className="screen-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <SettingsNav current="riskSettings" />
      <LoadNotice loading={!rows} problem={loadProblem} />
      {rows && <TreatmentsForm initial={rows} />}
      {model && <RecomputePanel model={model} onModel={setModel} />}
    </div>
  );
}

function TreatmentsForm({ initial }: { initial: Row[] }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [rows, setRows] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const fieldErrors = problem?.code === 'invalid_input' ? (problem.details?.fields ?? []) : [];
  const errorOf = (index: number) => {
    const error = fieldErrors.find((candidate) => candidate.field === `bands.${index}.restrictDaysEarlier`);
    return error ? fieldErrorText(language, error) : undefined;
  };
  const placed = fieldErrors.filter((error) => /^bands\.\d+\.restrictDaysEarlier$/.test(error.field)).map((error) => error.field);
  const set = (index: number, change: Partial<Row>) => {
    setSaved(false);
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...change } : row)));
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setSaved(false);
    // A box that is not a whole number goes as typed, so the book refuses it beside the box in the same words as any other refusal.
    const bands = rows.map((row) => ({ band: row.band, restrictDaysEarlier: /^\s*\d+\s*$/.test(row.days) ? Number(row.days) : (row.days as unknown as number), renewalsAsProforma: row.proforma }));
    const answer = await api.call('risk.settings.update', { bands });
    setSaving(false);
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) {
      setRows(rowsOf(answer.value.bands));
      setSaved(true);
    } else {
      const first = (answer.error.details?.fields ?? []).map((error) => /^bands\.(\d+)\.restrictDaysEarlier$/.exec(error.field)).find((match) => match !== null);
      if (first) form.current?.querySelector<HTMLElement>(`#risk-days-${first[1]}`)?.focus();
    }
  }

  const notice = problem ? noticeText(language, problem, placed) : null;
  return (
    <section className="panel" aria-labelledby="risk-treatments-heading">
      <h2 id="risk-treatments-heading" className="panel-title">
        {t('riskSettings.treatments')}
      </h2>
      <p className="muted small panel-intro">{t('riskSettings.treatmentsIntro')}</p>
      <form ref={form} onSubmit={(event) => void save(event)} noValidate>
        {notice && (
          <p className="notice notice-error" role="alert">
            {notice}
          </p>
        )}
        <table className="data-table compact-table risk-treatments">
          <caption className="visually-hidden">{t('riskSettings.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="col-band">{t('riskSettings.column.band')}</th>
              <th scope="col">{t('riskSettings.restrictDaysEarlier')}</th>
              <th scope="col">{t('riskSettings.renewalsAsProforma')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const band = t(`risk.band.${row.band}`);
              return (
                <tr key={row.band}>
                  <th scope="row" className="col-band">
                    <RiskBadge band={row.band} />
                    <span className="risk-band-range">{t(`riskSettings.range.${row.band}`)}</span>
                  </th>
                  <td>
                    <TextField
                      id={`risk-days-${index}`}
                      label={t('riskSettings.restrictDaysEarlierFor', { band })}
                      hideLabel
                      inputMode="numeric"
                      value={row.days}
                      error={errorOf(index)}
                      onChange={(event) => set(index, { days: event.target.value })}
                    />
                  </td>
                  <td>
                    <label className="checkbox">
                      <input type="checkbox" checked={row.proforma} onChange={(event) => set(index, { proforma: event.target.checked })} />
                      <span className="visually-hidden">{t('riskSettings.renewalsAsProformaFor', { band })}</span>
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted small">{t('riskSettings.daysHint')}</p>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('form.saving') : t('riskSettings.save')}
          </button>
          {saved && (
            <span className="notice-inline" role="status">
              {t('riskSettings.saved')}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

type Progress = { jobId: string; done: number; total: number | null };

function RecomputePanel({ model, onModel }: { model: Output<'risk.model'>; onModel: (model: Output<'risk.model'>) => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<Output<'risk.recompute'> | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);

  // The recompute this window started reports as 'risk.recompute'.
  useBackendEvent('job.progress', (event) => {
    if (running && event.label === 'risk.recompute' && !event.finished) setProgress({ jobId: event.jobId, done: event.done, total: event.total });
  });

  async function recompute() {
    setRunning(true);
    setProgress(null);
    setResult(null);
    setProblem(null);
    const answer = await api.call('risk.recompute', {});
    if (answer.ok) {
      setResult(answer.value);
      const weights = await api.call('risk.model', {});
      if (weights.ok) onModel(weights.value);
    } else {
      setProblem(answer.error);
    }
    setRunning(false);
  }

  const known = progress !== null && progress.total !== null && progress.total > 0;
  return (
    <section className="panel" aria-labelledby="risk-recompute-heading">
      <h2 id="risk-recompute-heading" className="panel-title">
        {t('riskSettings.recomputeTitle')}
      </h2>
      <p className="muted small panel-intro">{t('riskSettings.recomputeIntro')}</p>
      <div className="button-row">
        <button type="button" className="button button-primary" disabled={running} onClick={() => void recompute()}>
          {t('riskSettings.recompute')}
        </button>
        {running && (
          <span className="progress-inline" role="status">
            {known ? <progress className="progress" value={progress.done} max={progress.total!} aria-label={t('riskSettings.recomputing')} /> : <progress className="progress" aria-label={t('riskSettings.recomputing')} />}
            {known ? `${t('riskSettings.recomputing')} — ${t('riskSettings.progress', { done: progress.done, total: progress.total! })}` : t('riskSettings.recomputing')}
          </span>
        )}
        {running && (
          // Stops the recompute this window started; nothing it would have written is kept.
          <button type="button" className="button button-small" disabled={progress === null} onClick={() => void api.call('risk.cancel', progress ? { jobId: progress.jobId } : {})}>
            {t('riskSettings.cancel')}
          </button>
        )}
      </div>
      {problem && (
        <p className="notice notice-error run-result" role="alert">
          {noticeText(language, problem, [])}
        </p>
      )}
      {result && (
        <p className={result.cancelled ? 'notice notice-warning run-result' : 'notice notice-success run-result'} role="status">
          {result.cancelled ? t('riskSettings.cancelled') : t('riskSettings.recomputed', { count: result.clients })}
        </p>
      )}
      <RiskModelNote model={model} />
    </section>
  );
}
