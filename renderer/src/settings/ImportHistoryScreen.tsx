// Settings → Import history (`#/settings/imports`): past invoices and their payments from another
// system, as CSV. The file is checked row by row first (nothing is written), imported as one batch
// once every row is right, and an import can be undone as a whole while nothing else touched it.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { TextAreaField } from '../ui/Field.js';
import { ImportErrorTable } from '../ui/ImportErrorTable.js';
import { noticeText } from '../ui/refusalText.js';
import { ClientImportPanel } from './ClientImportPanel.js';
import { SettingsNav } from './SettingsNav.js';
import { ImportBatchList } from './ImportBatchList.js';

type Batch = Output<'imports.list'>['items'][number];
type Preview = Output<'imports.preview'>;
type Done = { kind: 'imported'; result: Output<'imports.commit'> } | { kind: 'undone'; result: Output<'imports.undo'> };

/** The CSV columns, as the file must name them (shared/data/README.md plus the payment columns). */
const COLUMNS = 'customer_id, invoice_id, invoice_date, due_date, amount, settled_date, disputed [, amount_paid, payment_method, payment_reference]';
const RECENT_IMPORTS = 20;

export function ImportHistoryScreen() {
  const api = useApi();
  const { language, t } = useI18n();
  const [batches, setBatches] = useState<Batch[] | null>(null);
  const [batchesChanged, setBatchesChanged] = useState(0);
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [createMissingClients, setCreateMissingClients] = useState(false);
  const [busy, setBusy] = useState<'preview' | 'import' | { undo: string } | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number | null } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    void api.call('imports.list', { limit: RECENT_IMPORTS }).then((answer) => {
      if (!current) return;
      if (answer.ok) setBatches(answer.value.items);
      else setProblem(answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, batchesChanged]);

  // Importing and undoing report how far they are; an import of a long history takes a while.
  useBackendEvent('job.progress', (event) => {
    if (busy !== null && busy !== 'preview' && !event.label.startsWith('billing.') && !event.finished) setProgress({ done: event.done, total: event.total });
  });

  const changeText = (text: string) => {
    setCsv(text);
    setPreview(null);
    setDone(null);
  };

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    changeText(await file.text());
  }

  const input = () => ({ csv, createMissingClients, ...(fileName ? { fileName } : {}) });

  async function check() {
    setBusy('preview');
    setDone(null);
    const answer = await api.call('imports.preview', input());
    setBusy(null);
    setPreview(answer.ok ? answer.value : null);
    setProblem(answer.ok ? null : answer.error);
  }

  async function commit() {
    setBusy('import');
    setProgress(null);
    const answer = await api.call('imports.commit', input());
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) return;
    setDone({ kind: 'imported', result: answer.value });
    setPreview(null);
    setCsv('');
    setFileName('');
    if (fileInput.current) fileInput.current.value = '';
    setBatchesChanged((count) => count + 1);
  }

  async function undo(batchId: string) {
    setBusy({ undo: batchId });
    setProgress(null);
    const answer = await api.call('imports.undo', { batchId });
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) setDone({ kind: 'undone', result: answer.value });
    setBatchesChanged((count) => count + 1);
  }

  const working = busy !== null;
  const progressText = progress && progress.total ? t('imports.progress', { done: progress.done, total: progress.total }) : t('imports.working');

  return (
    <div className="screen settings-screen">
      <div className="screen-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <SettingsNav current="importHistory" />

      {problem && (
        <p className="notice notice-error" role="alert">
          {problem.code === 'invalid_input' ? noticeText(language, problem, []) : translateApiError(language, problem)}
        </p>
      )}
      {done && (
        <p className="notice notice-success" role="status">
          {done.kind === 'imported'
            ? t('imports.imported', { invoices: done.result.invoices, payments: done.result.payments, clients: done.result.clientsCreated })
            : t('imports.undone', { invoices: done.result.invoicesRemoved, payments: done.result.paymentsRemoved, clients: done.result.clientsRemoved, kept: done.result.clientsKept })}
        </p>
      )}

      <section className="panel" aria-labelledby="import-new-heading">
        <h2 id="import-new-heading" className="panel-title">
          {t('imports.new')}
        </h2>
        <p className="muted small panel-intro">{t('imports.intro')}</p>
        <p className="small import-columns">
          {t('imports.columns')} <code>{COLUMNS}</code>
        </p>
        <div className="import-source">
          <label className="button file-button">
            {t('imports.chooseFile')}
            <input ref={fileInput} type="file" accept=".csv,text/csv" className="visually-hidden" onChange={(event) => void chooseFile(event)} />
          </label>
          <span className="muted">{fileName || t('imports.noFile')}</span>
        </div>
        <TextAreaField id="import-csv" label={t('imports.paste')} className="import-text" rows={6} spellCheck={false} value={csv} onChange={(event) => changeText(event.target.value)} />
        <label className="checkbox import-option">
          <input type="checkbox" checked={createMissingClients} onChange={(event) => setCreateMissingClients(event.target.checked)} />
          {t('imports.createMissingClients')}
        </label>
        <div className="button-row">
          <button type="button" className="button" disabled={working || csv.trim() === ''} onClick={() => void check()}>
            {t('imports.check')}
          </button>
          {preview && preview.errorCount === 0 && preview.rowCount > 0 && (
            <button type="button" className="button button-primary" disabled={working} onClick={() => void commit()}>
              {t('imports.import', { count: preview.rowCount })}
            </button>
          )}
          {working && (
            <span className="progress-inline" role="status">
              {progress && progress.total ? <progress className="progress" value={progress.done} max={progress.total} aria-label={progressText} /> : <progress className="progress" aria-label={progressText} />}
              {busy === 'preview' ? t('imports.checking') : progressText}
            </span>
          )}
        </div>
        {preview && <ImportPreview preview={preview} />}
      </section>

      <section className="panel" aria-labelledby="import-list-heading">
        <h2 id="import-list-heading" className="panel-title">
          {t('imports.previous')}
        </h2>
        <ImportBatchList
          caption={t('imports.previous')}
          empty={t('imports.none')}
          batches={batches}
          counts={[{ heading: t('imports.column.rows'), of: (batch) => batch.rowCount }]}
          working={working}
          onUndo={(batchId) => void undo(batchId)}
        />
      </section>

      <ClientImportPanel />
    </div>
  );
}


