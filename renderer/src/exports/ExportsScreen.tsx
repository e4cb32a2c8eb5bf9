// Export for the accountant (#/exports): a period, which files, their format, and where they go.
// Export writes each chosen CSV in turn (a folder on this computer, or a download); the accountant
// package writes one ZIP with everything and then offers to lock the period, saying what that
// means. Long exports show their progress (job.progress) and can be cancelled.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { EXPORT_JOB_LABEL, type ExportOptions } from '../../../shared/api/exports.js';
import { EXPORT_DATASETS, type ExportDataset } from '../../../shared/exports/columns.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { hrefOf } from '../app/routes.js';
import { blobUrlOf, bytesOf, saveFile } from '../documents/pdfFile.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextField } from '../ui/Field.js';
import { formatDate } from '../ui/formatting.js';
import { noticeText } from '../ui/refusalText.js';
import { useBookToday } from '../ui/useBookToday.js';
import { folderInput, folderProblem, lastMonth } from './exportRequest.js';
import './exports.css';

type Written = { fileName: string; rows: number | null; path: string | null };
type Progress = { jobId: string; label: string; done: number; total: number | null };

/** Hands a file that came back as base64 to the browser's download. */
function download(base64: string, fileName: string, type: string) {
  const url = blobUrlOf(bytesOf(base64), type);
  saveFile(url, fileName);
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function ExportsScreen() {
  const today = useBookToday();
  const { t } = useI18n();
  return (
    <div className="screen exports-screen">
      <div className="screen-header">
        <h1>{t('exports.title')}</h1>
      </div>
      <p className="muted panel-intro">{t('exports.intro')}</p>
      {today.status === 'loading' && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}
      {today.status === 'ready' && <ExportForm today={today.today} />}
      <p>
        <a href={hrefOf({ name: 'accountCodes' })}>{t('exports.accountCodesLink')}</a>
      </p>
    </div>
  );
}

function ExportForm({ today }: { today: string }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [period, setPeriod] = useState(() => lastMonth(today));
  const [datasets, setDatasets] = useState<ExportDataset[]>([...EXPORT_DATASETS]);
  const [options, setOptions] = useState<ExportOptions>({ delimiter: ',', decimal: '.', bom: true, dateFormat: 'iso' });
  const [folder, setFolder] = useState('');
  const [running, setRunning] = useState<'csv' | 'package' | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [written, setWritten] = useState<Written[]>([]);
  const [packageSummary, setPackageSummary] = useState<{ files: number; pdfs: number } | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [lockOffer, setLockOffer] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<string | null>(null);
  const [lockDate, setLockDate] = useState<string | null>(null);
  const folderBox = useRef<HTMLInputElement>(null);
  const notNow = useRef<HTMLButtonElement>(null);
  const focusFolder = useRef(false);

  useEffect(() => {
    void api.call('billingSettings.get', {}).then((answer) => {
      if (answer.ok) setLockDate(answer.value.lockDate);
    });
  }, [api]);
  // A refused folder takes focus once the form is enabled again.
  useEffect(() => {
    if (focusFolder.current && running === null) {
      folderBox.current?.focus();
      focusFolder.current = false;
    }
  }, [problem, running]);
  // The offer to lock takes focus on the button that does nothing: locking cannot be undone.
  useEffect(() => {
    if (lockOffer) notNow.current?.focus();
  }, [lockOffer]);

  useBackendEvent('job.progress', (event) => {
    if (running && !event.finished && event.label.startsWith(EXPORT_JOB_LABEL)) {
      setProgress({ jobId: event.jobId, label: event.label.slice(EXPORT_JOB_LABEL.length), done: event.done, total: event.total });
    }
  });

  const fields = problem?.code === 'invalid_input' ? (problem.details?.fields ?? []) : [];
  const folderKey = folderProblem(problem);
  const toProblem = fields.some((f) => f.field === 'to') ? noticeText(language, { ...problem!, details: { fields: fields.filter((f) => f.field === 'to') } }, []) : null;
  const notice = problem ? noticeText(language, problem, ['folder', 'to']) : null;
  const noDataset = datasets.length === 0;

  function start(kind: 'csv' | 'package') {
    setRunning(kind);
    setProgress(null);
    setProblem(null);
    setCancelled(false);
    setWritten([]);
    setPackageSummary(null);
    setLockOffer(null);
    setLockedUntil(null);
  }

  function refused(error: ApiErrorBody) {
    setProblem(error);
    focusFolder.current = folderProblem(error) !== null;
  }

  async function exportCsv(event: FormEvent) {
    event.preventDefault();
    if (noDataset) return;
    start('csv');
    for (const dataset of datasets) {
      const answer = await api.call('exports.csv', { dataset, from: period.from, to: period.to, options, ...folderInput(folder) });
      if (!answer.ok) {
        refused(answer.error);
        break;
      }
      if (answer.value.cancelled) {
        setCancelled(true);
        break;
      }
      if (answer.value.base64) download(answer.value.base64, answer.value.fileName, 'text/csv');
      const file = { fileName: answer.value.fileName, rows: answer.value.rows, path: answer.value.path };
      setWritten((current) => [...current, file]);
    }
    setRunning(null);
  }

  async function makePackage() {
    start('package');
    const answer = await api.call('exports.package', { from: period.from, to: period.to, options, ...folderInput(folder) });
    setRunning(null);
    if (!answer.ok) return refused(answer.error);
    if (answer.value.cancelled) return setCancelled(true);
    if (answer.value.base64) download(answer.value.base64, answer.value.fileName, 'application/zip');
    setWritten([{ fileName: answer.value.fileName, rows: null, path: answer.value.path }]);
    setPackageSummary({ files: answer.value.files.length, pdfs: answer.value.invoicePdfs });
    // A period that has ended and is not locked yet: offer to lock it now that the accountant has it.
    if (period.to < today && (lockDate === null || period.to > lockDate)) setLockOffer(period.to);
  }

  async function lock(date: string) {
    const answer = await api.call('books.lock', { lockDate: date });
    setLockOffer(null);
    if (!answer.ok) return setProblem(answer.error);
    setLockDate(answer.value.lockDate);
    setLockedUntil(answer.value.lockDate);
  }

  const known = progress !== null && progress.total !== null && progress.total > 0;
  return (
    <form className="panel exports-form" noValidate onSubmit={(event) => void exportCsv(event)} aria-busy={running !== null}>
      {notice && (
        <p className="notice notice-error" role="alert">
          {notice}
        </p>
      )}
      <fieldset className="exports-fieldset">
        <legend>{t('exports.period')}</legend>
        <div className="inline-form-fields">
          <TextField id="export-from" label={t('exports.from')} type="date" value={period.from} disabled={running !== null} onChange={(event) => setPeriod({ ...period, from: event.target.value })} />
          <TextField id="export-to" label={t('exports.to')} type="date" value={period.to} error={toProblem ?? undefined} disabled={running !== null} onChange={(event) => setPeriod({ ...period, to: event.target.value })} />
        </div>
      </fieldset>
      <fieldset className="exports-fieldset">
        <legend>{t('exports.datasets')}</legend>
        <ul className="exports-datasets">
          {EXPORT_DATASETS.map((dataset) => (
            <li key={dataset}>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={datasets.includes(dataset)}
                  disabled={running !== null}
                  onChange={(event) => setDatasets((current) => (event.target.checked ? EXPORT_DATASETS.filter((d) => d === dataset || current.includes(d)) : current.filter((d) => d !== dataset)))}
                />
                <span>
                  {t(`exports.dataset.${dataset}`)} <span className="muted small">— {t(`exports.datasetHint.${dataset}`)}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        {noDataset && <p className="field-error">{t('exports.noDataset')}</p>}
      </fieldset>
      <fieldset className="exports-fieldset">
        <legend>{t('exports.options')}</legend>
        <div className="inline-form-fields">
          <div className="field">
            <label htmlFor="export-delimiter">{t('exports.delimiter')}</label>
            <select id="export-delimiter" value={options.delimiter} disabled={running !== null} onChange={(event) => setOptions({ ...options, delimiter: event.target.value as ExportOptions['delimiter'] })}>
              <option value=",">{t('exports.delimiter.comma')}</option>
              <option value=";">{t('exports.delimiter.semicolon')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="export-decimal">{t('exports.decimal')}</label>
            <select id="export-decimal" value={options.decimal} disabled={running !== null} onChange={(event) => setOptions({ ...options, decimal: event.target.value as ExportOptions['decimal'] })}>
              <option value=".">{t('exports.decimal.point')}</option>
              <option value=",">{t('exports.decimal.comma')}</option>
            </select>
          </div>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={options.bom} disabled={running !== null} onChange={(event) => setOptions({ ...options, bom: event.target.checked })} />
          <span>{t('exports.bom')}</span>
        </label>
        <p className="muted small">{t('exports.dates')}</p>
        <TextField
          ref={folderBox}
          id="export-folder"
          label={t('exports.folder')}
          hint={t('exports.folderHint')}
          value={folder}
          className="exports-folder"
          error={folderKey ? t(folderKey) : undefined}
          disabled={running !== null}
          onChange={(event) => setFolder(event.target.value)}
        />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={running !== null || noDataset}>
          {t('exports.export')}
        </button>
        <button type="button" className="button" disabled={running !== null} onClick={() => void makePackage()}>
          {t('exports.package')}
        </button>
        {running && (
          <span className="progress-inline" role="status">
            {known ? <progress className="progress" value={progress.done} max={progress.total!} aria-label={t('exports.working', { file: progress.label })} /> : <progress className="progress" aria-label={t('exports.working', { file: progress?.label ?? '' })} />}
            {progress ? t('exports.working', { file: progress.label }) : t('shell.loading')}
            {known && ` — ${t('exports.progress', { done: progress.done, total: progress.total! })}`}
          </span>
        )}
        {running && (
          <button type="button" className="button button-small" disabled={progress === null} onClick={() => void api.call('exports.cancel', progress ? { jobId: progress.jobId } : {})}>
            {t('exports.cancel')}
          </button>
        )}
      </div>
      <p className="muted small">{t('exports.packageHint')}</p>
      {cancelled && (
        <p className="notice notice-warning" role="status">
          {t('exports.cancelled')}
        </p>
      )}
      {written.length > 0 && (
        <table className="data-table compact-table exports-written">
          <caption>{t('exports.result.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exports.result.file')}</th>
              <th scope="col">{t('exports.result.where')}</th>
            </tr>
          </thead>
          <tbody>
            {written.map((file) => (
              <tr key={file.fileName}>
                <td>
                  {file.fileName}
                  {file.rows !== null && <span className="muted small"> · {t('exports.result.rows', { count: file.rows })}</span>}
                </td>
                <td className="exports-path">{file.path ?? t('exports.result.downloaded')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {packageSummary && (
        <p className="notice notice-success" role="status">
          {t('exports.packageDone', { files: packageSummary.files, pdfs: packageSummary.pdfs })}
        </p>
      )}
      {lockOffer && (
        <div className="notice notice-warning confirm-box" role="alertdialog" aria-labelledby="export-lock-text">
          <p id="export-lock-text">{t('exports.lockOffer', { date: formatDate(lockOffer, language) })}</p>
          <div className="button-row">
            <button ref={notNow} type="button" className="button" onClick={() => setLockOffer(null)}>
              {t('exports.lockNotNow')}
            </button>
            <button type="button" className="button button-danger" onClick={() => void lock(lockOffer)}>
              {t('exports.lockConfirm', { date: formatDate(lockOffer, language) })}
            </button>
          </div>
        </div>
      )}
      {lockedUntil && (
        <p className="notice notice-success" role="status">
          {t('exports.locked', { date: formatDate(lockedUntil, language) })}
        </p>
      )}
    </form>
  );
}
