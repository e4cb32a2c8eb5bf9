// The Arrears ladder panel of a client's page: the client's "manual only" switch, which dunning
// policy applies to them and to each of their contracts, every rung of the ladder so far (step,
// state, when, who decided, what each action did; newest first), and what comes in the next 30 days if nobody pays.
import { useEffect, useState } from 'react';
import type { PolicyView, RungView } from '../../../shared/api/dunning.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import { LIVE_STATUSES, type Contract } from '../../../shared/domain/contract.js';
import type { AssignmentScope } from '../../../shared/ladder/policy.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SelectField } from '../ui/Field.js';
import { formatColumnDate, formatInstant } from '../ui/formatting.js';
import { noticeText } from '../ui/refusalText.js';
import { outcomeDetailText, outcomeKindText, stepLabel } from './ladderText.js';
import './ladder.css';
import { policyName } from './policyName.js';

type ForecastEntry = Output<'dunning.forecast'>['entries'][number];

const RUNG_BADGE: Record<RungView['state'], string> = {
  approved: 'badge badge-active',
  running: 'badge badge-active',
  done: 'badge badge-active',
  failed: 'badge badge-suspended',
  skipped: 'badge badge-muted',
  missed: 'badge badge-muted',
  superseded: 'badge badge-muted',
  postponed: 'badge badge-muted',
};

