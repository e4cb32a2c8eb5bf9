// The contract form works on plain strings, as its inputs hold them; these functions turn a
// contract into form values and form values into the API's create and update inputs. Amounts are
// typed as decimals in the client's currency and sent as integer minor units. Pure, unit-tested.
import type { Input } from '../../../shared/api/methods.js';
import type { BillingCycle } from '../../../shared/domain/billingCycle.js';
import type { Contract, PRICING_MODELS } from '../../../shared/domain/contract.js';
import type { PanelKind } from '../../../shared/domain/panel.js';
import type { Plan, ServiceKind } from '../../../shared/domain/plan.js';
import type { FieldErrorCode } from '../../../shared/validation/fieldErrors.js';
import { amountText, readAmount, readUnits } from '../ui/amountText.js';

export type PricingModel = (typeof PRICING_MODELS)[number];
export type ContractCreateInput = Input<'contracts.create'>;
export type ContractUpdateInput = Input<'contracts.update'>;
type Tier = { upTo: number | null; unitPriceMinor: number };

/** One row of the tier editor: "up to N units" (empty: no limit) at "unit price". */
export interface TierValues {
  upTo: string;
  unitPrice: string;
}

export interface ContractFormValues {
  planId: string;
  /** Empty until chosen: a contract on a plan takes the plan's kind. */
  kind: ServiceKind | '';
  label: string;
  panelKind: PanelKind;
  panelAccount: string;
  price: string;
  cycle: BillingCycle;
  pricingModel: PricingModel;
  tiers: TierValues[];
  unitLabel: string;
  startDate: string;
  nextDueDate: string;
  endDate: string;
  expiresOn: string;
  autoRenew: boolean;
  termsText: string;
  termsVersion: string;
  signedDate: string;
  termReviewDate: string;
  notes: string;
}

/** Where an error can be shown: a field, the client (shown, not edited), or one box of one tier. */
export type ContractFormField = keyof ContractFormValues | 'client' | `tiers.${number}.upTo` | `tiers.${number}.unitPrice`;

/** An error found before anything is sent: text the API could not even be given. */
export interface FormError {
  field: ContractFormField;
  code: FieldErrorCode | 'invalid_amount' | 'invalid_units';
}

export type Conversion<T> = { ok: true; input: T } | { ok: false; errors: FormError[] };

export function newContractValues(today: string): ContractFormValues {
  return {
    planId: '', kind: '', label: '', panelKind: 'none', panelAccount: '', price: '', cycle: 'monthly',
    pricingModel: 'fixed', tiers: [], unitLabel: '', startDate: today, nextDueDate: '', endDate: '',
    expiresOn: '', autoRenew: true, termsText: '', termsVersion: '', signedDate: '', termReviewDate: '', notes: '',
  };
}

export function contractValues(contract: Contract): ContractFormValues {
  return {
    planId: contract.planId ?? '',
    kind: contract.kind,
    label: contract.label,
    panelKind: contract.panelKind,
    panelAccount: contract.panelAccount ?? '',
    price: amountText(contract.priceMinor, contract.currency),
    cycle: contract.cycle,
    pricingModel: contract.pricingModel,
    tiers: (contract.tiers ?? []).map((tier) => ({ upTo: tier.upTo === null ? '' : String(tier.upTo), unitPrice: amountText(tier.unitPriceMinor, contract.currency) })),
    unitLabel: contract.unitLabel ?? '',
    startDate: contract.startDate,
    nextDueDate: contract.nextDueDate,
    endDate: contract.endDate ?? '',
    expiresOn: contract.expiresOn ?? '',
    autoRenew: contract.autoRenew,
    termsText: contract.termsText ?? '',
    termsVersion: contract.termsVersion ?? '',
    signedDate: contract.signedDate ?? '',
    termReviewDate: contract.termReviewDate ?? '',
    notes: contract.notes ?? '',
  };
}

/** The plan's price for `cycle` as the price box shows it, when the plan is priced in the client's currency. */
export function planPriceText(plan: Plan, cycle: BillingCycle, currency: string): string | null {
  const price = plan.currency === currency ? plan.prices[cycle] : undefined;
  return price === undefined ? null : amountText(price, currency);
}

/** Choosing a plan fills what the plan says: the kind of service, its panel, and its price for the chosen cycle. */
export function withPlan(values: ContractFormValues, plan: Plan, currency: string): ContractFormValues {
  const price = planPriceText(plan, values.cycle, currency);
  return { ...values, planId: plan.id, kind: plan.kind, panelKind: plan.panelKind, price: price ?? values.price };
}

function tiersOf(values: ContractFormValues, currency: string): { tiers: Tier[]; errors: FormError[] } {
  const tiers: Tier[] = [];
  const errors: FormError[] = [];
  values.tiers.forEach((row, index) => {
    // A row left completely empty is a row the user added and did not need.
    if (row.upTo.trim() === '' && row.unitPrice.trim() === '') return;
    const upTo = readUnits(row.upTo);
    const unitPrice = readAmount(row.unitPrice, currency);
    if (upTo.state === 'invalid') errors.push({ field: `tiers.${index}.upTo`, code: 'invalid_units' });
    if (unitPrice.state !== 'amount') errors.push({ field: `tiers.${index}.unitPrice`, code: 'invalid_amount' });
    if (upTo.state !== 'invalid' && unitPrice.state === 'amount') tiers.push({ upTo: upTo.state === 'units' ? upTo.units : null, unitPriceMinor: unitPrice.minor });
  });
  return { tiers, errors };
}

