// The price list (价目表): what the reseller sells and at which default prices. New plan and edit
// open the plan form; archiving takes a plan off the list for new contracts while the contracts
// already on it keep it.
import { useState } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Plan } from '../../../shared/domain/plan.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { PlanForm } from './PlanForm.js';
import { PlanTable } from './PlanTable.js';
import { usePlans } from './usePlans.js';

type OpenForm = { plan: Plan | null } | null;

export function PlansScreen() {
  const api = useApi();
  const { language, t } = useI18n();
  const { plans, reload } = usePlans();
  const [showArchived, setShowArchived] = useState(false);
  const [openForm, setOpenForm] = useState<OpenForm>(null);
  const [busyPlanId, setBusyPlanId] = useState<string | null>(null);
  const [archiveProblem, setArchiveProblem] = useState<ApiErrorBody | null>(null);

  async function setArchived(plan: Plan, archived: boolean) {
    setBusyPlanId(plan.id);
    const answer = await api.call('plans.update', { id: plan.id, expectedVersion: plan.version, archived });
    setBusyPlanId(null);
    setArchiveProblem(answer.ok ? null : answer.error);
    reload();
  }

  const allPlans = plans.status === 'ready' ? plans.items : [];
  const shown = allPlans.filter((plan) => showArchived || !plan.archived);
  const archivedCount = allPlans.length - allPlans.filter((plan) => !plan.archived).length;

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{t('plans.title')}</h1>
        <button type="button" className="button button-primary" onClick={() => setOpenForm({ plan: null })}>
          {t('plans.new')}
        </button>
      </div>

      <div className="toolbar">
        <label className="checkbox">
          <input type="checkbox" checked={showArchived} onChange={(event) => setShowArchived(event.target.checked)} />
          {t('plans.showArchived', { count: archivedCount })}
        </label>
      </div>

      {archiveProblem && (
        <p className="notice notice-error" role="alert">
          {translateApiError(language, archiveProblem)}
        </p>
      )}

      {plans.status === 'loading' && (
        <p className="muted" role="status">
          {t('shell.loading')}
        </p>
      )}

      {plans.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p>{translateApiError(language, plans.error)}</p>
          <button type="button" className="button" onClick={reload}>
            {t('list.retry')}
          </button>
        </div>
      )}

      {plans.status === 'ready' && shown.length === 0 && (
        <div className="empty-state">
          <h2>{t('plans.empty.title')}</h2>
          <p>{t('plans.empty.body')}</p>
          <button type="button" className="button button-primary" onClick={() => setOpenForm({ plan: null })}>
            {t('plans.new')}
          </button>
        </div>
      )}

      {shown.length > 0 && <PlanTable plans={shown} allPlans={allPlans} onEdit={(plan) => setOpenForm({ plan })} onArchive={(plan, archived) => void setArchived(plan, archived)} busyPlanId={busyPlanId} />}

      {openForm && (
        <PlanForm
          key={openForm.plan?.id ?? 'new'}
          plan={openForm.plan}
          allPlans={allPlans}
          onClose={() => setOpenForm(null)}
          onSaved={() => {
            setOpenForm(null);
            reload();
          }}
        />
      )}
    </div>
  );
}