export function ClientLadderPanel({ clientId, contracts }: { clientId: string; contracts: readonly Contract[] }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [history, setHistory] = useState<Output<'dunning.history'> | null>(null);
  const [upcoming, setUpcoming] = useState<ForecastEntry[] | null>(null);
  const [policies, setPolicies] = useState<PolicyView[]>([]);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [version, setVersion] = useState(0);
  useBackendEvent('dunning.ran', () => setVersion((v) => v + 1));

  useEffect(() => {
    let current = true;
    void Promise.all([api.call('dunning.history', { clientId }), api.call('dunning.forecast', { clientId, days: 30 }), api.call('dunning.policies.list', {})]).then(([rungs, forecast, list]) => {
      if (!current) return;
      if (rungs.ok) setHistory(rungs.value);
      if (forecast.ok) setUpcoming(forecast.value.entries);
      if (list.ok) setPolicies(list.value.policies);
      const failed = [rungs, forecast, list].find((answer) => !answer.ok);
      setProblem(failed && !failed.ok ? failed.error : null);
    });
    return () => {
      current = false;
    };
  }, [api, clientId, version]);

  async function setManualOnly(manualOnly: boolean) {
    const answer = await api.call('dunning.manualOnly.set', { clientId, manualOnly });
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) setHistory((previous) => (previous ? { ...previous, manualOnly: answer.value.manualOnly } : previous));
  }

  async function assign(scope: AssignmentScope, target: string, policyId: string) {
    const answer = await api.call('dunning.policies.assign', { scope, target, policyId: policyId === '' ? null : policyId });
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) setPolicies(answer.value.policies);
  }

  /** A rung names its step by key; the policies say what that step does, so it is named in words. */
  const stepOf = (key: string) => {
    const ordered = [...policies].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
    for (const policy of ordered) {
      const step = policy.policy.steps.find((candidate) => candidate.key === key);
      if (step) return stepLabel(t, step.actions, [step.offsetDays]);
    }
    return key;
  };
  const rungs = history ? [...history.rungs].sort((a, b) => (b.doneOn ?? b.scheduledOn).localeCompare(a.doneOn ?? a.scheduledOn) || b.updatedAt.localeCompare(a.updatedAt)) : [];
  const assigned = (scope: AssignmentScope, target: string) => policies.find((policy) => policy.assignments.some((a) => a.scope === scope && a.target === target))?.id ?? '';
  const date = (d: string) => formatColumnDate(d, language);

  return (
    <section className="page-section panel client-ladder" aria-labelledby="client-ladder-heading">
      <h2 id="client-ladder-heading" className="panel-title">
        {t('clientLadder.title')}
      </h2>
      {problem && (
        <p className="notice notice-error" role="alert">
          {noticeText(language, problem, [])}
        </p>
      )}
      <div className="toolbar">
        {history && (
          <label className="checkbox-row">
            <input type="checkbox" className="checkbox" checked={history.manualOnly} onChange={(event) => void setManualOnly(event.target.checked)} />
            {t('clientLadder.manualOnly')}
          </label>
        )}
        {policies.length > 0 && (
          <PolicySelect id="client-ladder-policy" label={t('clientLadder.policy')} policies={policies} value={assigned('client', clientId)} onChange={(policyId) => void assign('client', clientId, policyId)} />
        )}
        {policies.length > 0 &&
          contracts
            .filter((contract) => LIVE_STATUSES.includes(contract.status))
            .map((contract) => (
              <PolicySelect
                key={contract.id}
                id={`client-ladder-contract-${contract.id}`}
                label={`${t('ladderScope.contract')}: ${contract.label}`}
                policies={policies}
                value={assigned('contract', contract.id)}
                onChange={(policyId) => void assign('contract', contract.id, policyId)}
              />
            ))}
      </div>

      <h3 className="inline-form-title">{t('clientLadder.history')}</h3>
      {history && history.rungs.length === 0 && <p className="muted">{t('clientLadder.none')}</p>}
      {history && history.rungs.length > 0 && (
        <div className="wide-table">
          <table className="data-table compact-table client-ladder-history">
            <caption className="visually-hidden">{t('clientLadder.historyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('clientLadder.col.when')}</th>
                <th scope="col">{t('desk.col.invoice')}</th>
                <th scope="col">{t('clientLadder.col.step')}</th>
                <th scope="col">{t('clientLadder.col.state')}</th>
                <th scope="col">{t('clientLadder.col.decided')}</th>
                <th scope="col">{t('clientLadder.col.did')}</th>
              </tr>
            </thead>
            <tbody>
              {rungs.map((rung) => (
                <tr key={`${rung.invoiceId}|${rung.stepKey}`} data-step={rung.stepKey} data-state={rung.state}>
                  <td>
                    {date(rung.doneOn ?? rung.scheduledOn)}
                    {rung.catchUp && <span className="badge badge-muted">{t('clientLadder.catchUp')}</span>}
                  </td>
                  <td>{rung.invoiceNumber}</td>
                  <td>{stepOf(rung.stepKey)}</td>
                  <td>
                    <span className={RUNG_BADGE[rung.state]}>{t(`rungState.${rung.state}`)}</span>
                  </td>
                  <td className="small">
                    {rung.decidedBy ?? '—'}
                    {rung.reason && <p className="muted">{rung.reason}</p>}
                  </td>
                  <td className="small">
                    <ul className="plain-list">
                      {rung.outcomes.map((outcome, index) => {
                        const detail = outcomeDetailText(t, date, outcome);
                        return (
                          <li key={index}>
                            {outcomeKindText(t, outcome.kind)}: {t(`outcome.${outcome.result}`)}
                            {detail && <span className="muted"> ({detail})</span>}
                          </li>
                        );
                      })}
                    </ul>
                    <span className="muted">{formatInstant(rung.updatedAt, language)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3 className="inline-form-title">{t('clientLadder.upcoming')}</h3>
      {upcoming && upcoming.length === 0 && <p className="muted">{t('clientLadder.upcomingNone')}</p>}
      {upcoming && upcoming.length > 0 && (
        <ul className="plain-list client-ladder-upcoming">
          {upcoming.map(({ date: day, line }) => (
            <li key={`${line.invoiceId}|${line.stepKey}`}>
              {date(day)} — {stepLabel(t, line.actions, [line.offsetDays])}, {line.invoiceNumber}
              {line.needsApproval && <span className="badge badge-restricted">{t('desk.asks')}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function PolicySelect({ id, label, policies, value, onChange }: { id: string; label: string; policies: PolicyView[]; value: string; onChange: (policyId: string) => void }) {
  const { t } = useI18n();
  return (
    <SelectField id={id} label={label} value={value} onChange={(event) => onChange(event.target.value)}>
      <option value="">{t('clientLadder.policyInherited')}</option>
      {policies.map((policy) => (
        <option key={policy.id} value={policy.id}>
          {policyName(policy.policy.name, t)}
        </option>
      ))}
    </SelectField>
  );
}
