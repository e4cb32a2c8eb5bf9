// The policy editor's boxes and the policy they make: days as typed text (so a half-typed "-" is
// not lost), minimum amounts as decimal text per currency, actions as the schema has them. Turning
// the boxes into a policy never throws: what cannot be read is sent as typed, and the server names
// the field (its zod path, `policy.steps.3.offsetDays`), which the editor shows beside that box.
// Pure, unit-tested.
import type { DunningPolicy, LadderAction, LadderStep } from '../../../shared/ladder/policy.js';
import { ALWAYS_ASK_ACTIONS } from '../../../shared/ladder/policy.js';
import { parseAmount } from '../../../shared/money.js';
import { amountText } from '../ui/amountText.js';

export interface StepValues {
  key: string;
  offsetDays: string;
  approval: LadderStep['approval'];
  actions: LadderAction[];
}

export interface PolicyValues {
  name: string;
  manualOnly: boolean;
  minNoticeDays: string;
  minimums: { currency: string; amount: string }[];
  steps: StepValues[];
}

export function policyValues(policy: DunningPolicy): PolicyValues {
  return {
    name: policy.name,
    manualOnly: policy.manualOnly,
    minNoticeDays: String(policy.minNoticeDays),
    minimums: Object.entries(policy.minimumMinorByCurrency).map(([currency, minor]) => ({ currency, amount: amountText(minor, currency) })),
    steps: policy.steps.map((step) => ({ key: step.key, offsetDays: String(step.offsetDays), approval: step.approval, actions: step.actions.map((action) => structuredClone(action)) })),
  };
}

/** A whole number as typed, else the text itself for the server to refuse beside its box. */
const wholeNumber = (text: string): number | string => (/^\s*[-−]?\d+\s*$/.test(text) ? Number(text.trim().replace('−', '-')) : text);

/** What the editor sends as `policy` (unchecked: the server checks it and names what it refuses). */
export function policyOf(values: PolicyValues): unknown {
  return {
    name: values.name,
    manualOnly: values.manualOnly,
    minNoticeDays: wholeNumber(values.minNoticeDays),
    minimumMinorByCurrency: Object.fromEntries(
      values.minimums.map((row) => {
        const currency = row.currency.trim().toUpperCase();
        return [currency, parseAmount(row.amount, currency) ?? row.amount];
      }),
    ),
    // A step with termination review or collections asks, whatever its box said before.
    steps: values.steps.map((step) => ({ key: step.key.trim(), offsetDays: wholeNumber(step.offsetDays), approval: alwaysAsks(step) ? 'ask' : step.approval, actions: step.actions })),
  };
}

/** A step that must ask whatever the policy says (termination review, collections). */
export const alwaysAsks = (step: Pick<StepValues, 'actions'>): boolean => step.actions.some((action) => ALWAYS_ASK_ACTIONS.includes(action.kind));

/** A new action of a kind, with the choices a reseller most often makes. */
export function newAction(kind: LadderAction['kind']): LadderAction {
  switch (kind) {
    case 'send':
      return { kind, letter: 'reminder', channels: { email: 'always', sms: 'never', letter: 'if_preferred', call: 'never' } };
    case 'restrict':
      return { kind, how: 'limit_bandwidth' };
    default:
      return { kind };
  }
}

/** A new step after the last one: a day later, a key not yet used. */
export function newStep(steps: readonly StepValues[]): StepValues {
  const last = steps.at(-1);
  const lastDay = last ? Number(last.offsetDays) : 0;
  let n = steps.length + 1;
  while (steps.some((step) => step.key === `step_${n}`)) n += 1;
  return { key: `step_${n}`, offsetDays: String(Number.isFinite(lastDay) ? lastDay + 1 : 1), approval: 'automatic', actions: [newAction('send')] };
}

/** Swaps step `index` with its neighbour above (-1) or below (+1). */
export function moveStep(steps: readonly StepValues[], index: number, by: -1 | 1): StepValues[] {
  const other = index + by;
  if (other < 0 || other >= steps.length) return [...steps];
  const next = [...steps];
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}

/** A copy of a policy for "New policy from the default". */
export const copyOf = (policy: DunningPolicy, name: string): PolicyValues => ({ ...policyValues(policy), name });

/** The server's field path without the `policy.` envelope: `steps.3.offsetDays`. */
export const policyPath = (field: string): string => field.replace(/^policy\./, '');
