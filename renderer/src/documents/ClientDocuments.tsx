// A client's documents on their page: Write a letter, the archive of everything issued to them
// (invoices, statements, letters — each kept once with its SHA-256, reopened with the same bytes)
// and the communication log (what went to them, when, how, and the hash of what was sent).
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { CALL_OUTCOMES, type CallOutcome } from '../../../shared/api/channels.js';
import type { ArchivedDocument, Communication } from '../../../shared/api/documents.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { AskCallDialog } from '../calls/AskCallDialog.js';
import { BounceDialog } from '../channels/BounceDialog.js';
import { formatInstant } from '../ui/formatting.js';
import { TabPanel, Tabs } from '../ui/Tabs.js';
import { useBookToday } from '../ui/useBookToday.js';
import { documentFileName } from './documentFileName.js';
import { documentKindKey } from './letterKindText.js';
import { LetterDialog } from './LetterDialog.js';
import { PdfActions } from './PdfActions.js';
import type { Loadable } from '../ui/loadable.js';

type DocumentsTab = 'archive' | 'log';
const TABS: readonly DocumentsTab[] = ['archive', 'log'];
const PAGE = 50;

/** The start of a hash, enough to compare by eye with a register or a printout. */
export const shortHash = (sha256: string) => sha256.slice(0, 12);

type Page<T> = Loadable<{ items: T[]; nextCursor: string | null; loadingMore: boolean }>;

/** One paged list of this client's, loaded again when `changes` moves on. */
function usePages<T>(load: (cursor: string | undefined) => Promise<{ ok: true; value: { items: T[]; nextCursor: string | null } } | { ok: false; error: ApiErrorBody }>, changes: number) {
  const [page, setPage] = useState<Page<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void load(undefined).then((answer) => {
      if (current) setPage(answer.ok ? { status: 'ready', items: answer.value.items, nextCursor: answer.value.nextCursor, loadingMore: false } : { status: 'failed', error: answer.error });
    });
    return () => {
      current = false;
    };
  }, [load, changes]);
  async function more() {
    if (page.status !== 'ready' || !page.nextCursor) return;
    setPage({ ...page, loadingMore: true });
    const answer = await load(page.nextCursor);
    setPage(answer.ok ? { status: 'ready', items: [...page.items, ...answer.value.items], nextCursor: answer.value.nextCursor, loadingMore: false } : { ...page, loadingMore: false });
  }
  return { page, more };
}

export function ClientDocuments({ client }: { client: { id: string; name: string; status: string } }) {
  const api = useApi();
  const { t } = useI18n();
  const today = useBookToday();
  const [tab, setTab] = useState<DocumentsTab>('archive');
  const [writing, setWriting] = useState(false);
  const [issued, setIssued] = useState<string | null>(null);
  const [askingCall, setAskingCall] = useState(false);
  const [callAsked, setCallAsked] = useState(false);
  const [changes, setChanges] = useState(0);
  const loadDocuments = useCallback((cursor: string | undefined) => api.call('documents.list', { clientId: client.id, limit: PAGE, ...(cursor ? { cursor } : {}) }), [api, client.id]);
  const loadLog = useCallback((cursor: string | undefined) => api.call('communications.list', { clientId: client.id, limit: PAGE, ...(cursor ? { cursor } : {}) }), [api, client.id]);
  const documents = usePages<ArchivedDocument>(loadDocuments, changes);
  const log = usePages<Communication>(loadLog, changes);
  // An invoice's PDF opened for the first time is issued into the archive: the lists follow.
  useBackendEvent('accounts.changed', (change) => {
    if (change.clientId === client.id) setChanges((count) => count + 1);
  });

  return (
    <section className="page-section" aria-labelledby="client-documents-heading">
      <div className="section-header">
        <h2 id="client-documents-heading">{t('clientDocuments.title')}</h2>
        <div className="button-row">
          <button type="button" className="button" onClick={() => setChanges((count) => count + 1)}>
            {t('clientDocuments.refresh')}
          </button>
          <button type="button" className="button" onClick={() => setAskingCall(true)}>
            {t('calls.ask')}
          </button>
          <button type="button" className="button button-primary" disabled={today.status !== 'ready'} onClick={() => setWriting(true)}>
            {t('clientDocuments.writeLetter')}
          </button>
        </div>
      </div>
      {issued && (
        <p className="notice notice-success" role="status">
          {t('clientDocuments.issued', { title: issued })}
        </p>
      )}
      {callAsked && (
        <p className="notice notice-success" role="status">
          {t('calls.asked', { client: client.name })}
        </p>
      )}
      <div className="panel">
        <Tabs label={t('clientDocuments.tabs')} idPrefix="documents" tabs={TABS.map((id) => ({ id, label: t(`clientDocuments.tab.${id}`) }))} selected={tab} onSelect={setTab} />
        <TabPanel idPrefix="documents" id={tab}>
          {tab === 'archive' && <PagedTable page={documents.page} onMore={() => void documents.more()} empty={t('clientDocuments.noDocuments')} render={(items) => <ArchiveTable items={items} clientName={client.name} />} />}
          {tab === 'log' && <PagedTable page={log.page} onMore={() => void log.more()} empty={t('clientDocuments.noCommunications')} render={(items) => <LogTable items={items} onChanged={() => setChanges((count) => count + 1)} />} />}
        </TabPanel>
      </div>
      {askingCall && (
        <AskCallDialog
          client={client}
          onClose={() => setAskingCall(false)}
          onAsked={() => {
            setAskingCall(false);
            setCallAsked(true);
          }}
        />
      )}
      {writing && today.status === 'ready' && (
        <LetterDialog
          client={client}
          today={today.today}
          onClose={() => setWriting(false)}
          onIssued={(result) => {
            setWriting(false);
            setIssued(result.document?.title ?? '');
            setTab('archive');
            setChanges((count) => count + 1);
          }}
        />
      )}
    </section>
  );
}

