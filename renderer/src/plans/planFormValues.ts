// The plan form works on plain strings; these functions turn a plan into form values and form
// values into the API's create and update inputs. Prices are typed per billing cycle as decimals in
// the plan's currency; an empty box means the cycle is not offered. Pure, unit-tested.
import type { Input } from '../../../shared/api/methods.js';
import { BILLING_CYCLES, type BillingCycle } from '../../../shared/domain/billingCycle.js';
import type { PanelKind } from '../../../shared/domain/panel.js';
import type { Plan, ServiceKind } from '../../../shared/domain/plan.js';
import { amountText, readAmount } from '../ui/amountText.js';

export type PlanCreateInput = Input<'plans.create'>;
export type PlanUpdateInput = Input<'plans.update'>;
type Prices = Partial<Record<BillingCycle, number>>;

export interface PlanFormValues {
  name: string;
  kind: ServiceKind;
  currency: string;
  prices: Record<BillingCycle, string>;
  panelKind: PanelKind;
  panelPackage: string;
  restrictionPlanId: string;
  description: string;
}

export type PlanFormField = Exclude<keyof PlanFormValues, 'prices'> | 'prices' | `prices.${BillingCycle}`;

export interface PlanFormError {
  field: PlanFormField;
  code: 'invalid_amount';
}

export type PlanConversion<T> = { ok: true; input: T } | { ok: false; errors: PlanFormError[] };

const noPrices = (): Record<BillingCycle, string> => ({ monthly: '', quarterly: '', semiannual: '', annual: '', biennial: '' });

export function newPlanValues(currency: string): PlanFormValues {
  return { name: '', kind: 'shared_hosting', currency, prices: noPrices(), panelKind: 'none', panelPackage: '', restrictionPlanId: '', description: '' };
}

export function planValues(plan: Plan): PlanFormValues {
  const prices = noPrices();
  for (const cycle of BILLING_CYCLES) prices[cycle] = amountText(plan.prices[cycle], plan.currency);
  return {
    name: plan.name,
    kind: plan.kind,
    currency: plan.currency,
    prices,
    panelKind: plan.panelKind,
    panelPackage: plan.panelPackage ?? '',
    restrictionPlanId: plan.restrictionPlanId ?? '',
    description: plan.description ?? '',
  };
}

/** The prices of the offered cycles in minor units, in cycle order. */
function pricesOf(values: PlanFormValues, currency: string): PlanConversion<Prices> {
  const prices: Prices = {};
  const errors: PlanFormError[] = [];
  for (const cycle of BILLING_CYCLES) {
    const reading = readAmount(values.prices[cycle], currency);
    if (reading.state === 'invalid') errors.push({ field: `prices.${cycle}`, code: 'invalid_amount' });
    if (reading.state === 'amount') prices[cycle] = reading.minor;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input: prices };
}

/** The panel package only means something on a panel. */
const packageOf = (values: PlanFormValues) => (values.panelKind === 'none' ? '' : values.panelPackage.trim());

export function createInputOf(values: PlanFormValues): PlanConversion<PlanCreateInput> {
  const currency = values.currency.trim().toUpperCase();
  const prices = pricesOf(values, currency);
  if (!prices.ok) return prices;
  const input: PlanCreateInput = { name: values.name.trim(), kind: values.kind, currency, prices: prices.input, panelKind: values.panelKind };
  if (packageOf(values)) input.panelPackage = packageOf(values);
  if (values.restrictionPlanId) input.restrictionPlanId = values.restrictionPlanId;
  if (values.description.trim()) input.description = values.description.trim();
  return { ok: true, input };
}

const samePrices = (a: Prices, b: Prices) => BILLING_CYCLES.every((cycle) => a[cycle] === b[cycle]);

/** The changes to a plan, with the version the form was opened at; null when nothing changed. */
export function updateInputOf(plan: Plan, values: PlanFormValues): PlanConversion<PlanUpdateInput | null> {
  const prices = pricesOf(values, plan.currency);
  if (!prices.ok) return prices;
  const input: PlanUpdateInput = { id: plan.id, expectedVersion: plan.version };
  let changed = false;
  const set = <K extends keyof PlanUpdateInput>(key: K, value: PlanUpdateInput[K]) => {
    input[key] = value;
    changed = true;
  };
  if (values.name.trim() !== plan.name) set('name', values.name.trim());
  if (values.kind !== plan.kind) set('kind', values.kind);
  if (!samePrices(prices.input, plan.prices)) set('prices', prices.input);
  if (values.panelKind !== plan.panelKind) set('panelKind', values.panelKind);
  if ((packageOf(values) || null) !== plan.panelPackage) set('panelPackage', packageOf(values) || null);
  if ((values.restrictionPlanId || null) !== plan.restrictionPlanId) set('restrictionPlanId', values.restrictionPlanId || null);
  if ((values.description.trim() || null) !== plan.description) set('description', values.description.trim() || null);
  return { ok: true, input: changed ? input : null };
}

/** Plans an account can be moved to while restricted: others on the same kind of panel. */
export const restrictionChoices = (plans: readonly Plan[], panelKind: PanelKind, selfId: string | null): Plan[] =>
  plans.filter((plan) => plan.id !== selfId && plan.panelKind === panelKind);

const FORM_FIELDS = new Set<string>(['name', 'kind', 'currency', 'panelKind', 'panelPackage', 'restrictionPlanId', 'description', 'prices']);

/** Which input shows an error the backend reported: `prices.monthly` is the monthly price box. */
export function inputOfPath(path: string): PlanFormField | undefined {
  const price = /^prices\.(\w+)$/.exec(path);
  if (price && (BILLING_CYCLES as readonly string[]).includes(price[1]!)) return `prices.${price[1] as BillingCycle}`;
  return FORM_FIELDS.has(path) ? (path as PlanFormField) : undefined;
}
