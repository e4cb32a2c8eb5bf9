// How the book bills: when renewal invoices go out and how long clients have to pay, whether
// contracts due together share an invoice and credit pays new invoices by itself, whether prices
// include tax and the default rate, and the late-fee policy. Saved as one change.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiErrorBody } from '../../../shared/api/envelope.js';
import type { BillingSettings } from '../../../shared/billing/settings.js';
import { translateApiError, type MessageKey } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { COMMON_CURRENCIES } from '../clients/lastCurrency.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { TaxRate } from '../invoices/invoiceDraftValues.js';
import { exampleAmount } from '../ui/amountText.js';
import { ErrorSummary } from '../ui/ErrorSummary.js';
import { SelectField, TextField } from '../ui/Field.js';
import { fieldErrorText } from '../ui/fieldErrorText.js';
import { formatPercent } from '../ui/numberText.js';
import { inputOfPath, settingsValues, updateInputOf, type BillingSettingsValues, type SettingsError, type SettingsField } from './billingSettingsValues.js';
import { CurrencyAmountRows } from './CurrencyAmountRows.js';

const LABELS: Record<Exclude<SettingsField, `${string}.${string}`>, MessageKey> = {
  renewalLeadDays: 'settingsField.renewalLeadDays',
  paymentTermsDays: 'settingsField.paymentTermsDays',
  taxMode: 'settingsField.taxMode',
  defaultTaxRateId: 'settingsField.defaultTaxRate',
  lateFeeKind: 'settingsField.lateFeeKind',
  lateFeeFixed: 'settingsField.lateFeeFixed',
  lateFeePercent: 'settingsField.lateFeePercent',
  lateFeeAfterDays: 'settingsField.lateFeeAfterDays',
  lateFeeRepeat: 'settingsField.lateFeeRepeat',
  lateFeeCap: 'settingsField.lateFeeCap',
};
const ORDER = Object.keys(LABELS);
const position = (field: SettingsField) => ORDER.indexOf(field.split('.')[0]!) * 1000 + Number(field.split('.')[1] ?? 0) * 2 + (field.endsWith('.amount') ? 1 : 0);

const inputId = (field: SettingsField) => `settings-${field.replaceAll('.', '-')}`;
const focusField = (form: HTMLFormElement | null, field: SettingsField) => form?.querySelector<HTMLElement>(`#${inputId(field)}`)?.focus();

interface BillingSettingsFormProps {
  settings: BillingSettings;
  rates: TaxRate[];
  onSaved: (settings: BillingSettings) => void;
}

