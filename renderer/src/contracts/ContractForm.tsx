// Giving a client a contract, or changing a live one. Choosing a plan fills the kind of service,
// its panel and — when the plan is priced in the client's currency — its price for the chosen
// cycle. Amounts are typed as decimals in the client's currency. The backend validates; its field
// errors are shown beside their inputs in the user's language, as in the client form.
import { useEffect, useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ApiErrorBody, Envelope } from '../../../shared/api/envelope.js';
import { BILLING_CYCLES, type BillingCycle } from '../../../shared/domain/billingCycle.js';
import { PRICING_MODELS, type Contract } from '../../../shared/domain/contract.js';
import { PANEL_ACCOUNT_MEANING, PANEL_KINDS, type PanelKind } from '../../../shared/domain/panel.js';
import { SERVICE_KINDS, type Plan, type ServiceKind } from '../../../shared/domain/plan.js';
import { translateFieldError, type MessageKey } from '../../../shared/i18n/index.js';
import { useApi } from '../api/ApiProvider.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { usePlans } from '../plans/usePlans.js';
import { exampleAmount } from '../ui/amountText.js';
import { Dialog } from '../ui/Dialog.js';
import { ErrorSummary } from '../ui/ErrorSummary.js';
import { FormRefusal } from '../ui/FormRefusal.js';
import { SelectField, TextAreaField, TextField } from '../ui/Field.js';
import { FormFooter } from '../ui/FormFooter.js';
import { formatDate } from '../ui/formatting.js';
import { ProblemDialog } from '../ui/ProblemDialog.js';
import { useBookToday } from '../ui/useBookToday.js';
import {
  contractValues,
  createInputOf,
  inputOfPath,
  newContractValues,
  planPriceText,
  updateInputOf,
  withPlan,
  type ContractFormField,
  type ContractFormValues,
  type FormError,
  type PricingModel,
} from './contractFormValues.js';
import { TierEditor } from './TierEditor.js';

/** The client a contract belongs to: its name to show, its currency for every amount. */
export interface ContractOwner {
  id: string;
  name: string;
  currency: string;
}

interface ContractFormProps {
  owner: ContractOwner;
  /** The live contract to change; null to add a new one. */
  contract: Contract | null;
  onClose: () => void;
  onSaved: (contract: Contract) => void;
}

/** Opens once the price list (and, for a new contract, today's date) is known, so the form starts complete. */
export function ContractForm(props: ContractFormProps) {
  const { t } = useI18n();
  const { plans } = usePlans();
  const today = useBookToday();
  const title = props.contract ? t('contractForm.titleEdit', { label: props.contract.label }) : t('contractForm.titleNew', { client: props.owner.name });
  if (plans.status === 'failed') return <ProblemDialog title={title} error={plans.error} onClose={props.onClose} />;
  if (today.status === 'failed') return <ProblemDialog title={title} error={today.error} onClose={props.onClose} />;
  if (plans.status === 'loading' || today.status === 'loading') return null;
  return <ContractFormDialog {...props} title={title} plans={plans.items} today={today.today} />;
}

type EditableField = keyof ContractFormValues | 'client';

/** The label of each input, in the order the form shows them (the first invalid one gets focus). */
const FIELD_LABELS: Record<EditableField, MessageKey> = {
  client: 'contractField.client',
  planId: 'contractField.plan',
  kind: 'contractField.kind',
  label: 'contractField.label',
  panelKind: 'contractField.panelKind',
  panelAccount: 'contractField.panelAccount',
  cycle: 'contractField.cycle',
  pricingModel: 'contractField.pricingModel',
  price: 'contractField.price',
  unitLabel: 'contractField.unitLabel',
  tiers: 'contractField.tiers',
  autoRenew: 'contractField.autoRenew',
  startDate: 'contractField.startDate',
  nextDueDate: 'contractField.nextDueDate',
  endDate: 'contractField.endDate',
  expiresOn: 'contractField.expiresOn',
  termsVersion: 'contractField.termsVersion',
  signedDate: 'contractField.signedDate',
  termReviewDate: 'contractField.termReviewDate',
  termsText: 'contractField.termsText',
  notes: 'contractField.notes',
};
const FORM_ORDER = Object.keys(FIELD_LABELS) as EditableField[];

