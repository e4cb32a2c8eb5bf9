// Print letters (`#/documents/batch`, under Invoices): one kind of letter for many clients — by
// default everyone with overdue invoices — in one PDF sorted by a chosen key, with a register
// (CSV) of what was printed for whom. Every letter is archived and logged as it is printed. The
// batch runs off the UI thread with a progress bar and Cancel (a cancelled batch keeps nothing).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { BatchResult } from '../../../shared/api/documents.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { BATCH_SORT_KEYS, LETTER_KINDS, type BatchSortKey, type LetterKind } from '../../../shared/documents/kinds.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { formatMoney } from '../../../shared/money.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { hrefOf } from '../app/routes.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { LettersOfTheDay } from '../channels/LettersOfTheDay.js';
import { SelectField, TextAreaField, TextField } from '../ui/Field.js';
import { useBookToday } from '../ui/useBookToday.js';
import { RECIPIENT_GROUPS, recipientsOf, type Recipient, type RecipientGroup } from './batchRecipients.js';
import { documentFileName } from './documentFileName.js';
import { DocumentRefusal } from './DocumentRefusal.js';
import { DocumentWarnings } from './DocumentWarnings.js';
import { letterKindKey } from './letterKindText.js';
import { letterDefaults, letterErrorText, letterFieldsOf, letterParamsOf, type LetterValues } from './letterParams.js';
import { blobUrlOf, saveFile } from './pdfFile.js';
import { PdfActions } from './PdfActions.js';
import { PrintedBatches } from './PrintedBatches.js';
import type { Loadable } from '../ui/loadable.js';

/** The aging report lists at most this many clients in each currency; a batch is for the ones who owe. */
const MOST_CLIENTS = 1000;

type Aging = Loadable<{ clients: Parameters<typeof recipientsOf>[0] }>;
type Progress = { jobId: string; done: number; total: number | null };

