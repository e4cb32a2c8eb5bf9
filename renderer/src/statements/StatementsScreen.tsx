// Bank statements (银行流水, `#/statements`): import a statement from the bank, Alipay, WeChat Pay
// or PayPal — read it first (with a column mapping for a bank's own CSV), then store it — and
// review its incoming lines with their suggested matches (StatementReview.tsx).
import { useRef, useState, type ChangeEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Input, Output } from '../../../shared/api/methods.js';
import { STATEMENT_DATE_FORMATS, STATEMENT_FORMATS, type StatementFormat } from '../../../shared/api/statements.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SelectField, TextField } from '../ui/Field.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { formatDate } from '../ui/formatting.js';
import { ImportErrorTable } from '../ui/ImportErrorTable.js';
import { noticeText } from '../ui/refusalText.js';
import { fileBase64 } from './fileBase64.js';
import { StatementReview } from './StatementReview.js';

type Preview = Output<'statements.preview'>;
type Imported = Output<'statements.import'>;
type MappingInput = NonNullable<Input<'statements.preview'>['mapping']>;
const MAPPED = ['date', 'amount', 'credit', 'debit', 'currency', 'reference', 'counterparty'] as const;
type Mapped = (typeof MAPPED)[number];
const PREVIEW_LINES = 30;

/** A first guess at a bank's columns from their names, in the languages banks write them in. */
const GUESSES: Record<Mapped, RegExp> = {
  date: /^(date|booking date|transaction date|buchungstag|datum|日期|交易日期|记账日期)$/i,
  amount: /^(amount|betrag|金额|交易金额)$/i,
  credit: /^(credit|paid in|收入|收入金额|贷方)$/i,
  debit: /^(debit|paid out|支出|支出金额|借方)$/i,
  currency: /^(currency|währung|币种|货币)$/i,
  reference: /^(reference|description|memo|verwendungszweck|备注|摘要|用途)$/i,
  counterparty: /^(counterparty|payer|name|auftraggeber\/empfänger|对方户名|交易对方|对方名称)$/i,
};

export function StatementsScreen() {
  const { t } = useI18n();
  const [imported, setImported] = useState(0);
  return (
    <div className="screen statements-screen">
      <div className="screen-header">
        <h1>{t('statements.title')}</h1>
      </div>
      <p className="muted small panel-intro">{t('statements.intro')}</p>
      <ImportStatement onImported={() => setImported((n) => n + 1)} />
      <StatementReview version={imported} />
    </div>
  );
}