function ImportPreview({ preview }: { preview: Preview }) {
  const { language, t } = useI18n();
  return (
    <div className="import-preview" role="status">
      <p className={preview.errorCount === 0 ? 'notice notice-success' : 'notice notice-error'}>
        {preview.errorCount === 0 ? t('imports.ready', { rows: preview.rowCount, payments: preview.payments, disputed: preview.disputed }) : t('imports.hasErrors', { rows: preview.rowCount, errors: preview.errorCount })}
      </p>
      {preview.newClients.count > 0 && <p className="small">{t('imports.newClients', { count: preview.newClients.count, currency: preview.newClients.currency, sample: preview.newClients.sample.slice(0, 5).join(t('list.separator')) })}</p>}
      {preview.totals.length > 0 && (
        <table className="data-table compact-table">
          <caption className="visually-hidden">{t('imports.totals')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('receivables.column.currency')}</th>
              <th scope="col" className="col-quantity">{t('imports.column.invoices')}</th>
              <th scope="col" className="col-money">{t('imports.column.invoiced')}</th>
              <th scope="col" className="col-money">{t('imports.column.paid')}</th>
              <th scope="col" className="col-money">{t('invoices.column.open')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.totals.map((total) => (
              <tr key={total.currency}>
                <th scope="row">{total.currency}</th>
                <td className="col-quantity">{total.invoices}</td>
                <td className="col-money">{formatMoney(total.invoicedMinor, total.currency, language)}</td>
                <td className="col-money">{formatMoney(total.paidMinor, total.currency, language)}</td>
                <td className="col-money">{formatMoney(total.openMinor, total.currency, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ImportErrorTable errors={preview.errors} errorCount={preview.errorCount} />
    </div>
  );
}
