// Actions (`#/actions`): every panel action — waiting for approval, queued, running, done, failed
// or cancelled — with who or what asked, what the panel answered (secrets removed), and what can
// be done about it: approve (termination twice), retry, cancel, record a backup made by hand.
import { useEffect, useState } from 'react';
import type { PanelActionView } from '../../../shared/api/actions.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { PanelActionState } from '../../../shared/domain/panelAction.js';
import { hrefOf } from '../app/routes.js';
import { useApi } from '../api/ApiProvider.js';
import { useSettledChanges } from '../ui/useSettledChanges.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { formatInstant } from '../ui/formatting.js';
import { noticeText } from '../ui/refusalText.js';
import { paramsText, requesterText, waitingText } from './actionText.js';
import { ConfirmTerminationDialog } from './ConfirmTerminationDialog.js';
import { ManualBackupDialog } from './ManualBackupDialog.js';

const VIEWS = {
  open: ['pending_approval', 'queued', 'running'],
  approval: ['pending_approval'],
  failed: ['failed'],
  done: ['succeeded', 'cancelled'],
  all: [],
} as const satisfies Record<string, readonly PanelActionState[]>;
type View = keyof typeof VIEWS;
const PAGE = 100;

const STATE_BADGE: Record<PanelActionState, string> = {
  pending_approval: 'badge badge-restricted',
  queued: 'badge badge-muted',
  running: 'badge badge-active',
  succeeded: 'badge badge-active',
  failed: 'badge badge-suspended',
  cancelled: 'badge badge-cancelled',
};

