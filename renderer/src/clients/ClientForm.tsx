// Adding a client or editing a client record. The backend validates; its field errors are shown
// beside their inputs in the user's language, with a summary on top and focus on the first one.
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ApiErrorBody, Envelope } from '../../../shared/api/envelope.js';
import { CHANNELS, LIMITS, type Channel, type Client } from '../../../shared/domain/client.js';
import { LANGUAGES, type Language } from '../../../shared/domain/language.js';
import { translateFieldError, type MessageKey } from '../../../shared/i18n/index.js';
import type { Output } from '../../../shared/api/methods.js';
import type { FieldError } from '../../../shared/validation/fieldErrors.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { FormRefusal } from '../ui/FormRefusal.js';
import { Dialog } from '../ui/Dialog.js';
import { SelectField, TextAreaField, TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { formatPercent } from '../ui/numberText.js';
import { clientValues, createInputOf, inputOfPath, newClientValues, orderedChannels, updateInputOf, type ClientFormField, type ClientFormValues } from './clientFormValues.js';
import { COMMON_CURRENCIES, lastCurrency, rememberCurrency } from './lastCurrency.js';

/** The label of each input, in the order the form shows them (the first invalid one gets focus). */
const FIELD_LABELS: Record<ClientFormField, MessageKey> = {
  name: 'field.name',
  company: 'field.company',
  contactName: 'field.contactName',
  phone: 'field.phone',
  email: 'field.email',
  billingEmail: 'field.billingEmail',
  addressLines: 'field.addressLines',
  city: 'field.city',
  region: 'field.region',
  postalCode: 'field.postalCode',
  addressCountry: 'field.addressCountry',
  currency: 'field.currency',
  language: 'field.language',
  country: 'field.country',
  taxId: 'field.taxId',
  taxRateId: 'field.taxRate',
  taxExemptReason: 'field.taxExemptReason',
  prepay: 'field.prepay',
  channels: 'field.channels',
  tags: 'field.tags',
  notes: 'field.notes',
};
const FORM_ORDER = Object.keys(FIELD_LABELS) as ClientFormField[];

const inputId = (field: ClientFormField) => (field === 'channels' ? `client-channels-${CHANNELS[0]}` : `client-${field}`);

const focusField = (form: HTMLFormElement | null, field: ClientFormField) => form?.querySelector<HTMLElement>(`#${inputId(field)}`)?.focus();

type TextInput = Exclude<ClientFormField, 'language' | 'channels' | 'taxRateId' | 'prepay'>;

interface ClientFormProps {
  /** The client to edit; null to add a new one. */
  client: Client | null;
  onClose: () => void;
  onSaved: (client: Client) => void;
}

export function ClientForm({ client, onClose, onSaved }: ClientFormProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [original, setOriginal] = useState(client);
  const [values, setValues] = useState<ClientFormValues>(() => (client ? clientValues(client) : newClientValues(language, lastCurrency())));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  // The book's tax rates for the client's own rate; the form opens at once and the choice fills in.
  const [rates, setRates] = useState<Output<'taxRates.list'>['items']>([]);
  useEffect(() => {
    let current = true;
    void api.call('taxRates.list', {}).then((answer) => {
      if (current && answer.ok) setRates(answer.value.items);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const fieldErrors: FieldError[] = problem?.code === 'invalid_input' ? (problem.details?.fields ?? []) : [];
  const errorOf = new Map<ClientFormField, string>();
  for (const error of fieldErrors) {
    const field = inputOfPath(error.field);
    if (field && !errorOf.has(field)) errorOf.set(field, translateFieldError(language, error));
  }

  const firstInvalid = FORM_ORDER.find((field) => errorOf.has(field));

  // After a refused save (each one a new `problem`), take the user to the first field to fix.
  useEffect(() => {
    if (firstInvalid) focusField(form.current, firstInvalid);
  }, [problem, firstInvalid]);

  async function save(event: FormEvent) {
    event.preventDefault();
    let answer: Envelope<Client>;
    if (original) {
      const changes = updateInputOf(original, values);
      if (!changes) return onClose();
      setSaving(true);
      answer = await api.call('clients.update', changes);
    } else {
      setSaving(true);
      answer = await api.call('clients.create', createInputOf(values));
    }
    setSaving(false);
    if (!answer.ok) return setProblem(answer.error);
    rememberCurrency(answer.value.currency);
    onSaved(answer.value);
  }

  /** After a conflict: show the client as it is now; the user makes the change again. */
  async function reload() {
    if (!original) return;
    const answer = await api.call('clients.get', { id: original.id });
    if (!answer.ok) return setProblem(answer.error);
    setOriginal(answer.value);
    setValues(clientValues(answer.value));
    setProblem(null);
  }

  const text = (field: TextInput) => ({
    id: inputId(field),
    label: t(FIELD_LABELS[field]),
    value: values[field],
    error: errorOf.get(field),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues((current) => ({ ...current, [field]: event.target.value })),
  });

  const toggleChannel = (channel: Channel, on: boolean) =>
    setValues((current) => ({ ...current, channels: orderedChannels(on ? [...current.channels, channel] : current.channels.filter((c) => c !== channel)) }));

  const channelsError = errorOf.get('channels');

  return (
    <Dialog title={original ? t('clientForm.titleEdit', { name: original.name }) : t('clientForm.titleNew')} onClose={onClose} initialFocus={nameInput}>
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void save(event)} aria-busy={saving}>
        <div className="dialog-body">
          {fieldErrors.length > 0 && (
            <div className="notice notice-error error-summary" role="alert">
              <p className="notice-title">{t('clientForm.errorSummary')}</p>
              <ul>
                {fieldErrors.map((error, index) => {
                  const field = inputOfPath(error.field);
                  const message = translateFieldError(language, error);
                  return (
                    <li key={index}>
                      {field ? (
                        <button type="button" className="link-button" onClick={() => focusField(form.current, field)}>
                          {t('clientForm.errorItem', { field: t(FIELD_LABELS[field]), message })}
                        </button>
                      ) : (
                        // A field this form has no input for; the path tells a developer what was refused.
                        t('clientForm.errorItem', { field: error.field, message })
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          <FormRefusal problem={problem} conflictText={t('clientForm.conflict')} onReload={() => void reload()} />

          <fieldset className="form-section">
            <legend>{t('clientForm.section.client')}</legend>
            <div className="form-grid">
              <TextField {...text('name')} ref={nameInput} requiredLabel={t('clientForm.required')} autoComplete="off" />
              <TextField {...text('company')} autoComplete="off" />
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('clientForm.section.contact')}</legend>
            <div className="form-grid">
              <TextField {...text('contactName')} autoComplete="off" />
              <TextField {...text('phone')} type="tel" autoComplete="off" />
              <TextField {...text('email')} type="email" autoComplete="off" />
              <TextField {...text('billingEmail')} type="email" autoComplete="off" hint={t('field.billingEmail.hint')} />
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('clientForm.section.address')}</legend>
            <div className="form-grid">
              <TextAreaField {...text('addressLines')} className="span-2" rows={3} hint={t('field.addressLines.hint', { max: LIMITS.addressLines })} />
              <TextField {...text('city')} autoComplete="off" />
              <TextField {...text('region')} autoComplete="off" />
              <TextField {...text('postalCode')} autoComplete="off" className="short" />
              <TextField {...text('addressCountry')} autoComplete="off" className="short" hint={t('field.countryCode.hint')} />
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('clientForm.section.billing')}</legend>
            <div className="form-grid">
              <TextField {...text('currency')} list="client-currency-options" autoComplete="off" className="short" requiredLabel={t('clientForm.required')} hint={t('field.currency.hint')} />
              <datalist id="client-currency-options">
                {COMMON_CURRENCIES.map((code) => (
                  <option key={code} value={code} />
                ))}
              </datalist>
              <SelectField
                id={inputId('language')}
                label={t(FIELD_LABELS.language)}
                error={errorOf.get('language')}
                value={values.language}
                onChange={(event) => setValues((current) => ({ ...current, language: event.target.value as Language }))}
              >
                {LANGUAGES.map((option) => (
                  <option key={option} value={option}>
                    {t(`language.${option}`)}
                  </option>
                ))}
              </SelectField>
              <TextField {...text('country')} autoComplete="off" className="short" hint={t('field.countryCode.hint')} />
              <TextField {...text('taxId')} autoComplete="off" />
              <SelectField
                id={inputId('taxRateId')}
                label={t(FIELD_LABELS.taxRateId)}
                hint={t('field.taxRate.hint')}
                error={errorOf.get('taxRateId')}
                value={values.taxRateId}
                onChange={(event) => setValues((current) => ({ ...current, taxRateId: event.target.value }))}
              >
                <option value="">{t('field.taxRate.byCountry')}</option>
                {rates
                  .filter((rate) => !rate.archived || rate.id === values.taxRateId)
                  .map((rate) => (
                    <option key={rate.id} value={rate.id}>
                      {t('taxRate.option', { name: rate.name, rate: formatPercent(rate.rateBp, language) })}
                    </option>
                  ))}
              </SelectField>
              <TextField {...text('taxExemptReason')} autoComplete="off" hint={t('field.taxExemptReason.hint')} />
              <label className="checkbox span-2">
                <input type="checkbox" id={inputId('prepay')} checked={values.prepay} onChange={(event) => setValues((current) => ({ ...current, prepay: event.target.checked }))} />
                {t('field.prepay')}
              </label>
            </div>
          </fieldset>

          <fieldset className={channelsError ? 'form-section field-invalid' : 'form-section'} aria-describedby={channelsError ? 'client-channels-error' : undefined}>
            <legend>{t('clientForm.section.channels')}</legend>
            <div className="checkbox-row">
              {CHANNELS.map((channel) => (
                <label key={channel} className="checkbox">
                  <input
                    type="checkbox"
                    id={`client-channels-${channel}`}
                    checked={values.channels.includes(channel)}
                    aria-invalid={channelsError ? true : undefined}
                    onChange={(event) => toggleChannel(channel, event.target.checked)}
                  />
                  {t(`channel.${channel}`)}
                </label>
              ))}
            </div>
            {channelsError && (
              <p id="client-channels-error" className="field-error">
                {channelsError}
              </p>
            )}
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('clientForm.section.notes')}</legend>
            <div className="form-grid">
              <TextField {...text('tags')} className="span-2" autoComplete="off" hint={t('field.tags.hint')} />
              <TextAreaField {...text('notes')} className="span-2" rows={4} />
            </div>
          </fieldset>
        </div>

        <FormFooter confirm={original ? t('clientForm.save') : t('clientForm.create')} saving={saving} onCancel={onClose} cancelLabel={t('clientForm.cancel')} savingLabel={t('clientForm.saving')} />
      </form>
    </Dialog>
  );
}
