// Adding a plan to the price list or changing one. Prices are typed per billing cycle as decimals
// in the plan's currency; a cycle left empty is not offered. The restriction plan — where an
// account is moved while restricted for arrears — is chosen among plans on the same panel.
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ApiErrorBody, Envelope } from '../../../shared/api/envelope.js';
import { BILLING_CYCLES } from '../../../shared/domain/billingCycle.js';
import { PANEL_KINDS, type PanelKind } from '../../../shared/domain/panel.js';
import { SERVICE_KINDS, type Plan, type ServiceKind } from '../../../shared/domain/plan.js';
import { translateFieldError, type MessageKey } from '../../../shared/i18n/index.js';
import type { FieldError } from '../../../shared/validation/fieldErrors.js';
import { useApi } from '../api/ApiProvider.js';
import { COMMON_CURRENCIES, lastCurrency } from '../clients/lastCurrency.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { exampleAmount } from '../ui/amountText.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorSummary } from '../ui/ErrorSummary.js';
import { FormRefusal } from '../ui/FormRefusal.js';
import { SelectField, TextAreaField, TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { createInputOf, inputOfPath, newPlanValues, planValues, restrictionChoices, updateInputOf, type PlanFormError, type PlanFormField, type PlanFormValues } from './planFormValues.js';

interface PlanFormProps {
  /** The plan to change; null to add one. */
  plan: Plan | null;
  allPlans: Plan[];
  onClose: () => void;
  onSaved: (plan: Plan) => void;
}

/** The order of the inputs, for focusing the first one to fix. */
const FORM_ORDER: PlanFormField[] = ['name', 'kind', 'currency', 'prices', ...BILLING_CYCLES.map((cycle) => `prices.${cycle}` as const), 'panelKind', 'panelPackage', 'restrictionPlanId', 'description'];

const inputId = (field: PlanFormField) => `plan-${field.replace('.', '-')}`;
const focusField = (form: HTMLFormElement | null, field: PlanFormField) => form?.querySelector<HTMLElement>(`#${inputId(field)}`)?.focus();

const LABELS: Record<Exclude<PlanFormField, `prices.${string}`>, MessageKey> = {
  name: 'planField.name',
  kind: 'planField.kind',
  currency: 'planField.currency',
  prices: 'planField.prices',
  panelKind: 'planField.panelKind',
  panelPackage: 'planField.panelPackage',
  restrictionPlanId: 'planField.restrictionPlan',
  description: 'planField.description',
};

interface ShownError {
  field: PlanFormField | undefined;
  path: string;
  message: string;
}

export function PlanForm({ plan, allPlans, onClose, onSaved }: PlanFormProps) {
  const api = useApi();
  const { language, t } = useI18n();
  const [original, setOriginal] = useState(plan);
  const [values, setValues] = useState<PlanFormValues>(() => (plan ? planValues(plan) : newPlanValues(lastCurrency())));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [formErrors, setFormErrors] = useState<PlanFormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const currency = (original?.currency ?? values.currency).trim().toUpperCase();
  const labelOf = (field: PlanFormField) => {
    const cycle = /^prices\.(\w+)$/.exec(field);
    return cycle ? t('planForm.priceOf', { cycle: t(`cycle.${cycle[1] as (typeof BILLING_CYCLES)[number]}`) }) : t(LABELS[field as keyof typeof LABELS]);
  };
  const serverMessage = (error: FieldError) =>
    // "Entries must not repeat" reads wrong for a name: say what is repeated.
    error.field === 'name' && error.code === 'duplicate' ? t('planForm.nameTaken') : translateFieldError(language, error);

  const errors: ShownError[] =
    formErrors.length > 0
      ? formErrors.map((error) => ({ field: error.field, path: error.field, message: t('form.invalidAmount', { example: exampleAmount(currency) }) }))
      : problem?.code === 'invalid_input'
        ? (problem.details?.fields ?? []).map((error) => ({ field: inputOfPath(error.field), path: error.field, message: serverMessage(error) }))
        : [];
  const errorOf = new Map<PlanFormField, string>();
  for (const error of errors) if (error.field && !errorOf.has(error.field)) errorOf.set(error.field, error.message);
  const firstInvalid = FORM_ORDER.find((field) => errorOf.has(field));

  useEffect(() => {
    if (firstInvalid) focusField(form.current, firstInvalid);
  }, [attempt, firstInvalid]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempt((count) => count + 1);
    const conversion = original ? updateInputOf(original, values) : createInputOf(values);
    if (!conversion.ok) {
      setProblem(null);
      return setFormErrors(conversion.errors);
    }
    setFormErrors([]);
    if (conversion.input === null) return onClose();
    setSaving(true);
    const answer: Envelope<Plan> = 'currency' in conversion.input ? await api.call('plans.create', conversion.input) : await api.call('plans.update', conversion.input);
    setSaving(false);
    if (!answer.ok) return setProblem(answer.error);
    onSaved(answer.value);
  }

  async function reload() {
    if (!original) return;
    const answer = await api.call('plans.list', { includeArchived: true });
    const fresh = answer.ok ? answer.value.items.find((candidate) => candidate.id === original.id) : undefined;
    if (!answer.ok) return setProblem(answer.error);
    if (!fresh) return onClose();
    setOriginal(fresh);
    setValues(planValues(fresh));
    setProblem(null);
  }

  const update = (changes: Partial<PlanFormValues>) => setValues((current) => ({ ...current, ...changes }));
  const restrictionOptions = restrictionChoices(allPlans, values.panelKind, original?.id ?? null);

  function choosePanel(panelKind: PanelKind) {
    // A restriction plan on another panel cannot stand in for this one.
    const keeps = restrictionChoices(allPlans, panelKind, original?.id ?? null).some((candidate) => candidate.id === values.restrictionPlanId);
    update({ panelKind, restrictionPlanId: keeps ? values.restrictionPlanId : '' });
  }

  const text = (field: 'name' | 'currency' | 'panelPackage' | 'description') => ({
    id: inputId(field),
    label: labelOf(field),
    value: values[field],
    error: errorOf.get(field),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => update({ [field]: event.target.value }),
  });

  return (
    <Dialog title={original ? t('planForm.titleEdit', { name: original.name }) : t('planForm.titleNew')} onClose={onClose} initialFocus={nameInput}>
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void save(event)} aria-busy={saving}>
        <div className="dialog-body">
          <ErrorSummary errors={errors.map((error) => ({ label: error.field ? labelOf(error.field) : null, path: error.path, message: error.message, focus: error.field ? () => focusField(form.current, error.field!) : undefined }))} />
          <FormRefusal problem={problem} conflictText={t('planForm.conflict')} onReload={() => void reload()} />

          <fieldset className="form-section">
            <legend>{t('planForm.section.plan')}</legend>
            <div className="form-grid">
              <TextField {...text('name')} ref={nameInput} requiredLabel={t('form.required')} autoComplete="off" />
              <SelectField id={inputId('kind')} label={labelOf('kind')} value={values.kind} error={errorOf.get('kind')} onChange={(event) => update({ kind: event.target.value as ServiceKind })}>
                {SERVICE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`serviceKind.${kind}`)}
                  </option>
                ))}
              </SelectField>
              {original ? (
                <div className="field">
                  <span className="field-label">{labelOf('currency')}</span>
                  <p className="field-static">{original.currency}</p>
                  <p className="field-hint">{t('planForm.currencyFixed')}</p>
                </div>
              ) : (
                <>
                  <TextField {...text('currency')} list="plan-currency-options" autoComplete="off" className="short" requiredLabel={t('form.required')} hint={t('field.currency.hint')} />
                  <datalist id="plan-currency-options">
                    {COMMON_CURRENCIES.map((code) => (
                      <option key={code} value={code} />
                    ))}
                  </datalist>
                </>
              )}
              <TextAreaField {...text('description')} className="span-2" rows={2} />
            </div>
          </fieldset>

          <fieldset className={errorOf.has('prices') ? 'form-section field-invalid' : 'form-section'} aria-describedby={errorOf.has('prices') ? 'plan-prices-error' : 'plan-prices-hint'}>
            <legend>{t('planForm.section.prices', { currency: currency || '—' })}</legend>
            <p id="plan-prices-hint" className="field-hint form-section-hint">
              {t('planForm.pricesHint')}
            </p>
            {errorOf.has('prices') && (
              // The fieldset itself cannot take focus; the first box can.
              <p id="plan-prices-error" className="field-error">
                {errorOf.get('prices')}
              </p>
            )}
            <div className="price-grid" id={inputId('prices')} tabIndex={-1}>
              {BILLING_CYCLES.map((cycle) => (
                <TextField
                  key={cycle}
                  id={inputId(`prices.${cycle}`)}
                  label={t(`cycle.${cycle}`)}
                  className="amount"
                  inputMode="decimal"
                  autoComplete="off"
                  placeholder={t('planForm.notOffered')}
                  value={values.prices[cycle]}
                  error={errorOf.get(`prices.${cycle}`)}
                  onChange={(event) => update({ prices: { ...values.prices, [cycle]: event.target.value } })}
                />
              ))}
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('planForm.section.panel')}</legend>
            <div className="form-grid">
              <SelectField id={inputId('panelKind')} label={labelOf('panelKind')} value={values.panelKind} error={errorOf.get('panelKind')} onChange={(event) => choosePanel(event.target.value as PanelKind)}>
                {PANEL_KINDS.map((panel) => (
                  <option key={panel} value={panel}>
                    {t(`panel.${panel}`)}
                  </option>
                ))}
              </SelectField>
              {values.panelKind !== 'none' && <TextField {...text('panelPackage')} autoComplete="off" hint={t('planForm.panelPackageHint')} />}
              <SelectField
                id={inputId('restrictionPlanId')}
                label={labelOf('restrictionPlanId')}
                hint={t('planForm.restrictionHint')}
                value={values.restrictionPlanId}
                error={errorOf.get('restrictionPlanId')}
                onChange={(event) => update({ restrictionPlanId: event.target.value })}
              >
                <option value="">{t('planForm.noRestrictionPlan')}</option>
                {restrictionOptions.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {choice.archived ? t('planForm.archivedOption', { name: choice.name }) : choice.name}
                  </option>
                ))}
              </SelectField>
            </div>
          </fieldset>
        </div>

        <FormFooter confirm={original ? t('form.save') : t('planForm.create')} saving={saving} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