export function ActionsScreen() {
  const api = useApi();
  const { language, t } = useI18n();
  const [view, setView] = useState<View>('open');
  const [items, setItems] = useState<PanelActionView[] | null>(null);
  const [counts, setCounts] = useState<Record<string, number>>({});
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<PanelActionView | null>(null);
  const [recording, setRecording] = useState<PanelActionView | null>(null);

  const [version, setVersion] = useState(0);
  const actionsChanged = useSettledChanges('actions.updated');
  const reload = () => setVersion((v) => v + 1);
  const statesOf = (v: View) => [...VIEWS[v]];

  useEffect(() => {
    let current = true;
    const states = statesOf(view);
    void api.call('actions.list', { limit: PAGE, ...(states.length ? { states } : {}) }).then((answer) => {
      if (!current) return;
      if (!answer.ok) return setProblem(answer.error);
      setItems(answer.value.items);
      setCounts(answer.value.counts);
      setNextCursor(answer.value.nextCursor);
    });
    return () => {
      current = false;
    };
  }, [api, view, version, actionsChanged]);

  async function more(cursor: string) {
    const states = statesOf(view);
    const answer = await api.call('actions.list', { limit: PAGE, cursor, ...(states.length ? { states } : {}) });
    if (!answer.ok) return setProblem(answer.error);
    setItems((previous) => [...(previous ?? []), ...answer.value.items]);
    setNextCursor(answer.value.nextCursor);
  }

  async function act(action: PanelActionView, method: 'actions.approve' | 'actions.retry' | 'actions.cancel') {
    setBusy(action.id);
    const answer = await api.call(method, { id: action.id });
    setBusy(null);
    setProblem(answer.ok ? null : answer.error);
    reload();
  }

  const count = (v: View) => (v === 'all' ? Object.values(counts).reduce((a, b) => a + b, 0) : VIEWS[v].reduce((sum, s) => sum + (counts[s] ?? 0), 0));

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{t('actions.title')}</h1>
        <a className="button" href={hrefOf({ name: 'drift' })}>
          {t('drift.title')}
        </a>
      </div>
      <p className="screen-intro muted">{t('actions.intro')}</p>
      <div className="segmented" role="group" aria-label={t('actions.show')}>
        {(Object.keys(VIEWS) as View[]).map((v) => (
          <button key={v} type="button" className="button button-small" aria-pressed={view === v} onClick={() => setView(v)}>
            {t(`actions.view.${v}`)} ({count(v)})
          </button>
        ))}
      </div>
      {problem && (
        <p className="notice notice-error" role="alert">
          {noticeText(language, problem, [])}
        </p>
      )}
      {items === null ? (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      ) : items.length === 0 ? (
        <p className="empty-state empty-state-compact muted">{t('actions.none')}</p>
      ) : (
        <div className="wide-table">
          <table className="data-table action-table">
            <caption className="visually-hidden">{t('actions.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('actions.col.asked')}</th>
                <th scope="col">{t('actions.col.contract')}</th>
                <th scope="col">{t('actions.col.action')}</th>
                <th scope="col">{t('actions.col.state')}</th>
                <th scope="col">{t('actions.col.answer')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('panels.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((action) => {
                const params = paramsText(t, action);
                const waiting = waitingText(t, action);
                return (
                  <tr key={action.id} data-action-id={action.id}>
                    <td>
                      {formatInstant(action.createdAt, language)}
                      <br />
                      <span className="small muted">{t('actions.askedBy', { who: requesterText(t, action.requestedBy) })}</span>
                    </td>
                    <td>
                      <a href={hrefOf({ name: 'client', id: action.clientId })}>{action.clientName}</a>
                      <br />
                      {action.contractLabel} <span className="small muted">({action.connectionName}: {action.account})</span>
                    </td>
                    <td>
                      <strong>{t(`actionKind.${action.kind}`)}</strong>
                      {params && <span className="small"> — {params}</span>}
                      {action.reason && (
                        <>
                          <br />
                          <span className="small muted">{action.reason}</span>
                        </>
                      )}
                    </td>
                    <td>
                      <span className={STATE_BADGE[action.state]}>{t(`actionState.${action.state}`)}</span>
                      {action.dryRun && <span className="badge badge-muted">{t('actions.dryRun')}</span>}
                      {waiting && <p className="small muted">{waiting}</p>}
                      {action.noBackupPossible && action.state === 'pending_approval' && <p className="small notice notice-warning">{t('actions.noBackupWarning')}</p>}
                    </td>
                    <td className="small">
                      {action.error && <p className="field-error">{action.error.message}</p>}
                      {action.answer && <code className="panel-answer">{action.answer}</code>}
                    </td>
                    <td>
                      <div className="button-row">
                        {action.state === 'pending_approval' && !action.awaitingConfirmation && (
                          <button type="button" className="button button-small button-primary" disabled={busy === action.id} onClick={() => void act(action, 'actions.approve')}>
                            {t(action.kind === 'terminate' ? 'actions.approveTermination' : 'actions.approve')}
                          </button>
                        )}
                        {action.awaitingConfirmation && (
                          <button type="button" className="button button-small button-danger" onClick={() => setConfirming(action)}>
                            {t('actions.confirmTermination')}
                          </button>
                        )}
                        {action.noBackupPossible && action.state === 'pending_approval' && (
                          <button type="button" className="button button-small" onClick={() => setRecording(action)}>
                            {t('actions.recordManualBackup')}
                          </button>
                        )}
                        {action.state === 'failed' && (
                          <button type="button" className="button button-small" disabled={busy === action.id} onClick={() => void act(action, 'actions.retry')}>
                            {t('actions.retry')}
                          </button>
                        )}
                        {(action.state === 'pending_approval' || action.state === 'queued' || action.state === 'failed') && (
                          <button type="button" className="button button-small button-danger-outline" disabled={busy === action.id} onClick={() => void act(action, 'actions.cancel')}>
                            {t('actions.cancel')}
                          </button>
                        )}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {nextCursor && (
        <button type="button" className="button" onClick={() => void more(nextCursor)}>
          {t('actions.more')}
        </button>
      )}
      {confirming && <ConfirmTerminationDialog action={confirming} onClose={() => setConfirming(null)} />}
      {recording && <ManualBackupDialog contractId={recording.contractId} label={recording.contractLabel} onClose={() => setRecording(null)} />}
    </div>
  );
}