/** A tier's boxes sit where the tier editor is, in row order. */
function positionOf(field: ContractFormField): number {
  const tier = /^tiers\.(\d+)\.(upTo|unitPrice)$/.exec(field);
  if (!tier) return FORM_ORDER.indexOf(field as EditableField) * 1000;
  return FORM_ORDER.indexOf('tiers') * 1000 + Number(tier[1]) * 2 + (tier[2] === 'upTo' ? 1 : 2);
}

export const contractInputId = (field: ContractFormField) => `contract-${field.replaceAll('.', '-')}`;

const focusField = (form: HTMLFormElement | null, field: ContractFormField) => form?.querySelector<HTMLElement>(`#${contractInputId(field)}`)?.focus();

type TextInput = 'label' | 'panelAccount' | 'price' | 'unitLabel' | 'nextDueDate' | 'endDate' | 'expiresOn' | 'startDate' | 'termsVersion' | 'signedDate' | 'termReviewDate' | 'termsText' | 'notes';

interface ShownError {
  field: ContractFormField | undefined;
  path: string;
  message: string;
}

function ContractFormDialog({ owner, contract, onClose, onSaved, title, plans, today }: ContractFormProps & { title: string; plans: Plan[]; today: string }) {
  const api = useApi();
  const { language, t } = useI18n();
  const [original, setOriginal] = useState(contract);
  const [values, setValues] = useState<ContractFormValues>(() => (contract ? contractValues(contract) : newContractValues(today)));
  // Whether the price box holds the plan's price (so a change of cycle brings the plan's price for that cycle).
  const [priceFromPlan, setPriceFromPlan] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiErrorBody | null>(null);
  const [formErrors, setFormErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const firstInput = useRef<HTMLSelectElement>(null);

  const currency = owner.currency;
  const plan = plans.find((candidate) => candidate.id === values.planId) ?? null;
  // Archived plans take no new contracts; a contract already on one keeps showing it.
  const planChoices = plans.filter((candidate) => !candidate.archived || candidate.id === original?.planId);

  const localMessage = (error: FormError) =>
    error.code === 'invalid_amount'
      ? t('form.invalidAmount', { example: exampleAmount(currency) })
      : error.code === 'invalid_units'
        ? t('tierEditor.invalidUnits')
        : translateFieldError(language, { field: error.field, code: error.code, message: '' });

  const errors: ShownError[] =
    formErrors.length > 0
      ? formErrors.map((error) => ({ field: error.field, path: error.field, message: localMessage(error) }))
      : problem?.code === 'invalid_input'
        ? (problem.details?.fields ?? []).map((error) => ({ field: inputOfPath(error.field), path: error.field, message: translateFieldError(language, error) }))
        : [];
  const errorOf = new Map<ContractFormField, string>();
  for (const error of errors) if (error.field && !errorOf.has(error.field)) errorOf.set(error.field, error.message);
  const firstInvalid = [...errorOf.keys()].sort((a, b) => positionOf(a) - positionOf(b))[0];

  // After a refused save (each attempt counts), take the user to the first field to fix.
  useEffect(() => {
    if (firstInvalid) focusField(form.current, firstInvalid);
  }, [attempt, firstInvalid]);

  const labelOf = (field: ContractFormField): string => {
    const tier = /^tiers\.(\d+)\.(upTo|unitPrice)$/.exec(field);
    if (!tier) return field === 'panelAccount' ? t(`panelAccount.${PANEL_ACCOUNT_MEANING[values.panelKind]}`) : t(FIELD_LABELS[field as EditableField]);
    return t(tier[2] === 'upTo' ? 'tierEditor.upToOf' : 'tierEditor.unitPriceOf', { n: Number(tier[1]) + 1 });
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setAttempt((count) => count + 1);
    const conversion = original ? updateInputOf(original, values) : createInputOf(owner.id, values, currency);
    if (!conversion.ok) {
      setProblem(null);
      return setFormErrors(conversion.errors);
    }
    setFormErrors([]);
    if (conversion.input === null) return onClose();
    setSaving(true);
    const answer: Envelope<Contract> =
      'clientId' in conversion.input ? await api.call('contracts.create', conversion.input) : await api.call('contracts.update', conversion.input);
    setSaving(false);
    if (!answer.ok) return setProblem(answer.error);
    onSaved(answer.value);
  }

  /** After a conflict: show the contract as it is now; the user makes the change again. */
  async function reload() {
    if (!original) return;
    const answer = await api.call('contracts.get', { id: original.id });
    if (!answer.ok) return setProblem(answer.error);
    setOriginal(answer.value);
    setValues(contractValues(answer.value));
    setProblem(null);
  }

  const update = (changes: Partial<ContractFormValues>) => setValues((current) => ({ ...current, ...changes }));

  function choosePlan(planId: string) {
    const chosen = plans.find((candidate) => candidate.id === planId);
    if (!chosen) return update({ planId: '' });
    const next = withPlan(values, chosen, currency);
    setValues(next);
    setPriceFromPlan(planPriceText(chosen, values.cycle, currency) !== null);
  }

  function chooseCycle(cycle: BillingCycle) {
    const planPrice = plan ? planPriceText(plan, cycle, currency) : null;
    if (plan && (priceFromPlan || values.price.trim() === '')) {
      // A price taken from the plan follows the cycle; a price typed by the user stays.
      update({ cycle, price: planPrice ?? '' });
      setPriceFromPlan(planPrice !== null);
    } else {
      update({ cycle });
    }
  }

  const text = (field: TextInput) => ({
    id: contractInputId(field),
    label: labelOf(field),
    value: values[field],
    error: errorOf.get(field),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => update({ [field]: event.target.value }),
  });

  /** Why the price box may need typing even with a plan chosen. */
  const priceHint = (): string => {
    const inCurrency = t('contractForm.priceHint', { currency, example: exampleAmount(currency) });
    if (!plan) return inCurrency;
    if (plan.currency !== currency) return `${inCurrency} ${t('contractForm.planOtherCurrency', { plan: plan.name, currency: plan.currency })}`;
    if (plan.prices[values.cycle] === undefined) return `${inCurrency} ${t('contractForm.planNoPrice', { plan: plan.name, cycle: t(`cycle.${values.cycle}`) })}`;
    return inCurrency;
  };

  const ended = problem?.code === 'conflict' && typeof problem.details?.status === 'string';
  const usesTiers = values.pricingModel !== 'fixed';

  return (
    <Dialog title={title} onClose={onClose} initialFocus={firstInput}>
      <form ref={form} className="dialog-form" noValidate onSubmit={(event) => void save(event)} aria-busy={saving}>
        <div className="dialog-body">
          <ErrorSummary errors={errors.map((error) => ({ label: error.field ? labelOf(error.field) : null, path: error.path, message: error.message, focus: error.field ? () => focusField(form.current, error.field!) : undefined }))} />
          <FormRefusal problem={problem} conflictText={ended ? t('contractForm.ended') : t('contractForm.conflict')} onReload={ended ? null : () => void reload()} />

          <fieldset className="form-section">
            <legend>{t('contractForm.section.service')}</legend>
            <div className="form-grid">
              <div className={errorOf.has('client') ? 'field field-invalid' : 'field'}>
                <span className="field-label">{t('contractField.client')}</span>
                <p id={contractInputId('client')} className="field-static" tabIndex={-1} aria-describedby={errorOf.has('client') ? `${contractInputId('client')}-error` : undefined}>
                  {owner.name} <span className="muted">· {currency}</span>
                </p>
                {errorOf.has('client') && (
                  <p id={`${contractInputId('client')}-error`} className="field-error">
                    {errorOf.get('client')}
                  </p>
                )}
              </div>
              <SelectField
                ref={firstInput}
                id={contractInputId('planId')}
                label={t('contractField.plan')}
                hint={t('contractForm.planHint')}
                value={values.planId}
                error={errorOf.get('planId')}
                onChange={(event) => choosePlan(event.target.value)}
              >
                <option value="">{t('contractForm.noPlan')}</option>
                {planChoices.map((choice) => (
                  <option key={choice.id} value={choice.id}>
                    {t('contractForm.planOption', { name: choice.name, currency: choice.currency })}
                  </option>
                ))}
              </SelectField>
              <SelectField id={contractInputId('kind')} label={t('contractField.kind')} value={values.kind} error={errorOf.get('kind')} onChange={(event) => update({ kind: event.target.value as ServiceKind })}>
                {values.kind === '' && <option value="">{t('contractForm.chooseKind')}</option>}
                {SERVICE_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`serviceKind.${kind}`)}
                  </option>
                ))}
              </SelectField>
              <TextField {...text('label')} requiredLabel={t('form.required')} autoComplete="off" hint={t('contractForm.labelHint')} />
              <SelectField id={contractInputId('panelKind')} label={t('contractField.panelKind')} value={values.panelKind} error={errorOf.get('panelKind')} onChange={(event) => update({ panelKind: event.target.value as PanelKind })}>
                {PANEL_KINDS.map((panel) => (
                  <option key={panel} value={panel}>
                    {t(`panel.${panel}`)}
                  </option>
                ))}
              </SelectField>
              {values.panelKind !== 'none' && <TextField {...text('panelAccount')} autoComplete="off" hint={t('contractForm.panelAccountHint')} />}
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('contractForm.section.price')}</legend>
            <div className="form-grid">
              <SelectField id={contractInputId('cycle')} label={t('contractField.cycle')} value={values.cycle} error={errorOf.get('cycle')} onChange={(event) => chooseCycle(event.target.value as BillingCycle)}>
                {BILLING_CYCLES.map((cycle) => (
                  <option key={cycle} value={cycle}>
                    {t(`cycle.${cycle}`)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={contractInputId('pricingModel')}
                label={t('contractField.pricingModel')}
                value={values.pricingModel}
                error={errorOf.get('pricingModel')}
                onChange={(event) => update({ pricingModel: event.target.value as PricingModel })}
              >
                {PRICING_MODELS.map((model) => (
                  <option key={model} value={model}>
                    {t(`pricingModel.${model}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                {...text('price')}
                label={t('contractForm.priceIn', { currency })}
                inputMode="decimal"
                autoComplete="off"
                className="amount"
                hint={priceHint()}
                onChange={(event) => {
                  update({ price: event.target.value });
                  setPriceFromPlan(false);
                }}
              />
              {usesTiers && <TextField {...text('unitLabel')} autoComplete="off" className="short" hint={t('contractForm.unitLabelHint')} />}
              {usesTiers && (
                <TierEditor
                  className="span-2"
                  tiers={values.tiers}
                  currency={currency}
                  unitLabel={values.unitLabel}
                  groupError={errorOf.get('tiers')}
                  errorOf={(field) => errorOf.get(field)}
                  inputId={contractInputId}
                  onChange={(tiers) => update({ tiers })}
                />
              )}
              <label className="checkbox span-2">
                <input type="checkbox" id={contractInputId('autoRenew')} checked={values.autoRenew} onChange={(event) => update({ autoRenew: event.target.checked })} />
                {t('contractForm.autoRenew')}
              </label>
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('contractForm.section.dates')}</legend>
            <div className="form-grid">
              {original ? (
                <div className="field">
                  <span className="field-label">{t('contractField.startDate')}</span>
                  <p className="field-static">{formatDate(original.startDate, language)}</p>
                </div>
              ) : (
                <TextField {...text('startDate')} type="date" requiredLabel={t('form.required')} />
              )}
              <TextField {...text('nextDueDate')} type="date" hint={original ? undefined : t('contractForm.nextDueHint')} />
              <TextField {...text('endDate')} type="date" hint={t('contractForm.endDateHint')} />
              <TextField {...text('expiresOn')} type="date" hint={t('contractForm.expiresOnHint')} />
            </div>
          </fieldset>

          <fieldset className="form-section">
            <legend>{t('contractForm.section.terms')}</legend>
            <div className="form-grid">
              <TextField {...text('termsVersion')} autoComplete="off" className="short" />
              <TextField {...text('signedDate')} type="date" />
              <TextField {...text('termReviewDate')} type="date" hint={t('contractForm.termReviewHint')} />
              <TextAreaField {...text('termsText')} className="span-2" rows={4} />
              <TextAreaField {...text('notes')} className="span-2" rows={3} />
            </div>
          </fieldset>
        </div>

        <FormFooter confirm={original ? t('form.save') : t('contractForm.create')} saving={saving} onCancel={onClose} blocked={ended} />
      </form>
    </Dialog>
  );
}
