// The price list as a table: each plan's kind, currency, price per offered cycle, its package on
// a panel, the plan it falls back to while restricted, and how many live contracts use it.
import { BILLING_CYCLES } from '../../../shared/domain/billingCycle.js';
import type { Plan } from '../../../shared/domain/plan.js';
import { formatMoney } from '../../../shared/money.js';
import { useI18n } from '../i18n/I18nProvider.js';

interface PlanTableProps {
  plans: Plan[];
  /** Every plan, archived ones too, to name restriction plans. */
  allPlans: Plan[];
  onEdit: (plan: Plan) => void;
  onArchive: (plan: Plan, archived: boolean) => void;
  busyPlanId: string | null;
}

export function PlanTable({ plans, allPlans, onEdit, onArchive, busyPlanId }: PlanTableProps) {
  const { language, t } = useI18n();
  const nameOf = (id: string | null) => allPlans.find((plan) => plan.id === id)?.name ?? null;
  return (
    <table className="data-table plan-table">
      <caption className="visually-hidden">{t('plans.caption')}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-name">{t('plans.column.name')}</th>
          <th scope="col" className="col-kind">{t('plans.column.kind')}</th>
          <th scope="col" className="col-prices">{t('plans.column.prices')}</th>
          <th scope="col" className="col-panel">{t('plans.column.panel')}</th>
          <th scope="col" className="col-restriction">{t('plans.column.restriction')}</th>
          <th scope="col" className="col-count">{t('plans.column.contracts')}</th>
          <th scope="col" className="col-actions">
            <span className="visually-hidden">{t('plans.column.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {plans.map((plan) => (
          <tr key={plan.id} className={plan.archived ? 'row-ended' : undefined}>
            <th scope="row" className="col-name">
              <button type="button" className="row-link" onClick={() => onEdit(plan)}>
                {plan.name}
              </button>
              {plan.archived && <span className="badge badge-muted">{t('plans.archived')}</span>}
              {plan.description && <span className="cell-detail">{plan.description}</span>}
            </th>
            <td>{t(`serviceKind.${plan.kind}`)}</td>
            <td>
              <ul className="price-list">
                {BILLING_CYCLES.filter((cycle) => plan.prices[cycle] !== undefined).map((cycle) => (
                  <li key={cycle}>
                    <span className="price-cycle">{t(`cycle.${cycle}`)}</span>
                    <span className="price-amount">{formatMoney(plan.prices[cycle]!, plan.currency, language)}</span>
                  </li>
                ))}
              </ul>
            </td>
            <td>
              {t(`panel.${plan.panelKind}`)}
              {plan.panelPackage && <span className="cell-detail">{t('plans.package', { name: plan.panelPackage })}</span>}
            </td>
            <td>{nameOf(plan.restrictionPlanId) ?? <span className="muted">—</span>}</td>
            <td className="col-count">{plan.contractCount}</td>
            <td className="col-actions">
              <div className="button-row button-row-end">
                <button type="button" className="button button-small" onClick={() => onEdit(plan)} aria-label={t('plans.editNamed', { name: plan.name })}>
                  {t('plans.edit')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  disabled={busyPlanId === plan.id}
                  onClick={() => onArchive(plan, !plan.archived)}
                  aria-label={t(plan.archived ? 'plans.unarchiveNamed' : 'plans.archiveNamed', { name: plan.name })}
                >
                  {t(plan.archived ? 'plans.unarchive' : 'plans.archive')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
