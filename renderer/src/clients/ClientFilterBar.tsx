// The search box and filters above the client list. Every control has a visible label; a filter
// value the backend refuses (an unknown currency code) is shown beside its box.
import type { FieldError } from '../../../shared/validation/fieldErrors.js';
import { translateFieldError } from '../../../shared/i18n/index.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SelectField, TextField } from '../ui/Field.js';
import { RISK_BANDS, type RiskBand } from '../../../shared/risk/model.js';
import { COMMON_CURRENCIES } from './lastCurrency.js';
import type { ClientFilters, ClientStatusFilter } from './useClientSearch.js';

const STATUS_FILTERS: ClientStatusFilter[] = ['active', 'archived', 'all'];

interface ClientFilterBarProps {
  filters: ClientFilters;
  onChange: (filters: ClientFilters) => void;
  errors: FieldError[];
}

export function ClientFilterBar({ filters, onChange, errors }: ClientFilterBarProps) {
  const { language, t } = useI18n();
  const errorOf = (field: keyof ClientFilters) => {
    const error = errors.find((candidate) => candidate.field === field);
    return error ? translateFieldError(language, error) : undefined;
  };
  const set = <K extends keyof ClientFilters>(key: K, value: ClientFilters[K]) => onChange({ ...filters, [key]: value });

  return (
    <div className="filter-bar" role="search" aria-label={t('clients.search')}>
      <TextField
        id="client-search"
        className="filter-search"
        label={t('clients.search')}
        type="search"
        autoComplete="off"
        placeholder={t('clients.searchPlaceholder')}
        value={filters.query}
        error={errorOf('query')}
        onChange={(event) => set('query', event.target.value)}
      />
      <SelectField id="client-filter-status" label={t('clients.filter.status')} value={filters.status} onChange={(event) => set('status', event.target.value as ClientStatusFilter)}>
        {STATUS_FILTERS.map((status) => (
          <option key={status} value={status}>
            {t(`clients.filter.status.${status}`)}
          </option>
        ))}
      </SelectField>
      <TextField id="client-filter-tag" className="filter-short" label={t('clients.filter.tag')} autoComplete="off" value={filters.tag} error={errorOf('tag')} onChange={(event) => set('tag', event.target.value)} />
      <TextField
        id="client-filter-currency"
        className="filter-code"
        label={t('clients.filter.currency')}
        list="client-filter-currency-options"
        autoComplete="off"
        maxLength={3}
        value={filters.currency}
        error={errorOf('currency')}
        onChange={(event) => set('currency', event.target.value)}
      />
      <SelectField id="client-filter-band" label={t('risk.filter.band')} value={filters.band} error={errorOf('band')} onChange={(event) => set('band', event.target.value as RiskBand | '')}>
        <option value="">{t('risk.filter.band.any')}</option>
        {RISK_BANDS.map((band) => (
          <option key={band} value={band}>
            {t(`risk.band.${band}`)}
          </option>
        ))}
      </SelectField>
      <datalist id="client-filter-currency-options">
        {COMMON_CURRENCIES.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      <TextField
        id="client-filter-country"
        className="filter-code"
        label={t('clients.filter.country')}
        autoComplete="off"
        maxLength={2}
        value={filters.country}
        error={errorOf('country')}
        onChange={(event) => set('country', event.target.value)}
      />
    </div>
  );
}