export function BillingSettingsForm({ settings, rates, onSaved }: BillingSettingsFormProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [values, setValues] = useState<BillingSettingsValues>(() => settingsValues(settings));
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [formErrors, setFormErrors] = useState<SettingsError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);

  const labelOf = (field: SettingsField): string => {
    const row = /^(lateFeeFixed|lateFeeCap)\.(\d+)\.(currency|amount)$/.exec(field);
    if (!row) return t(LABELS[field as keyof typeof LABELS]);
    return t(row[3] === 'currency' ? 'settings.currencyOf' : 'settings.amountOf', { legend: t(LABELS[row[1] as 'lateFeeFixed']), n: Number(row[2]) + 1 });
  };
  const localMessage = (error: SettingsError): string => {
    if (error.code === 'invalid_amount') {
      const currency = /^(lateFeeFixed|lateFeeCap)\.(\d+)/.exec(error.field);
      const row = currency ? values[currency[1] as 'lateFeeFixed'][Number(currency[2])] : undefined;
      return t('form.invalidAmount', { example: exampleAmount(row?.currency.trim().toUpperCase() ?? '') });
    }
    return t(`settingsError.${error.code}`);
  };
  const errors =
    formErrors.length > 0
      ? formErrors.map((error) => ({ field: error.field as SettingsField | undefined, path: error.field as string, message: localMessage(error) }))
      : problem?.code === 'invalid_input'
        ? (problem.details?.fields ?? []).map((error) => ({ field: inputOfPath(error.field, values), path: error.field, message: fieldErrorText(language, error) }))
        : [];
  const errorOf = (field: SettingsField) => errors.find((error) => error.field === field)?.message;
  const firstInvalid = errors
    .map((error) => error.field)
    .filter((field) => field !== undefined)
    .sort((a, b) => position(a) - position(b))[0];

  useEffect(() => {
    if (firstInvalid) focusField(form.current, firstInvalid);
  }, [attempt, firstInvalid]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempt((count) => count + 1);
    setSaved(false);
    const conversion = updateInputOf(values);
    if (!conversion.ok) {
      setProblem(null);
      return setFormErrors(conversion.errors);
    }
    setFormErrors([]);
    setSaving(true);
    const answer = await api.call('billingSettings.update', conversion.input);
    setSaving(false);
    if (!answer.ok) return setProblem(answer.error);
    setProblem(null);
    setSaved(true);
    setValues(settingsValues(answer.value));
    onSaved(answer.value);
  }

  const update = (changes: Partial<BillingSettingsValues>) => {
    setSaved(false);
    setValues((current) => ({ ...current, ...changes }));
  };
  const days = (field: 'renewalLeadDays' | 'paymentTermsDays' | 'lateFeeAfterDays', hint: MessageKey) => (
    <TextField
      id={inputId(field)}
      label={labelOf(field)}
      className="short numeric"
      inputMode="numeric"
      autoComplete="off"
      hint={t(hint)}
      value={values[field]}
      error={errorOf(field)}
      onChange={(event) => update({ [field]: event.target.value })}
    />
  );

  return (
    <section className="panel" aria-labelledby="settings-billing-heading">
      <h2 id="settings-billing-heading" className="panel-title">
        {t('settings.billingPanel')}
      </h2>
      <form ref={form} noValidate onSubmit={(event) => void save(event)} aria-busy={saving}>
        <ErrorSummary errors={errors.map((error) => ({ label: error.field ? labelOf(error.field) : null, path: error.path, message: error.message, focus: error.field ? () => focusField(form.current, error.field!) : undefined }))} />
        {problem && problem.code !== 'invalid_input' && (
          <p className="notice notice-error" role="alert">
            {translateApiError(language, problem)}
          </p>
        )}

        <fieldset className="form-section">
          <legend>{t('settings.section.invoices')}</legend>
          <div className="form-grid">
            {days('renewalLeadDays', 'settingsField.renewalLeadDaysHint')}
            {days('paymentTermsDays', 'settingsField.paymentTermsDaysHint')}
            <label className="checkbox span-2">
              <input type="checkbox" checked={values.shareInvoicePerClient} onChange={(event) => update({ shareInvoicePerClient: event.target.checked })} />
              {t('settingsField.shareInvoicePerClient')}
            </label>
            <label className="checkbox span-2">
              <input type="checkbox" checked={values.applyCreditAutomatically} onChange={(event) => update({ applyCreditAutomatically: event.target.checked })} />
              {t('settingsField.applyCreditAutomatically')}
            </label>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('settings.section.tax')}</legend>
          <div className="form-grid">
            <SelectField id={inputId('taxMode')} label={labelOf('taxMode')} hint={t('settingsField.taxModeHint')} value={values.taxMode} error={errorOf('taxMode')} onChange={(event) => update({ taxMode: event.target.value as BillingSettingsValues['taxMode'] })}>
              <option value="exclusive">{t('taxMode.exclusive')}</option>
              <option value="inclusive">{t('taxMode.inclusive')}</option>
            </SelectField>
            <SelectField
              id={inputId('defaultTaxRateId')}
              label={labelOf('defaultTaxRateId')}
              hint={t('settingsField.defaultTaxRateHint')}
              value={values.defaultTaxRateId}
              error={errorOf('defaultTaxRateId')}
              onChange={(event) => update({ defaultTaxRateId: event.target.value })}
            >
              <option value="">{t('settings.noDefaultRate')}</option>
              {rates
                .filter((rate) => !rate.archived || rate.id === values.defaultTaxRateId)
                .map((rate) => (
                  <option key={rate.id} value={rate.id}>
                    {t('taxRate.option', { name: rate.name, rate: formatPercent(rate.rateBp, language) })}
                  </option>
                ))}
            </SelectField>
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t('settings.section.lateFees')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={values.lateFeeEnabled} onChange={(event) => update({ lateFeeEnabled: event.target.checked })} />
            {t('settingsField.lateFeeEnabled')}
          </label>
          {values.lateFeeEnabled && (
            <div className="form-grid late-fee-grid">
              <SelectField id={inputId('lateFeeKind')} label={labelOf('lateFeeKind')} value={values.lateFeeKind} error={errorOf('lateFeeKind')} onChange={(event) => update({ lateFeeKind: event.target.value as BillingSettingsValues['lateFeeKind'] })}>
                <option value="fixed">{t('lateFeeKind.fixed')}</option>
                <option value="percent">{t('lateFeeKind.percent')}</option>
              </SelectField>
              {values.lateFeeKind === 'percent' ? (
                <TextField
                  id={inputId('lateFeePercent')}
                  label={labelOf('lateFeePercent')}
                  className="short numeric"
                  inputMode="decimal"
                  autoComplete="off"
                  hint={t('settingsField.lateFeePercentHint')}
                  value={values.lateFeePercent}
                  error={errorOf('lateFeePercent')}
                  onChange={(event) => update({ lateFeePercent: event.target.value })}
                />
              ) : (
                <CurrencyAmountRows
                  list="lateFeeFixed"
                  legend={labelOf('lateFeeFixed')}
                  hint={t('settingsField.lateFeeFixedHint')}
                  rows={values.lateFeeFixed}
                  errorOf={errorOf}
                  inputId={inputId}
                  onChange={(rows) => update({ lateFeeFixed: rows })}
                />
              )}
              {days('lateFeeAfterDays', 'settingsField.lateFeeAfterDaysHint')}
              <SelectField id={inputId('lateFeeRepeat')} label={labelOf('lateFeeRepeat')} value={values.lateFeeRepeat} error={errorOf('lateFeeRepeat')} onChange={(event) => update({ lateFeeRepeat: event.target.value as BillingSettingsValues['lateFeeRepeat'] })}>
                <option value="once">{t('lateFeeRepeat.once')}</option>
                <option value="monthly">{t('lateFeeRepeat.monthly')}</option>
              </SelectField>
              <CurrencyAmountRows
                list="lateFeeCap"
                legend={labelOf('lateFeeCap')}
                hint={t('settingsField.lateFeeCapHint')}
                rows={values.lateFeeCap}
                errorOf={errorOf}
                inputId={inputId}
                onChange={(rows) => update({ lateFeeCap: rows })}
              />
            </div>
          )}
        </fieldset>
        <datalist id="settings-currency-options">
          {COMMON_CURRENCIES.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>

        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('form.saving') : t('settings.save')}
          </button>
          {saved && (
            <p className="saved-note" role="status">
              {t('settings.saved')}
            </p>
          )}
        </div>
      </form>
    </section>
  );
}
