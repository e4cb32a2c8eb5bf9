// The search box and filters above the contracts view: status (several at once), kind of service,
// control panel, due within N days (overdue included), and term review due.
import { CONTRACT_STATUSES, type ContractStatus } from '../../../shared/domain/contract.js';
import { PANEL_KINDS, type PanelKind } from '../../../shared/domain/panel.js';
import { SERVICE_KINDS, type ServiceKind } from '../../../shared/domain/plan.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SelectField, TextField } from '../ui/Field.js';
import { DUE_WITHIN_CHOICES, type ContractFilters } from './useContractSearch.js';

export function ContractFilterBar({ filters, onChange }: { filters: ContractFilters; onChange: (filters: ContractFilters) => void }) {
  const { t } = useI18n();
  const set = <K extends keyof ContractFilters>(key: K, value: ContractFilters[K]) => onChange({ ...filters, [key]: value });
  const toggleStatus = (status: ContractStatus, on: boolean) =>
    set('statuses', CONTRACT_STATUSES.filter((candidate) => (candidate === status ? on : filters.statuses.includes(candidate))));

  return (
    <div className="filter-panel" role="search" aria-label={t('contracts.search')}>
      <div className="filter-bar">
        <TextField
          id="contract-search"
          className="filter-search"
          label={t('contracts.search')}
          type="search"
          autoComplete="off"
          placeholder={t('contracts.searchPlaceholder')}
          value={filters.query}
          onChange={(event) => set('query', event.target.value)}
        />
        <SelectField id="contract-filter-kind" label={t('contracts.filter.kind')} value={filters.kind} onChange={(event) => set('kind', event.target.value as ServiceKind | '')}>
          <option value="">{t('contracts.filter.anyKind')}</option>
          {SERVICE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`serviceKind.${kind}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="contract-filter-panel" label={t('contracts.filter.panel')} value={filters.panelKind} onChange={(event) => set('panelKind', event.target.value as PanelKind | '')}>
          <option value="">{t('contracts.filter.anyPanel')}</option>
          {PANEL_KINDS.map((panel) => (
            <option key={panel} value={panel}>
              {t(`panel.${panel}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="contract-filter-due"
          label={t('contracts.filter.due')}
          value={filters.dueWithinDays === null ? '' : String(filters.dueWithinDays)}
          onChange={(event) => set('dueWithinDays', event.target.value === '' ? null : (Number(event.target.value) as ContractFilters['dueWithinDays']))}
        >
          <option value="">{t('contracts.filter.anyDue')}</option>
          {DUE_WITHIN_CHOICES.map((days) => (
            <option key={days} value={days}>
              {t('contracts.filter.dueWithin', { days })}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="filter-bar filter-bar-second">
        <fieldset className="checkbox-group">
          <legend>{t('contracts.filter.status')}</legend>
          <div className="checkbox-row">
            {CONTRACT_STATUSES.map((status) => (
              <label key={status} className="checkbox">
                <input type="checkbox" checked={filters.statuses.includes(status)} onChange={(event) => toggleStatus(status, event.target.checked)} />
                {t(`contractStatus.${status}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="checkbox checkbox-standalone">
          <input type="checkbox" checked={filters.termReviewDue} onChange={(event) => set('termReviewDue', event.target.checked)} />
          {t('contracts.filter.termReviewDue')}
        </label>
      </div>
    </div>
  );
}
