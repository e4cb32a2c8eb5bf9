// The search box and filters above a list of invoices: by number or client name, by state
// (draft, open, overdue, paid, void, disputed) and by kind (invoice, proforma, credit note).
import { INVOICE_FILTERS, INVOICE_KINDS } from '../../../shared/domain/invoice.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { SelectField, TextField } from '../ui/Field.js';
import type { InvoiceFilter, InvoiceFilters, InvoiceKind } from './useInvoiceSearch.js';

interface InvoiceFilterBarProps {
  idPrefix: string;
  filters: InvoiceFilters;
  onChange: (filters: InvoiceFilters) => void;
  /** A client's own list searches by number only. */
  searchByClient: boolean;
}

export function InvoiceFilterBar({ idPrefix, filters, onChange, searchByClient }: InvoiceFilterBarProps) {
  const { t } = useI18n();
  const set = <K extends keyof InvoiceFilters>(key: K, value: InvoiceFilters[K]) => onChange({ ...filters, [key]: value });
  return (
    <div className="filter-bar" role="search" aria-label={t('invoices.search')}>
      <TextField
        id={`${idPrefix}-search`}
        className="filter-search"
        label={t('invoices.search')}
        type="search"
        autoComplete="off"
        placeholder={t(searchByClient ? 'invoices.searchPlaceholder' : 'invoices.searchNumberPlaceholder')}
        value={filters.query}
        onChange={(event) => set('query', event.target.value)}
      />
      <SelectField id={`${idPrefix}-filter`} label={t('invoices.filter.status')} value={filters.filter} onChange={(event) => set('filter', event.target.value as InvoiceFilter)}>
        {INVOICE_FILTERS.map((filter) => (
          <option key={filter} value={filter}>
            {t(`invoices.filter.${filter}`)}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${idPrefix}-kind`} label={t('invoices.filter.kind')} value={filters.kind} onChange={(event) => set('kind', event.target.value as InvoiceKind | '')}>
        <option value="">{t('invoices.filter.anyKind')}</option>
        {INVOICE_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`invoiceKind.${kind}`)}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
