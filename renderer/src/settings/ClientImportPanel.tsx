// Settings → Import history, second part: clients and their contracts from a CSV (a spreadsheet,
// a WHMCS or Blesta export). The columns are found by name and can be changed; every row is
// checked like the client form before anything is written; an import is one batch that can be
// undone until one of its clients is invoiced.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { CLIENT_IMPORT_FIELDS, CLIENT_IMPORT_SOURCES, type ClientImportField, type ClientImportSource } from '../../../shared/api/clientImports.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Input, Output } from '../../../shared/api/methods.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SelectField, TextAreaField, TextField } from '../ui/Field.js';
import { noticeText } from '../ui/refusalText.js';
import { ImportErrorTable } from '../ui/ImportErrorTable.js';
import { ImportBatchList } from './ImportBatchList.js';

type Preview = Output<'imports.clients.preview'>;
type Batch = Output<'imports.clients.list'>['items'][number];

export function ClientImportPanel() {
  const api = useApi();
  const { language, t } = useI18n();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState('');
  const [source, setSource] = useState<ClientImportSource>('generic');
  const [currency, setCurrency] = useState('');
  const [mapping, setMapping] = useState<Partial<Record<ClientImportField, string>>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  /** A column was changed since the last check: the file must be checked again before importing. */
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [done, setDone] = useState<{ clients: number; contracts: number } | 'undone' | null>(null);
  const [batches, setBatches] = useState<Batch[] | null>(null);
  const [batchesChanged, setBatchesChanged] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let current = true;
    void api.call('imports.clients.list', { limit: 20 }).then((answer) => {
      if (current && answer.ok) setBatches(answer.value.items);
    });
    return () => {
      current = false;
    };
  }, [api, batchesChanged]);

  const changed = () => {
    setPreview(null);
    setStale(false);
    setDone(null);
  };
  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
    setMapping({});
    changed();
  }

  const input = (): Input<'imports.clients.preview'> => ({ csv, source, mapping, ...(currency.trim() ? { currency: currency.trim() } : {}), ...(fileName ? { fileName } : {}) });

  async function check() {
    setBusy('check');
    setDone(null);
    const answer = await api.call('imports.clients.preview', input());
    setBusy(null);
    setPreview(answer.ok ? answer.value : null);
    setStale(false);
    setProblem(answer.ok ? null : answer.error);
  }

  async function commit() {
    setBusy('import');
    const answer = await api.call('imports.clients.commit', input());
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) return;
    setDone({ clients: answer.value.clientsCreated, contracts: answer.value.contractsCreated });
    setPreview(null);
    setCsv('');
    setFileName('');
    setMapping({});
    if (fileInput.current) fileInput.current.value = '';
    setBatchesChanged((n) => n + 1);
  }

  async function undo(batchId: string) {
    setBusy(batchId);
    const answer = await api.call('imports.clients.undo', { batchId });
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) setDone('undone');
    setBatchesChanged((n) => n + 1);
  }

  const notice = problem && (problem.code === 'invalid_input' ? noticeText(language, problem, []) : translateApiError(language, problem));
  const working = busy !== null;

  return (
    <section className="panel" aria-labelledby="client-import-heading">
      <h2 id="client-import-heading" className="panel-title">
        {t('clientImport.title')}
      </h2>
      <p className="muted small panel-intro">{t('clientImport.intro')}</p>
      {notice && (
        <p className="notice notice-error" role="alert">
          {notice}
        </p>
      )}
      {done && (
        <p className="notice notice-success" role="status">
          {done === 'undone' ? t('clientImport.undone') : t('clientImport.imported', done)}
        </p>
      )}
      <div className="form-grid">
        <SelectField
          id="client-import-source"
          label={t('clientImport.sourceLabel')}
          value={source}
          onChange={(event) => {
            setSource(event.target.value as ClientImportSource);
            setMapping({});
            changed();
          }}
        >
          {CLIENT_IMPORT_SOURCES.map((value) => (
            <option key={value} value={value}>
              {t(`clientImport.source.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="client-import-currency"
          label={t('clientImport.currency')}
          value={currency}
          maxLength={3}
          onChange={(event) => {
            setCurrency(event.target.value.toUpperCase());
            changed();
          }}
        />
      </div>
      <div className="import-source">
        <label className="button file-button">
          {t('imports.chooseFile')}
          <input ref={fileInput} type="file" accept=".csv,text/csv" className="visually-hidden" onChange={(event) => void chooseFile(event)} />
        </label>
        <span className="muted">{fileName || t('imports.noFile')}</span>
      </div>
      <TextAreaField
        id="client-import-csv"
        label={t('imports.paste')}
        className="import-text"
        rows={5}
        spellCheck={false}
        value={csv}
        onChange={(event) => {
          setCsv(event.target.value);
          changed();
        }}
      />
      {preview && (
        <fieldset className="client-import-mapping">
          <legend>{t('clientImport.mapping')}</legend>
          <p className="muted small">{t('clientImport.mappingIntro')}</p>
          <div className="form-grid">
            {CLIENT_IMPORT_FIELDS.map((field) => (
              <SelectField
                key={field}
                id={`client-import-map-${field}`}
                label={t(`clientImport.field.${field}`)}
                value={mapping[field] ?? preview.mapping[field] ?? ''}
                onChange={(event) => {
                  setMapping((current) => ({ ...current, [field]: event.target.value }));
                  setStale(true);
                }}
              >
                <option value="">{t('clientImport.notMapped')}</option>
                {preview.columns.map((column) => (
                  <option key={column} value={column}>
                    {column}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
        </fieldset>
      )}
      <div className="button-row">
        <button type="button" className="button" disabled={working || csv.trim() === ''} onClick={() => void check()}>
          {t('clientImport.check')}
        </button>
        {preview && !stale && preview.errorCount === 0 && preview.clients > 0 && (
          <button type="button" className="button button-primary" disabled={working} onClick={() => void commit()}>
            {t('clientImport.import', { clients: preview.clients })}
          </button>
        )}
        {working && (
          <span className="progress-inline" role="status">
            <progress className="progress" aria-label={t('imports.working')} />
            {t('imports.working')}
          </span>
        )}
      </div>
      {preview && !stale && (
        <div className="import-preview" role="status">
          <p className={preview.errorCount === 0 ? 'notice notice-success' : 'notice notice-error'}>
            {preview.errorCount === 0
              ? t('clientImport.ready', { clients: preview.clients, contracts: preview.contracts, rows: preview.rowCount })
              : t('clientImport.hasErrors', { errors: preview.errorCount, rows: preview.rowCount })}
          </p>
          <ImportErrorTable errors={preview.errors} errorCount={preview.errorCount} />
          {preview.errorCount === 0 && preview.sample.length > 0 && (
            <table className="data-table compact-table">
              <caption className="visually-hidden">{t('clientImport.sampleCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="col-quantity">{t('imports.column.row')}</th>
                  <th scope="col">{t('clientImport.column.name')}</th>
                  <th scope="col">{t('clientImport.column.email')}</th>
                  <th scope="col">{t('clientImport.column.currency')}</th>
                  <th scope="col">{t('clientImport.column.contracts')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((client) => (
                  <tr key={client.row}>
                    <td className="col-quantity">{client.row}</td>
                    <th scope="row">{client.name}</th>
                    <td>{client.email}</td>
                    <td>{client.currency}</td>
                    <td>
                      {client.contracts.map((k) => `${k.label} · ${t(`cycle.${k.cycle}` as 'cycle.monthly')} · ${formatMoney(k.priceMinor, client.currency, language)}`).join(t('list.separator'))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}

      <h3 className="import-subtitle">{t('clientImport.previous')}</h3>
      <ImportBatchList
        caption={t('clientImport.previous')}
        empty={t('clientImport.none')}
        batches={batches}
        counts={[
          { heading: t('clientImport.column.clients'), of: (batch) => batch.clientsCreated },
          { heading: t('clientImport.column.contracts'), of: (batch) => batch.contractsCreated },
        ]}
        working={working}
        onUndo={(batchId) => void undo(batchId)}
      />
    </section>
  );
}
