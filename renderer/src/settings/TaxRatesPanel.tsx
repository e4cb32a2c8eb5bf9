// The book's tax rates: each with its percentage and, if it is a country's rate, the country
// (clients there get it unless they have their own). A rate's percentage never changes once it
// exists — a new rate is added instead and the old one archived, so issued invoices keep theirs.
import { useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { Input } from '../../../shared/api/methods.js';
import { translateApiError } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { TaxRate } from '../invoices/invoiceDraftValues.js';
import { TextField } from '../ui/Field.js';
import { formatPercent, readPercent } from '../ui/numberText.js';
import { useFieldErrors } from '../ui/useFieldErrors.js';

const FIELDS = ['name', 'rateBp', 'country'] as const;

interface TaxRatesPanelProps {
  rates: TaxRate[];
  defaultTaxRateId: string | null;
  onChanged: () => void;
}

export function TaxRatesPanel({ rates, defaultTaxRateId, onChanged }: TaxRatesPanelProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [name, setName] = useState('');
  const [rate, setRate] = useState('');
  const [country, setCountry] = useState('');
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [rateInvalid, setRateInvalid] = useState(false);
  const [busyRate, setBusyRate] = useState<string | null>(null);
  const [archiveProblem, setArchiveProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const { errorOf, focusFirst } = useFieldErrors(FIELDS, problem, form, 'tax-rate');

  async function add(event: FormEvent) {
    event.preventDefault();
    const reading = readPercent(rate);
    setRateInvalid(reading.state !== 'value');
    if (reading.state !== 'value') return form.current?.querySelector<HTMLElement>('#tax-rate-rateBp')?.focus();
    const input: Input<'taxRates.create'> = { name: name.trim(), rateBp: reading.value };
    if (country.trim()) input.country = country.trim();
    setSaving(true);
    const answer = await api.call('taxRates.create', input);
    setSaving(false);
    if (!answer.ok) {
      setProblem(answer.error);
      return focusFirst(answer.error);
    }
    setProblem(null);
    setName('');
    setRate('');
    setCountry('');
    onChanged();
  }

  async function archive(taxRate: TaxRate, archived: boolean) {
    setBusyRate(taxRate.id);
    const answer = await api.call('taxRates.update', { id: taxRate.id, archived });
    setBusyRate(null);
    setArchiveProblem(answer.ok ? null : answer.error);
    onChanged();
  }

  return (
    <section className="panel" aria-labelledby="settings-tax-heading">
      <h2 id="settings-tax-heading" className="panel-title">
        {t('settings.taxRates')}
      </h2>
      <p className="muted small panel-intro">{t('settings.taxRatesIntro')}</p>
      {archiveProblem && (
        <p className="notice notice-error" role="alert">
          {translateApiError(language, archiveProblem)}
        </p>
      )}
      {rates.length === 0 ? (
        <p className="muted">{t('settings.noTaxRates')}</p>
      ) : (
        <table className="data-table compact-table tax-rate-table">
          <caption className="visually-hidden">{t('settings.taxRates')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('taxRateField.name')}</th>
              <th scope="col" className="col-price">{t('taxRateField.rate')}</th>
              <th scope="col">{t('taxRateField.country')}</th>
              <th scope="col">{t('taxRateField.status')}</th>
              <th scope="col" className="col-actions">
                <span className="visually-hidden">{t('taxRate.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rates.map((taxRate) => (
              <tr key={taxRate.id} className={taxRate.archived ? 'row-ended' : undefined}>
                <th scope="row">{taxRate.name}</th>
                <td className="col-price">{formatPercent(taxRate.rateBp, language)}</td>
                <td>{taxRate.country ?? <span className="muted">—</span>}</td>
                <td>
                  {taxRate.archived ? (
                    <span className="badge badge-muted">{t('taxRate.archived')}</span>
                  ) : taxRate.id === defaultTaxRateId ? (
                    <span className="badge badge-active">{t('taxRate.default')}</span>
                  ) : (
                    <span className="muted">{t('taxRate.inUse')}</span>
                  )}
                </td>
                <td className="col-actions">
                  <button type="button" className="button button-small" disabled={busyRate === taxRate.id} onClick={() => void archive(taxRate, !taxRate.archived)}>
                    {t(taxRate.archived ? 'taxRate.unarchiveNamed' : 'taxRate.archiveNamed', { name: taxRate.name })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form ref={form} className="inline-form" noValidate onSubmit={(event) => void add(event)} aria-busy={saving} aria-labelledby="tax-rate-add-heading">
        <h3 id="tax-rate-add-heading" className="inline-form-title">
          {t('settings.addTaxRate')}
        </h3>
        <div className="inline-form-fields">
          <TextField id="tax-rate-name" label={t('taxRateField.name')} requiredLabel={t('form.required')} autoComplete="off" placeholder={t('taxRateField.namePlaceholder')} value={name} error={errorOf('name')} onChange={(event) => setName(event.target.value)} />
          <TextField
            id="tax-rate-rateBp"
            label={t('taxRateField.ratePercent')}
            className="numeric"
            requiredLabel={t('form.required')}
            inputMode="decimal"
            autoComplete="off"
            placeholder="6"
            value={rate}
            error={rateInvalid ? t('settingsError.invalid_percent') : errorOf('rateBp')}
            onChange={(event) => setRate(event.target.value)}
          />
          <TextField id="tax-rate-country" label={t('taxRateField.country')} hint={t('taxRateField.countryHint')} autoComplete="off" maxLength={2} value={country} error={errorOf('country')} onChange={(event) => setCountry(event.target.value)} />
          <button type="submit" className="button" disabled={saving}>
            {saving ? t('form.saving') : t('settings.addTaxRateButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
