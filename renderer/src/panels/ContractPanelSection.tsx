// On a contract: which panel connection its account is on (link it here), the account's live state
// read from the panel, the actions that panel can carry out (PANEL_CAPABILITIES — nothing else is
// offered), and the contract's recent actions.
import { useEffect, useState } from 'react';
import type { PanelActionView } from '../../../shared/api/actions.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Output } from '../../../shared/api/methods.js';
import type { PanelConnection } from '../../../shared/api/panels.js';
import type { Contract } from '../../../shared/domain/contract.js';
import { panelCanDo, REQUESTABLE_ACTION_KINDS, type RequestableActionKind } from '../../../shared/domain/panelAction.js';
import { PANEL_CAPABILITIES } from '../../../shared/domain/panelCapabilities.js';
import { hrefOf } from '../app/routes.js';
import { useApi, useBackendEvent } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { paramsText, waitingText } from '../actions/actionText.js';
import { SelectField } from '../ui/Field.js';
import { useSettledChanges } from '../ui/useSettledChanges.js';
import { noticeText } from '../ui/refusalText.js';
import { RequestActionDialog } from './RequestActionDialog.js';

type Link = Output<'panels.contractLink'>;
type State = Output<'panels.accountState'>;

export function ContractPanelSection({ contract, live }: { contract: Contract; live: boolean }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [link, setLink] = useState<Link | null>(null);
  const [linkVersion, setLinkVersion] = useState(0);
  const [stateVersion, setStateVersion] = useState(0);
  const [shown, setShown] = useState<{ version: number; state: State | null }>({ version: -1, state: null });
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [actions, setActions] = useState<PanelActionView[]>([]);
  const [connections, setConnections] = useState<PanelConnection[]>([]);
  const [chosen, setChosen] = useState('');
  const [asking, setAsking] = useState<RequestableActionKind | null>(null);
  const actionsChanged = useSettledChanges('actions.updated', (event) => event.contractId === contract.id);
  const linkedId = link?.connectionId ?? null;
  const reading = linkedId !== null && live && shown.version !== stateVersion;
  const state = shown.state;

  useEffect(() => {
    let current = true;
    void api.call('panels.contractLink', { contractId: contract.id }).then(async (answer) => {
      if (!current) return;
      if (!answer.ok) return setProblem(answer.error);
      setLink(answer.value);
      if (answer.value.connectionId) return;
      const list = await api.call('panels.connections.list', {});
      if (!current || !list.ok) return;
      const usable = list.value.items.filter((c) => c.kind === contract.panelKind);
      setConnections(usable);
      setChosen(usable[0]?.id ?? '');
    });
    return () => {
      current = false;
    };
  }, [api, contract.id, contract.panelKind, linkVersion]);

  // The live state is read from the panel when the section opens, on request, and after an action on it succeeded.
  useEffect(() => {
    if (!linkedId || !live) return;
    let current = true;
    void api.call('panels.accountState', { contractId: contract.id }).then((answer) => {
      if (!current) return;
      setShown({ version: stateVersion, state: answer.ok ? answer.value : null });
      setProblem(answer.ok ? null : answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, contract.id, linkedId, live, stateVersion]);

  useEffect(() => {
    let current = true;
    void api.call('actions.list', { contractId: contract.id, limit: 5 }).then((answer) => current && answer.ok && setActions(answer.value.items));
    return () => {
      current = false;
    };
  }, [api, contract.id, actionsChanged]);
  useBackendEvent('actions.updated', (event) => {
    if (event.contractId === contract.id && event.state === 'succeeded') setStateVersion((v) => v + 1);
  });

  async function linkTo() {
    const answer = await api.call('panels.linkContract', { contractId: contract.id, connectionId: chosen });
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) setLinkVersion((v) => v + 1);
  }

  if (contract.panelKind === 'none' || !contract.panelAccount) return null;
  const caps = link?.kind ? PANEL_CAPABILITIES[link.kind] : null;
  const offered = caps ? REQUESTABLE_ACTION_KINDS.filter((kind) => panelCanDo(kind, caps) && fits(kind, state, contract)) : [];

  return (
    <section className="detail-section" aria-labelledby="contract-panel-heading">
      <h3 id="contract-panel-heading">{t('contractPanel.title')}</h3>
      {problem && (
        <p className="notice notice-error" role="alert">
          {noticeText(language, problem, [])}
        </p>
      )}
      {link && !link.connectionId && (
        <div className="inline-form-fields">
          {connections.length === 0 ? (
            <p className="muted">
              {t('contractPanel.noConnection', { kind: t(`panel.${contract.panelKind}`) })} <a href={hrefOf({ name: 'panelSettings' })}>{t('nav.panels')}</a>
            </p>
          ) : (
            <>
              <SelectField id="contract-panel-connection" label={t('contractPanel.linkTo')} value={chosen} onChange={(event) => setChosen(event.target.value)}>
                {connections.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </SelectField>
              <button type="button" className="button" onClick={() => void linkTo()}>
                {t('contractPanel.link')}
              </button>
            </>
          )}
        </div>
      )}
      {link?.connectionId && (
        <>
          <p>
            {t('contractPanel.linkedTo', { name: link.connectionName ?? '', account: contract.panelAccount })}{' '}
            {live && (
              <button type="button" className="button button-small" onClick={() => setStateVersion((v) => v + 1)} disabled={reading}>
                {t('contractPanel.refresh')}
              </button>
            )}
          </p>
          {reading && (
            <p className="progress-inline" role="status">
              <progress className="progress" aria-label={t('contractPanel.reading')} /> {t('contractPanel.reading')}
            </p>
          )}
          {state && !reading && (
            <p className="panel-state" data-testid="panel-state">
              <span className={state.state.exists ? (state.state.suspended ? 'badge badge-suspended' : 'badge badge-active') : 'badge badge-terminated'}>
                {t(state.state.exists ? (state.state.suspended ? 'contractPanel.suspended' : 'contractPanel.active') : 'contractPanel.missing')}
              </span>{' '}
              {state.state.package && t('contractPanel.packageIs', { name: state.state.package })} <span className="small muted">{state.state.summary}</span>
            </p>
          )}
          {live && offered.length > 0 && (
            <div className="button-row" role="group" aria-label={t('contractPanel.act')}>
              {offered.map((kind) => (
                <button key={kind} type="button" className={kind === 'terminate' ? 'button button-small button-danger-outline' : 'button button-small'} onClick={() => setAsking(kind)}>
                  {t(`actionKind.${kind}`)}
                </button>
              ))}
            </div>
          )}
        </>
      )}
      {actions.length > 0 && (
        <ul className="plain-list contract-actions">
          {actions.map((action) => (
            <li key={action.id}>
              <strong>{t(`actionKind.${action.kind}`)}</strong> {paramsText(t, action)} — {t(`actionState.${action.state}`)}
              {waitingText(t, action) && <span className="small muted"> ({waitingText(t, action)})</span>}
            </li>
          ))}
        </ul>
      )}
      {actions.length > 0 && <a href={hrefOf({ name: 'actions' })}>{t('contractPanel.allActions')}</a>}
      {asking && <RequestActionDialog contract={contract} kind={asking} capabilities={caps!} onClose={() => setAsking(null)} />}
    </section>
  );
}

/** Offer what makes sense for the account as it stands (all, when its state is not known). */
function fits(kind: RequestableActionKind, state: State | null, contract: Contract): boolean {
  if (kind === 'restore_bandwidth' || kind === 'restore_package') return contract.status === 'restricted';
  if (!state) return true;
  if (!state.state.exists) return false;
  if (kind === 'suspend') return !state.state.suspended;
  if (kind === 'unsuspend') return state.state.suspended;
  return true;
}