const text = (value: string) => value.trim();
const orNull = (value: string) => value.trim() || null;

/** A new contract for a client billed in `currency`: only what was filled in, so the plan's and the backend's defaults apply. */
export function createInputOf(clientId: string, values: ContractFormValues, currency: string): Conversion<ContractCreateInput> {
  const errors: FormError[] = [];
  const input: ContractCreateInput = {
    clientId,
    // Required: sent even when empty, so the backend's answer puts "required" beside the field.
    label: text(values.label),
    cycle: values.cycle,
    startDate: values.startDate,
    pricingModel: values.pricingModel,
    panelKind: values.panelKind,
    autoRenew: values.autoRenew,
  };
  if (values.planId) input.planId = values.planId;
  if (values.kind) input.kind = values.kind;
  if (values.panelKind !== 'none' && text(values.panelAccount)) input.panelAccount = text(values.panelAccount);
  const price = readAmount(values.price, currency);
  if (price.state === 'invalid') errors.push({ field: 'price', code: 'invalid_amount' });
  if (price.state === 'amount') input.priceMinor = price.minor;
  if (values.pricingModel !== 'fixed') {
    const tiers = tiersOf(values, currency);
    errors.push(...tiers.errors);
    if (tiers.tiers.length > 0) input.tiers = tiers.tiers;
    if (text(values.unitLabel)) input.unitLabel = text(values.unitLabel);
  }
  for (const field of ['nextDueDate', 'endDate', 'expiresOn', 'signedDate', 'termReviewDate', 'termsText', 'termsVersion', 'notes'] as const) {
    if (text(values[field])) input[field] = text(values[field]);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The changes to a live contract: only fields that differ from `contract`, emptied optional fields
 * as null (which clears them), and the version the form was opened at. Null when nothing changed.
 */
export function updateInputOf(contract: Contract, values: ContractFormValues): Conversion<ContractUpdateInput | null> {
  const errors: FormError[] = [];
  const input: ContractUpdateInput = { id: contract.id, expectedVersion: contract.version };
  let changed = false;
  const set = <K extends keyof ContractUpdateInput>(key: K, value: ContractUpdateInput[K]) => {
    input[key] = value;
    changed = true;
  };

  if ((values.planId || null) !== contract.planId) set('planId', values.planId || null);
  if (values.kind && values.kind !== contract.kind) set('kind', values.kind);
  if (text(values.label) !== contract.label) set('label', text(values.label));
  if (values.panelKind !== contract.panelKind) set('panelKind', values.panelKind);
  const panelAccount = values.panelKind === 'none' ? null : orNull(values.panelAccount);
  if (panelAccount !== contract.panelAccount) set('panelAccount', panelAccount);

  const price = readAmount(values.price, contract.currency);
  if (price.state === 'empty') errors.push({ field: 'price', code: 'required' });
  if (price.state === 'invalid') errors.push({ field: 'price', code: 'invalid_amount' });
  if (price.state === 'amount' && price.minor !== contract.priceMinor) set('priceMinor', price.minor);

  if (values.cycle !== contract.cycle) set('cycle', values.cycle);
  if (values.pricingModel !== contract.pricingModel) set('pricingModel', values.pricingModel);
  const tiers = values.pricingModel === 'fixed' ? { tiers: null, errors: [] } : tiersOf(values, contract.currency);
  errors.push(...tiers.errors);
  if (!same(tiers.tiers, contract.tiers)) set('tiers', tiers.tiers);
  const unitLabel = values.pricingModel === 'fixed' ? null : orNull(values.unitLabel);
  if (unitLabel !== contract.unitLabel) set('unitLabel', unitLabel);

  // Not clearable: an emptied box is sent as it is, so the backend's answer shows beside it.
  if (text(values.nextDueDate) !== contract.nextDueDate) set('nextDueDate', text(values.nextDueDate));
  for (const field of ['endDate', 'expiresOn', 'signedDate', 'termReviewDate', 'termsText', 'termsVersion', 'notes'] as const) {
    if (orNull(values[field]) !== contract[field]) set(field, orNull(values[field]));
  }
  if (values.autoRenew !== contract.autoRenew) set('autoRenew', values.autoRenew);

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, input: changed ? input : null };
}

/** The backend's names for fields the form shows under another name. */
const RENAMED: Record<string, ContractFormField> = { priceMinor: 'price', clientId: 'client', currency: 'price' };
const FORM_FIELDS = new Set<string>(Object.keys(newContractValues('')));

/**
 * Which input shows an error the backend reported for a field path: `priceMinor` belongs to the
 * price box, `tiers.1.unitPriceMinor` to the second tier's price. Undefined for paths no input
 * holds (the error then only appears in the summary).
 */
export function inputOfPath(path: string): ContractFormField | undefined {
  const tier = /^tiers\.(\d+)\.(upTo|unitPriceMinor)$/.exec(path);
  if (tier) return tier[2] === 'upTo' ? `tiers.${Number(tier[1])}.upTo` : `tiers.${Number(tier[1])}.unitPrice`;
  if (path.startsWith('tiers')) return 'tiers';
  const renamed = RENAMED[path];
  if (renamed) return renamed;
  return FORM_FIELDS.has(path) ? (path as ContractFormField) : undefined;
}