export function PrintBatchScreen() {
  const api = useApi();
  const { language, t } = useI18n();
  const today = useBookToday();
  const [aging, setAging] = useState<Aging>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [kind, setKind] = useState<LetterKind>('first_notice');
  const [group, setGroup] = useState<RecipientGroup>('overdue');
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [values, setValues] = useState<LetterValues | null>(null);
  const [sortBy, setSortBy] = useState<BatchSortKey>('client_name');
  const [descending, setDescending] = useState(false);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<BatchResult | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [printedCount, setPrintedCount] = useState(0);

  useEffect(() => {
    let current = true;
    void api.call('reports.aging', { limit: MOST_CLIENTS }).then((answer) => {
      if (current) setAging(answer.ok ? { status: 'ready', clients: answer.value.clients } : { status: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [api, attempt]);

  useBackendEvent('job.progress', (event) => {
    if (running && event.label.startsWith('documents') && !event.finished) setProgress({ jobId: event.jobId, done: event.done, total: event.total });
  });

  const shownValues = values ?? (today.status === 'ready' ? letterDefaults(today.today) : null);
  const recipients: Recipient[] = aging.status === 'ready' ? recipientsOf(aging.clients, group) : [];
  const chosen = recipients.filter((recipient) => !left.has(recipient.clientId));
  const fields = letterFieldsOf(kind);
  const refused = problem?.code === 'invalid_input' ? (problem.details?.fields ?? []) : [];
  // Every letter of the batch gets the same dates, so an error on any one is shown at the box.
  const errorOf = (name: keyof LetterValues) => {
    const error = refused.find((candidate) => candidate.field.endsWith(`params.${name}`));
    return error ? letterErrorText(language, error) : undefined;
  };
  const placedErrors = refused.filter((error) => /params\.\w+$/.test(error.field)).map((error) => error.field);

  async function run(event: FormEvent) {
    event.preventDefault();
    if (!shownValues || chosen.length === 0) return;
    setRunning(true);
    setProgress(null);
    setResult(null);
    setProblem(null);
    const params = letterParamsOf(kind, shownValues);
    const answer = await api.call('documents.batch', { letters: chosen.map((recipient) => ({ clientId: recipient.clientId, kind, params })), sortBy, descending });
    setRunning(false);
    setResult(answer.ok ? answer.value : null);
    setProblem(answer.ok ? null : answer.error);
    setPrintedCount((count) => count + 1);
  }

  function toggle(clientId: string) {
    setLeft((current) => {
      const next = new Set(current);
      if (next.has(clientId)) next.delete(clientId);
      else next.add(clientId);
      return next;
    });
  }

  const known = progress !== null && progress.total !== null && progress.total > 0;

  return (
    <div className="screen">
      <p className="breadcrumb">
        <a href={hrefOf({ name: 'invoices' })}>{t('printBatch.back')}</a>
      </p>
      <div className="screen-header">
        <h1>{t('printBatch.title')}</h1>
      </div>
      <p className="screen-intro muted">{t('printBatch.intro')}</p>
      <LettersOfTheDay />

      <form className="panel batch-form" noValidate onSubmit={(event) => void run(event)} aria-labelledby="batch-letters-heading">
        <h2 id="batch-letters-heading" className="panel-title">
          {t('printBatch.letters')}
        </h2>
        <div className="form-grid">
          <SelectField id="batch-kind" label={t('printBatch.kind')} value={kind} onChange={(event) => setKind(event.target.value as LetterKind)}>
            {LETTER_KINDS.map((option) => (
              <option key={option} value={option}>
                {t(letterKindKey(option))}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="batch-group"
            label={t('printBatch.who')}
            value={group}
            onChange={(event) => {
              setGroup(event.target.value as RecipientGroup);
              setLeft(new Set());
            }}
          >
            {RECIPIENT_GROUPS.map((option) => (
              <option key={option} value={option}>
                {t(`printBatch.group.${option}`)}
              </option>
            ))}
          </SelectField>
          <SelectField id="batch-sort" label={t('printBatch.sortBy')} value={sortBy} onChange={(event) => setSortBy(event.target.value as BatchSortKey)}>
            {BATCH_SORT_KEYS.map((option) => (
              <option key={option} value={option}>
                {t(`printBatch.sort.${option}`)}
              </option>
            ))}
          </SelectField>
          <div className="checkbox-field">
            <label>
              <input type="checkbox" checked={descending} onChange={(event) => setDescending(event.target.checked)} /> {t('printBatch.descending')}
            </label>
          </div>
          {shownValues && fields.includes('suspensionDate') && (
            <TextField id="batch-suspensionDate" type="date" label={t('letterWriter.suspensionDate')} value={shownValues.suspensionDate} error={errorOf('suspensionDate')} onChange={(event) => setValues({ ...shownValues, suspensionDate: event.target.value })} />
          )}
          {shownValues && fields.includes('terminationDate') && (
            <TextField id="batch-terminationDate" type="date" label={t('letterWriter.terminationDate')} value={shownValues.terminationDate} error={errorOf('terminationDate')} onChange={(event) => setValues({ ...shownValues, terminationDate: event.target.value })} />
          )}
          {shownValues && fields.includes('restriction') && (
            <TextAreaField
              id="batch-restriction"
              className="span-2"
              label={t('letterWriter.restriction')}
              hint={t('letterWriter.restrictionHint')}
              rows={2}
              value={shownValues.restriction}
              error={errorOf('restriction')}
              onChange={(event) => setValues({ ...shownValues, restriction: event.target.value })}
            />
          )}
        </div>

        <fieldset className="batch-recipients">
          <legend>{t('printBatch.recipients', { chosen: chosen.length, total: recipients.length })}</legend>
          {aging.status === 'loading' && (
            <p className="muted" role="status">
              {t('shell.loading')}
            </p>
          )}
          {aging.status === 'failed' && (
            <div className="notice notice-error" role="alert">
              <p>{translateApiError(language, aging.error)}</p>
              <button type="button" className="button" onClick={() => setAttempt((count) => count + 1)}>
                {t('list.retry')}
              </button>
            </div>
          )}
          {aging.status === 'ready' && recipients.length === 0 && <p className="empty-state empty-state-compact">{t(`printBatch.nobody.${group}`)}</p>}
          {recipients.length > 0 && (
            <>
              <div className="button-row">
                <button type="button" className="button button-small" onClick={() => setLeft(new Set())}>
                  {t('printBatch.all')}
                </button>
                <button type="button" className="button button-small" onClick={() => setLeft(new Set(recipients.map((recipient) => recipient.clientId)))}>
                  {t('printBatch.none')}
                </button>
              </div>
              <ul className="recipient-list">
                {recipients.map((recipient) => (
                  <li key={recipient.clientId}>
                    <label>
                      <input type="checkbox" checked={!left.has(recipient.clientId)} onChange={() => toggle(recipient.clientId)} /> {recipient.clientName}{' '}
                      <span className="muted">{formatMoney(recipient.amountMinor, recipient.currency, language)}</span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
        </fieldset>

        <div className="button-row form-actions">
          <button type="submit" className="button button-primary" disabled={running || chosen.length === 0 || !shownValues}>
            {t('printBatch.run', { count: chosen.length })}
          </button>
          {running && (
            <>
              <span className="progress-inline" role="status">
                {known ? <progress className="progress" value={progress.done} max={progress.total!} aria-label={t('printBatch.running')} /> : <progress className="progress" aria-label={t('printBatch.running')} />}
                {known ? t('printBatch.progress', { done: progress.done, total: progress.total! }) : t('printBatch.running')}
              </span>
              <button type="button" className="button button-small" onClick={() => void api.call('documents.cancel', progress ? { jobId: progress.jobId } : {})}>
                {t('printBatch.cancel')}
              </button>
            </>
          )}
        </div>
        {problem && <DocumentRefusal error={problem} placed={placedErrors} />}
      </form>

      {result && <BatchOutcome result={result} />}
      <PrintedBatches changes={printedCount} />
    </div>
  );
}

function BatchOutcome({ result }: { result: BatchResult }) {
  const api = useApi();
  const { t } = useI18n();
  const shown = useRef<HTMLElement & HTMLParagraphElement>(null);
  // Below a long list of clients the outcome would be out of sight: it comes into view, and
  // keyboard users land on it.
  useEffect(() => {
    shown.current?.scrollIntoView({ block: 'nearest' });
    shown.current?.focus();
  }, []);
  if (result.status === 'cancelled' || !result.batch) {
    return (
      <p ref={shown} tabIndex={-1} className="notice notice-warning" role="status">
        {t('printBatch.cancelled')}
      </p>
    );
  }
  const batch = result.batch;
  const csv = result.registerCsv;
  return (
    <section ref={shown} tabIndex={-1} className="panel batch-result" aria-labelledby="batch-result-heading">
      <h2 id="batch-result-heading" className="panel-title">
        {t('printBatch.done')}
      </h2>
      <p role="status">{t('printBatch.summary', { documents: result.documents, pages: result.pages })}</p>
      <PdfActions
        load={async () => {
          const answer = await api.call('documents.get', { id: batch.id });
          return answer.ok ? { ok: true, value: { pdfBase64: answer.value.base64, warnings: [] } } : answer;
        }}
        fileName={documentFileName([batch.title, batch.createdAt.slice(0, 10)], 'pdf')}
        label={t('printBatch.pdf')}
      />
      {csv !== null && (
        <button
          type="button"
          className="button"
          onClick={() => {
            const url = blobUrlOf(csv, 'text/csv;charset=utf-8');
            saveFile(url, documentFileName([t('printBatch.registerFile'), batch.createdAt.slice(0, 10)], 'csv'));
            // The download has its own copy of the bytes once it started.
            setTimeout(() => URL.revokeObjectURL(url), 60_000);
          }}
        >
          {t('printBatch.register')}
        </button>
      )}
      <DocumentWarnings warnings={result.warnings} />
    </section>
  );
}
