// Calls (`#/calls`): the phone calls to make — asked for by the arrears ladder or a colleague —
// with the client, their number and the invoice; record how each went (the outcome goes into the
// client's communication log), and the calls made most recently below. A standalone component so
// the arrears desk can show it too.
import { useEffect, useState } from 'react';
import type { CallTask } from '../../../shared/api/channels.js';
import { LETTER_KINDS, type LetterKind } from '../../../shared/documents/kinds.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { hrefOf } from '../app/routes.js';
import { useApi } from '../api/ApiProvider.js';
import { letterKindKey } from '../documents/letterKindText.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatInstant } from '../ui/formatting.js';
import { RecordCallDialog } from './RecordCallDialog.js';
import type { Loadable } from '../ui/loadable.js';

type Loaded = Loadable<{ open: CallTask[]; done: CallTask[] }>;

export function CallTasks() {
  const api = useApi();
  const { language, t } = useI18n();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const [recording, setRecording] = useState<CallTask | null>(null);
  const [recorded, setRecorded] = useState<CallTask | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([api.call('calls.list', { state: 'open' }), api.call('calls.list', { state: 'done' })]).then(([open, done]) => {
      if (!current) return;
      if (!open.ok) return setLoaded({ status: 'failed', error: open.error });
      if (!done.ok) return setLoaded({ status: 'failed', error: done.error });
      setLoaded({ status: 'ready', open: open.value.items, done: done.value.items.slice(0, 50) });
    });
    return () => {
      current = false;
    };
  }, [api, version]);

  // The ladder asks for a call about a letter it sends (first_notice…); a person asks 'requested'.
  const kindText = (kind: string) => (kind === 'requested' ? t('calls.kind.requested') : (LETTER_KINDS as readonly string[]).includes(kind) ? t(letterKindKey(kind as LetterKind)) : kind);

  return (
    <div className="screen calls-screen">
      <div className="screen-header">
        <h1>{t('calls.title')}</h1>
        <button type="button" className="button" onClick={() => setVersion((v) => v + 1)}>
          {t('clientDocuments.refresh')}
        </button>
      </div>
      <p className="screen-intro muted">{t('calls.intro')}</p>
      {recorded && (
        <p className="notice notice-success" role="status">
          {t('calls.recorded', { client: recorded.clientName, outcome: recorded.outcome ? t(`calls.outcome.${recorded.outcome}`) : '' })}
        </p>
      )}
      {loaded.status === 'loading' && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}
      {loaded.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p>{translateApiError(language, loaded.error)}</p>
          <button type="button" className="button" onClick={() => setVersion((v) => v + 1)}>
            {t('list.retry')}
          </button>
        </div>
      )}
      {loaded.status === 'ready' && (
        <>
          <section className="panel" aria-labelledby="calls-open-heading">
            <h2 id="calls-open-heading" className="panel-title">
              {t('calls.title')}
            </h2>
            {loaded.open.length === 0 ? (
              <p className="empty-state empty-state-compact">{t('calls.empty')}</p>
            ) : (
              <table className="data-table compact-table">
                <caption className="visually-hidden">{t('calls.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('calls.column.client')}</th>
                    <th scope="col">{t('calls.column.phone')}</th>
                    <th scope="col">{t('calls.column.invoice')}</th>
                    <th scope="col">{t('calls.column.due')}</th>
                    <th scope="col">{t('calls.column.reason')}</th>
                    <th scope="col">{t('calls.column.note')}</th>
                    <th scope="col">{t('calls.column.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.open.map((call) => (
                    <tr key={call.id}>
                      <th scope="row">
                        <a href={hrefOf({ name: 'client', id: call.clientId })}>{call.clientName}</a>
                      </th>
                      <td>{call.phone ? <a href={`tel:${call.phone.replace(/[^+0-9]/g, '')}`}>{call.phone}</a> : <span className="muted">{t('calls.noPhone')}</span>}</td>
                      <td>{call.invoiceNumber ?? '—'}</td>
                      <td>{call.dueOn}</td>
                      <td>{kindText(call.kind)}</td>
                      <td className="cell-wrap">{call.note ?? ''}</td>
                      <td>
                        <button type="button" className="button button-small" aria-label={t('calls.recordOf', { client: call.clientName })} onClick={() => setRecording(call)}>
                          {t('calls.record')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="panel" aria-labelledby="calls-done-heading">
            <h2 id="calls-done-heading" className="panel-title">
              {t('calls.doneTitle')}
            </h2>
            {loaded.done.length === 0 ? (
              <p className="empty-state empty-state-compact">{t('calls.doneEmpty')}</p>
            ) : (
              <table className="data-table compact-table">
                <caption className="visually-hidden">{t('calls.doneTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('calls.column.client')}</th>
                    <th scope="col">{t('calls.column.when')}</th>
                    <th scope="col">{t('calls.column.outcome')}</th>
                    <th scope="col">{t('calls.column.invoice')}</th>
                    <th scope="col">{t('calls.column.note')}</th>
                  </tr>
                </thead>
                <tbody>
                  {loaded.done.map((call) => (
                    <tr key={call.id}>
                      <th scope="row">
                        <a href={hrefOf({ name: 'client', id: call.clientId })}>{call.clientName}</a>
                      </th>
                      <td>{call.doneAt ? formatInstant(call.doneAt, language) : ''}</td>
                      <td>{call.outcome ? t(`calls.outcome.${call.outcome}`) : ''}</td>
                      <td>{call.invoiceNumber ?? '—'}</td>
                      <td className="cell-wrap">{call.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
      {recording && (
        <RecordCallDialog
          call={recording}
          onClose={() => setRecording(null)}
          onRecorded={(call) => {
            setRecording(null);
            setRecorded(call);
            setVersion((v) => v + 1);
          }}
        />
      )}
    </div>
  );
}