function ImportStatement({ onImported }: { onImported: () => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [format, setFormat] = useState<StatementFormat>('generic');
  const [currency, setCurrency] = useState('');
  const [mapping, setMapping] = useState<Partial<Record<Mapped, string>>>({});
  const [dateFormat, setDateFormat] = useState<MappingInput['dateFormat']>('YYYY-MM-DD');
  const [decimalSeparator, setDecimalSeparator] = useState<'.' | ','>('.');
  const [columns, setColumns] = useState<string[] | null>(null);
  const [delimiter, setDelimiter] = useState<',' | ';' | '\t'>(',');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Imported | null>(null);
  const [busy, setBusy] = useState<'read' | 'import' | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reset = () => {
    setPreview(null);
    setProblem(null);
  };

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    setFile({ name: chosen.name, base64: await fileBase64(chosen) });
    setColumns(null);
    setMapping({});
    setDone(null);
    reset();
  }

  const mappingReady = format !== 'generic' || (!!mapping.date && (!!mapping.amount || !!mapping.credit));
  const input = (): Input<'statements.preview'> => ({
    csvBase64: file!.base64,
    format,
    fileName: file!.name,
    ...(currency.trim() ? { currency: currency.trim() } : {}),
    ...(format === 'generic' && mappingReady
      ? { mapping: { ...(Object.fromEntries(Object.entries(mapping).filter(([, column]) => column)) as { date: string }), dateFormat, decimalSeparator, delimiter } }
      : format === 'paypal'
        ? { mapping: { date: 'Date', dateFormat } }
        : {}),
  });

  async function read() {
    setBusy('read');
    setDone(null);
    const answer = await api.call('statements.preview', input());
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) return setPreview(null);
    if (format === 'generic' && !mappingReady) {
      // The first reading of a bank's file: its columns, to be mapped.
      setColumns(answer.value.columns);
      setDelimiter(answer.value.delimiter);
      const guessed: Partial<Record<Mapped, string>> = {};
      for (const field of MAPPED) {
        const column = answer.value.columns.find((name) => GUESSES[field].test(name.trim()));
        if (column) guessed[field] = column;
      }
      setMapping(guessed);
      setPreview(null);
      return;
    }
    setPreview(answer.value);
  }

  async function commit() {
    setBusy('import');
    const answer = await api.call('statements.import', input());
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    if (!answer.ok) return;
    setDone(answer.value);
    setPreview(null);
    setFile(null);
    setColumns(null);
    if (fileInput.current) fileInput.current.value = '';
    onImported();
  }

  const fieldError = (field: string) => {
    const error = problem?.code === 'invalid_input' ? problem.details?.fields?.find((f) => f.field === field) : undefined;
    return error ? fieldErrorText(language, error) : undefined;
  };
  const placed = ['format', 'currency', ...MAPPED.map((field) => `mapping.${field}`)];
  const notice = noticeText(language, problem, placed);

  return (
    <section className="panel" aria-labelledby="statement-new-heading">
      <h2 id="statement-new-heading" className="panel-title">
        {t('statements.new')}
      </h2>
      {notice && (
        <p className="notice notice-error" role="alert">
          {notice}
        </p>
      )}
      {done && (
        <p className="notice notice-success" role="status">
          {t('statements.imported', { new: done.newLines, duplicates: done.duplicates, exact: done.matches.exact ?? 0, partial: done.matches.partial ?? 0, ambiguous: done.matches.ambiguous ?? 0, unknown: done.matches.unknown ?? 0 })}
        </p>
      )}
      <div className="form-grid statement-source">
        <SelectField
          id="statement-format"
          label={t('statements.formatLabel')}
          value={format}
          error={fieldError('format')}
          onChange={(event) => {
            const next = event.target.value as StatementFormat;
            setFormat(next);
            // PayPal writes US dates unless the account is elsewhere; a bank's own CSV is mapped.
            setDateFormat(next === 'paypal' ? 'MM/DD/YYYY' : 'YYYY-MM-DD');
            reset();
          }}
        >
          {STATEMENT_FORMATS.map((value) => (
            <option key={value} value={value}>
              {t(`statements.format.${value}`)}
            </option>
          ))}
        </SelectField>
        {format === 'paypal' && (
          <SelectField id="statement-paypal-dates" label={t('statements.dateFormat')} value={dateFormat} onChange={(event) => setDateFormat(event.target.value as MappingInput['dateFormat'])}>
            <option value="MM/DD/YYYY">MM/DD/YYYY</option>
            <option value="DD/MM/YYYY">DD/MM/YYYY</option>
          </SelectField>
        )}
        {format !== 'paypal' && (
          <TextField
            id="statement-currency"
            label={t('statements.currency')}
            hint={t('statements.currencyHint')}
            value={currency}
            maxLength={3}
            error={fieldError('currency')}
            onChange={(event) => {
              setCurrency(event.target.value.toUpperCase());
              reset();
            }}
          />
        )}
      </div>
      <div className="import-source">
        <label className="button file-button">
          {t('statements.chooseFile')}
          <input ref={fileInput} type="file" accept=".csv,text/csv,.txt" className="visually-hidden" onChange={(event) => void chooseFile(event)} />
        </label>
        <span className="muted">{file?.name ?? t('statements.noFile')}</span>
      </div>

      {format === 'generic' && columns && (
        <fieldset className="statement-mapping">
          <legend>{t('statements.mapping')}</legend>
          <p className="muted small">{t('statements.mappingIntro')}</p>
          <div className="form-grid">
            {MAPPED.map((field) => (
              <SelectField
                key={field}
                id={`statement-map-${field}`}
                label={t(`statements.map.${field}`)}
                value={mapping[field] ?? ''}
                error={fieldError(`mapping.${field}`)}
                onChange={(event) => {
                  setMapping((current) => ({ ...current, [field]: event.target.value }));
                  reset();
                }}
              >
                <option value="">{t('statements.map.none')}</option>
                {columns.map((column) => (
                  <option key={column} value={column}>
                    {column}
                  </option>
                ))}
              </SelectField>
            ))}
            <SelectField id="statement-date-format" label={t('statements.dateFormat')} value={dateFormat} onChange={(event) => setDateFormat(event.target.value as MappingInput['dateFormat'])}>
              {STATEMENT_DATE_FORMATS.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </SelectField>
            <SelectField id="statement-decimal" label={t('statements.decimalSeparator')} value={decimalSeparator} onChange={(event) => setDecimalSeparator(event.target.value as '.' | ',')}>
              <option value=".">{t('statements.decimal.dot')}</option>
              <option value=",">{t('statements.decimal.comma')}</option>
            </SelectField>
          </div>
        </fieldset>
      )}

      <div className="button-row">
        <button type="button" className="button" disabled={busy !== null || !file} onClick={() => void read()}>
          {t('statements.read')}
        </button>
        {preview && preview.errorCount === 0 && preview.lines.length > 0 && (
          <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void commit()}>
            {t('statements.import', { count: preview.lines.length })}
          </button>
        )}
        {busy && (
          <span className="progress-inline" role="status">
            <progress className="progress" aria-label={t(busy === 'read' ? 'statements.reading' : 'statements.importing')} />
            {t(busy === 'read' ? 'statements.reading' : 'statements.importing')}
          </span>
        )}
      </div>
      {preview && <StatementPreview preview={preview} />}
    </section>
  );
}

function StatementPreview({ preview }: { preview: Preview }) {
  const { language, t } = useI18n();
  return (
    <div className="import-preview" role="status">
      <p className={preview.errorCount === 0 ? 'notice notice-success' : 'notice notice-error'}>
        {preview.errorCount === 0 ? t('statements.previewSummary', { lines: preview.lines.length, encoding: preview.encoding.toUpperCase(), skipped: preview.skipped }) : t('statements.hasErrors', { errors: preview.errorCount })}
      </p>
      <ImportErrorTable errors={preview.errors} errorCount={preview.errorCount} />
      {preview.errorCount === 0 && preview.lines.length > 0 && (
        <table className="data-table compact-table statement-preview">
          <caption className="visually-hidden">{t('statements.previewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="col-quantity">{t('imports.column.row')}</th>
              <th scope="col">{t('statements.column.date')}</th>
              <th scope="col" className="col-money">{t('statements.column.amount')}</th>
              <th scope="col">{t('statements.column.counterparty')}</th>
              <th scope="col">{t('statements.column.reference')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.lines.slice(0, PREVIEW_LINES).map((line) => (
              <tr key={line.row}>
                <td className="col-quantity">{line.row}</td>
                <td>{formatDate(line.date, language)}</td>
                <td className="col-money">{formatMoney(line.amountMinor, line.currency, language)}</td>
                <td>{line.counterparty}</td>
                <td>{line.reference}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.lines.length > PREVIEW_LINES && <p className="muted small">{t('statements.previewMore', { count: preview.lines.length - PREVIEW_LINES })}</p>}
    </div>
  );
}