function PagedTable<T>({ page, onMore, empty, render }: { page: Page<T>; onMore: () => void; empty: string; render: (items: T[]) => ReactNode }) {
  const { language, t } = useI18n();
  if (page.status === 'loading')
    return (
      <p className="muted" role="status">
        {t('shell.loading')}
      </p>
    );
  if (page.status === 'failed')
    return (
      <p className="notice notice-error" role="alert">
        {translateApiError(language, page.error)}
      </p>
    );
  if (page.items.length === 0) return <p className="empty-state empty-state-compact">{empty}</p>;
  return (
    <>
      {render(page.items)}
      {page.nextCursor && (
        <button type="button" className="button list-more" disabled={page.loadingMore} onClick={onMore}>
          {page.loadingMore ? t('shell.loading') : t('list.loadMore')}
        </button>
      )}
    </>
  );
}

function ArchiveTable({ items, clientName }: { items: ArchivedDocument[]; clientName: string }) {
  const api = useApi();
  const { language, t } = useI18n();
  return (
    <table className="data-table compact-table archive-table">
      <caption className="visually-hidden">{t('clientDocuments.tab.archive')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('clientDocuments.column.kind')}</th>
          <th scope="col">{t('clientDocuments.column.date')}</th>
          <th scope="col">{t('clientDocuments.column.title')}</th>
          <th scope="col" className="col-quantity">{t('clientDocuments.column.pages')}</th>
          <th scope="col">{t('clientDocuments.column.sha256')}</th>
          <th scope="col">{t('clientDocuments.column.open')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((document) => (
          <tr key={document.id}>
            <td>{t(documentKindKey(document.kind))}</td>
            <td>{formatInstant(document.createdAt, language)}</td>
            <td>{document.title}</td>
            <td className="col-quantity">{document.pages}</td>
            <td>
              <code title={document.sha256}>{shortHash(document.sha256)}</code>
            </td>
            <td>
              <PdfActions
                compact
                load={async () => {
                  const answer = await api.call('documents.get', { id: document.id });
                  return answer.ok ? { ok: true, value: { pdfBase64: answer.value.base64, warnings: answer.value.document.warnings } } : answer;
                }}
                fileName={documentFileName([document.title, clientName], 'pdf')}
                label={t('pdfActions.of', { title: document.title })}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LogTable({ items, onChanged }: { items: Communication[]; onChanged: () => void }) {
  const { language, t } = useI18n();
  const [bouncing, setBouncing] = useState<Communication | null>(null);
  // An email bounces once: a sent one that a later entry already marks bounced offers no second bounce.
  const bounced = new Set(items.filter((entry) => entry.status === 'bounced').map((entry) => `${entry.documentId ?? ''}|${entry.contentSha256}`));
  return (
    <>
      <table className="data-table compact-table log-table">
        <caption className="visually-hidden">{t('clientDocuments.tab.log')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('clientDocuments.column.time')}</th>
            <th scope="col">{t('clientDocuments.column.channel')}</th>
            <th scope="col">{t('clientDocuments.column.subject')}</th>
            <th scope="col">{t('clientDocuments.column.recipient')}</th>
            <th scope="col">{t('clientDocuments.column.status')}</th>
            <th scope="col">{t('clientDocuments.column.detail')}</th>
            <th scope="col">{t('clientDocuments.column.sha256')}</th>
            <th scope="col">{t('clientDocuments.column.action')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((entry) => (
            <tr key={entry.id}>
              <td>{formatInstant(entry.at, language)}</td>
              <td>{channelText(entry.channel, t)}</td>
              <td>{entry.subject}</td>
              <td className="cell-wrap">{entry.recipient}</td>
              <td>{statusText(entry.status, t)}</td>
              <td className="cell-wrap">{entry.detail ?? ''}</td>
              <td>
                <code title={entry.contentSha256}>{shortHash(entry.contentSha256)}</code>
              </td>
              <td>
                {entry.channel === 'email' && entry.status === 'sent' && !bounced.has(`${entry.documentId ?? ''}|${entry.contentSha256}`) && (
                  <button type="button" className="button button-small" aria-label={t('emailBounce.actionOf', { recipient: entry.recipient })} onClick={() => setBouncing(entry)}>
                    {t('emailBounce.action')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {bouncing && (
        <BounceDialog
          entry={bouncing}
          onClose={() => setBouncing(null)}
          onRecorded={() => {
            setBouncing(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}

// Channels and statuses are open lists (the arrears ladder adds email, SMS and calls): a word this
// screen does not know yet is shown as the book wrote it.
const CHANNELS = ['letter', 'email', 'sms', 'call'] as const;
const STATUSES = ['issued', 'printed', 'sent', 'delivered', 'failed', 'bounced', 'queued_for_print'] as const;
type T = ReturnType<typeof useI18n>['t'];
const channelText = (channel: string, t: T) => ((CHANNELS as readonly string[]).includes(channel) ? t(`commLog.channel.${channel as (typeof CHANNELS)[number]}`) : channel);
const statusText = (status: string, t: T) => {
  if ((STATUSES as readonly string[]).includes(status)) return t(`commLog.status.${status as (typeof STATUSES)[number]}`);
  // A call's status is how it went.
  if ((CALL_OUTCOMES as readonly string[]).includes(status)) return t(`calls.outcome.${status as CallOutcome}`);
  return status;
};
