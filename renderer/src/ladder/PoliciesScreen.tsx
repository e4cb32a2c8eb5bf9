// Settings → Arrears ladder (`#/settings/ladder`): the dunning policies, the default marked, each
// with its steps' days and where it applies; edit one, start a new one from the default, delete one
// that is not the default; and say where policies apply (a client, a client group, a risk band —
// a single contract from the client's page).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PolicyView } from '../../../shared/api/dunning.js';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import type { AssignmentScope } from '../../../shared/ladder/policy.js';
import { RISK_BANDS } from '../../../shared/risk/model.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SettingsNav } from '../settings/SettingsNav.js';
import { Dialog } from '../ui/Dialog.js';
import { SelectField, TextField } from '../ui/Field.js';
import { noticeText } from '../ui/refusalText.js';
import { useDebouncedValue } from '../ui/useDebouncedValue.js';
import { offsetText } from './ladderText.js';
import { copyOf, policyValues, type PolicyValues } from './policyFormValues.js';
import { PolicyEditor } from './PolicyEditor.js';
import './ladder.css';
import { policyName } from './policyName.js';

type Editing = { policy: PolicyView | null; initial: PolicyValues } | null;

export function PoliciesScreen() {
  const api = useApi();
  const { language, t } = useI18n();
  const [policies, setPolicies] = useState<PolicyView[] | null>(null);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<PolicyView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = () => setVersion((v) => v + 1);

  useEffect(() => {
    let current = true;
    void api.call('dunning.policies.list', {}).then((answer) => {
      if (!current) return;
      setPolicies(answer.ok ? answer.value.policies : null);
      setProblem(answer.ok ? null : answer.error);
    });
    return () => {
      current = false;
    };
  }, [api, version]);

  const defaultPolicy = policies?.find((p) => p.isDefault) ?? null;

  async function remove(policy: PolicyView) {
    setDeleting(null);
    const answer = await api.call('dunning.policies.delete', { id: policy.id });
    setProblem(answer.ok ? null : answer.error);
    setNotice(answer.ok ? t('policies.deleted') : null);
    reload();
  }

  return (
    <div className="screen settings-screen">
      <div className="screen-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <SettingsNav current="ladderSettings" />
      <section className="panel" aria-labelledby="policies-heading">
        <div className="section-header">
          <h2 id="policies-heading" className="panel-title">
            {t('policies.title')}
          </h2>
          {defaultPolicy && (
            <button type="button" className="button" onClick={() => setEditing({ policy: null, initial: copyOf(defaultPolicy.policy, t('policies.copyName', { name: policyName(defaultPolicy.policy.name, t) })) })}>
              {t('policies.newFromDefault')}
            </button>
          )}
        </div>
        <p className="muted small panel-intro">{t('policies.intro')}</p>
        {problem && (
          <p className="notice notice-error" role="alert">
            {noticeText(language, problem, [])}
          </p>
        )}
        {notice && (
          <p className="notice notice-success" role="status">
            {notice}
          </p>
        )}
        {!policies && !problem && (
          <p className="muted" role="status">
            {t('shell.loading')}
          </p>
        )}
        {policies && (
          <table className="data-table policies-table">
            <caption className="visually-hidden">{t('policies.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('policies.col.name')}</th>
                <th scope="col">{t('policies.col.steps')}</th>
                <th scope="col">{t('policies.col.appliesTo')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('panels.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {policies.map((view) => (
                <tr key={view.id} data-policy={view.policy.name}>
                  <th scope="row">
                    {policyName(view.policy.name, t)}
                    {view.isDefault && <span className="badge badge-active">{t('policies.default')}</span>}
                  </th>
                  <td>{view.policy.steps.map((step) => offsetText(step.offsetDays)).join(' · ')}</td>
                  <td className="small">
                    {view.assignments.length === 0
                      ? t(view.isDefault ? 'policies.everywhereElse' : 'policies.nowhere')
                      : view.assignments.map((a) => `${t(`ladderScope.${a.scope}`)}: ${a.targetName}`).join(t('list.separator'))}
                  </td>
                  <td>
                    <div className="button-row">
                      <button type="button" className="button button-small" onClick={() => setEditing({ policy: view, initial: policyValues(view.policy) })}>
                        {t('policies.edit')}
                      </button>
                      {!view.isDefault && (
                        <button type="button" className="button button-small button-danger-outline" onClick={() => setDeleting(view)}>
                          {t('policies.delete')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {policies && <AssignmentsPanel policies={policies} onChanged={setPolicies} />}
      {deleting && <ConfirmDelete policy={deleting} onCancel={() => setDeleting(null)} onConfirm={() => void remove(deleting)} />}
      {editing && (
        <PolicyEditor
          policy={editing.policy}
          initial={editing.initial}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(t('policies.saved'));
            reload();
          }}
        />
      )}
    </div>
  );
}

/** Deleting a policy moves where it applied to the next policy in line, so it is asked once more. */
function ConfirmDelete({ policy, onCancel, onConfirm }: { policy: PolicyView; onCancel: () => void; onConfirm: () => void }) {
  const { t } = useI18n();
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <Dialog title={t('policies.deleteTitle', { name: policyName(policy.policy.name, t) })} onClose={onCancel} initialFocus={cancel} size="small">
      <div className="dialog-body">
        <p className="dialog-text">{t('policies.deleteBody')}</p>
      </div>
      <div className="dialog-footer">
        <button ref={cancel} type="button" className="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
        <button type="button" className="button button-danger" onClick={onConfirm}>
          {t('policies.delete')}
        </button>
      </div>
    </Dialog>
  );
}

/** Where policies apply: the list with Remove, and a form to add one (client, group or band). */
function AssignmentsPanel({ policies, onChanged }: { policies: PolicyView[]; onChanged: (policies: PolicyView[]) => void }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [scope, setScope] = useState<Exclude<AssignmentScope, 'contract'>>('group');
  const [tag, setTag] = useState('');
  const [band, setBand] = useState<(typeof RISK_BANDS)[number]>('high');
  const [clientQuery, setClientQuery] = useState('');
  const [clientId, setClientId] = useState('');
  const [clients, setClients] = useState<{ id: string; name: string }[]>([]);
  const [policyId, setPolicyId] = useState(() => policies.find((p) => !p.isDefault)?.id ?? policies[0]?.id ?? '');
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const query = useDebouncedValue(clientQuery, 250);

  const searching = scope === 'client' && query.trim() !== '';
  useEffect(() => {
    if (!searching) return;
    let current = true;
    void api.call('clients.search', { query, limit: 20 }).then((answer) => {
      if (!current || !answer.ok) return;
      setClients(answer.value.items.map((c) => ({ id: c.id, name: c.name })));
      setClientId(answer.value.items[0]?.id ?? '');
    });
    return () => {
      current = false;
    };
  }, [api, searching, query]);

  async function assign(target: string, scopeOf: AssignmentScope, policy: string | null) {
    const answer = await api.call('dunning.policies.assign', { scope: scopeOf, target, policyId: policy });
    setProblem(answer.ok ? null : answer.error);
    if (answer.ok) onChanged(answer.value.policies);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const target = scope === 'group' ? tag.trim() : scope === 'band' ? band : clientId;
    void assign(target, scope, policyId);
  }

  const assignments = policies.flatMap((policy) => policy.assignments.map((a) => ({ ...a, policy })));
  return (
    <section className="panel" aria-labelledby="assign-heading">
      <h2 id="assign-heading" className="panel-title">
        {t('assign.title')}
      </h2>
      <p className="muted small panel-intro">{t('assign.intro')}</p>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem.code === 'invalid_input' ? noticeText(language, problem, []) : translateApiError(language, problem)}
        </p>
      )}
      {assignments.length === 0 ? (
        <p className="muted">{t('assign.none')}</p>
      ) : (
        <ul className="plain-list assignment-list">
          {assignments.map((a) => (
            <li key={`${a.scope}|${a.target}`}>
              {t(`ladderScope.${a.scope}`)}: <strong>{a.targetName}</strong> → {policyName(a.policy.policy.name, t)}{' '}
              <button type="button" className="link-button" aria-label={t('assign.removeOne', { policy: policyName(a.policy.policy.name, t), target: a.targetName })} onClick={() => void assign(a.target, a.scope, null)}>
                {t('assign.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form-fields" onSubmit={submit}>
        <SelectField id="assign-scope" label={t('assign.scope')} value={scope} onChange={(event) => setScope(event.target.value as typeof scope)}>
          <option value="group">{t('ladderScope.group')}</option>
          <option value="band">{t('ladderScope.band')}</option>
          <option value="client">{t('ladderScope.client')}</option>
        </SelectField>
        {scope === 'group' && <TextField id="assign-tag" label={t('assign.target')} placeholder={t('assign.tagPlaceholder')} value={tag} onChange={(event) => setTag(event.target.value)} />}
        {scope === 'band' && (
          <SelectField id="assign-band" label={t('assign.target')} value={band} onChange={(event) => setBand(event.target.value as typeof band)}>
            {RISK_BANDS.map((b) => (
              <option key={b} value={b}>
                {t(`risk.band.${b}`)}
              </option>
            ))}
          </SelectField>
        )}
        {scope === 'client' && (
          <>
            <TextField id="assign-client-query" type="search" label={t('assign.target')} placeholder={t('assign.clientPlaceholder')} value={clientQuery} onChange={(event) => setClientQuery(event.target.value)} />
            <SelectField id="assign-client" label={t('assign.pickClient')} value={clientId} disabled={!searching || clients.length === 0} onChange={(event) => setClientId(event.target.value)}>
              {(searching ? clients : []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
          </>
        )}
        <SelectField id="assign-policy" label={t('assign.policy')} value={policyId} onChange={(event) => setPolicyId(event.target.value)}>
          {policies.map((p) => (
            <option key={p.id} value={p.id}>
              {policyName(p.policy.name, t)}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button button-primary" disabled={(scope === 'client' && (!searching || !clientId)) || (scope === 'group' && tag.trim() === '')}>
          {t('assign.submit')}
        </button>
      </form>
    </section>
  );
}
