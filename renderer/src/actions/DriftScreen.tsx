// Drift report (`#/drift`): contracts whose status in the book and state on their panel disagree,
// read live from every linked panel (with progress), each with a one-click fix in either direction.
import { useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { hrefOf } from '../app/routes.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { noticeText } from '../ui/refusalText.js';

type Report = Output<'panels.drift'>;
type Item = Report['items'][number];

export function DriftScreen() {
  const api = useApi();
  const { language, t } = useI18n();
  const [report, setReport] = useState<Report | null>(null);
  const [checking, setChecking] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number | null } | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [fixed, setFixed] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);

  useBackendEvent('job.progress', (event) => {
    if (checking && event.label === 'Comparing the book with the panels') setProgress({ done: event.done, total: event.total });
  });

  async function check() {
    setChecking(true);
    setProgress(null);
    setFixed({});
    const answer = await api.call('panels.drift', {});
    setChecking(false);
    if (answer.ok) setReport(answer.value);
    setProblem(answer.ok ? null : answer.error);
  }

  async function fix(item: Item, direction: 'panel_to_book' | 'book_to_panel') {
    setBusy(item.contractId);
    const answer = await api.call('panels.fixDrift', { contractId: item.contractId, fix: direction });
    setBusy(null);
    if (!answer.ok) return setProblem(answer.error);
    setProblem(null);
    setFixed({ ...fixed, [item.contractId]: answer.value.actionId ? t('drift.fixQueued') : t('drift.fixBook', { status: t(`contractStatus.${answer.value.bookStatus}`) }) });
  }

  const fixLabel = (item: Item, direction: 'panel_to_book' | 'book_to_panel') =>
    direction === 'panel_to_book'
      ? t(item.problem === 'suspended_on_panel' ? 'drift.unsuspendOnPanel' : 'drift.suspendOnPanel')
      : t(item.problem === 'suspended_on_panel' ? 'drift.markSuspended' : item.problem === 'missing_on_panel' ? 'drift.markTerminated' : 'drift.markActive');

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{t('drift.title')}</h1>
        <a className="button" href={hrefOf({ name: 'actions' })}>
          {t('actions.title')}
        </a>
      </div>
      <p className="screen-intro muted">{t('drift.intro')}</p>
      <div className="toolbar">
        <button type="button" className="button button-primary" onClick={() => void check()} disabled={checking}>
          {t('drift.check')}
        </button>
        {checking && (
          <span className="progress-inline" role="status">
            {progress?.total ? <progress className="progress" value={progress.done} max={progress.total} aria-label={t('drift.checking')} /> : <progress className="progress" aria-label={t('drift.checking')} />}
            {progress?.total ? t('drift.progress', { done: progress.done, total: progress.total }) : t('drift.checking')}
          </span>
        )}
      </div>
      {problem && (
        <p className="notice notice-error" role="alert">
          {noticeText(language, problem, [])}
        </p>
      )}
      {report &&
        (report.items.length === 0 ? (
          <p className="notice notice-success" role="status">
            {t('drift.none', { checked: report.checked })}
          </p>
        ) : (
          <div className="wide-table">
            <p role="status">{t('drift.found', { count: report.items.length, checked: report.checked })}</p>
            <table className="data-table drift-table">
              <caption className="visually-hidden">{t('drift.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('actions.col.contract')}</th>
                  <th scope="col">{t('drift.inBook')}</th>
                  <th scope="col">{t('drift.onPanel')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('panels.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((item) => (
                  <tr key={item.contractId}>
                    <td>
                      {item.clientName}
                      <br />
                      {item.label} <span className="small muted">({item.connectionName}: {item.account})</span>
                    </td>
                    <td>{t(`contractStatus.${item.bookStatus}`)}</td>
                    <td>
                      <strong>{t(`drift.problem.${item.problem}`)}</strong>
                      <br />
                      <span className="small muted">{item.panelSummary}</span>
                    </td>
                    <td>
                      {fixed[item.contractId] ? (
                        <span className="saved-note" role="status">
                          {fixed[item.contractId]}
                        </span>
                      ) : (
                        <div className="button-row">
                          {item.fixes.map((direction) => (
                            <button key={direction} type="button" className="button button-small" disabled={busy === item.contractId} onClick={() => void fix(item, direction)}>
                              {fixLabel(item, direction)}
                            </button>
                          ))}
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </div>
  );
}
