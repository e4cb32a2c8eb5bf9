import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, dunningPolicySchema } from '../../../shared/ladder/policy.js';
import { copyOf, moveStep, newStep, policyOf, policyPath, policyValues } from '../../../renderer/src/ladder/policyFormValues.js';

describe('the policy editor values', () => {
  it('gives back the policy it was given', () => {
    expect(policyOf(policyValues(DEFAULT_POLICY))).toEqual(DEFAULT_POLICY);
    const withMinimum = { ...DEFAULT_POLICY, minimumMinorByCurrency: { USD: 2500, JPY: 1000 } };
    expect(policyValues(withMinimum).minimums).toEqual([
      { currency: 'USD', amount: '25.00' },
      { currency: 'JPY', amount: '1000' },
    ]);
    expect(policyOf(policyValues(withMinimum))).toEqual(withMinimum);
  });

  it('reads days as whole numbers (a typed minus sign too) and sends anything else as typed, for the server to refuse', () => {
    const values = policyValues(DEFAULT_POLICY);
    values.steps[0]!.offsetDays = '−3';
    values.steps[1]!.offsetDays = 'soon';
    values.minNoticeDays = ' 4 ';
    values.minimums = [{ currency: 'usd', amount: 'lots' }];
    const policy = policyOf(values) as { steps: { offsetDays: unknown }[]; minNoticeDays: unknown; minimumMinorByCurrency: unknown };
    expect(policy.steps[0]!.offsetDays).toBe(-3);
    expect(policy.steps[1]!.offsetDays).toBe('soon');
    expect(policy.minNoticeDays).toBe(4);
    expect(policy.minimumMinorByCurrency).toEqual({ USD: 'lots' });
    const refused = dunningPolicySchema.safeParse(policy);
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((issue) => issue.path.join('.'))).toContain('steps.1.offsetDays');
  });

  it('always asks for termination review, whatever the approval box said', () => {
    const values = policyValues(DEFAULT_POLICY);
    values.steps[7]!.approval = 'automatic';
    expect((policyOf(values) as typeof DEFAULT_POLICY).steps[7]!.approval).toBe('ask');
  });

  it('adds a step a day after the last with a fresh key, and moves steps', () => {
    const values = copyOf(DEFAULT_POLICY, 'Gentle');
    expect(values.name).toBe('Gentle');
    const added = newStep(values.steps);
    expect(added.offsetDays).toBe('31');
    expect(values.steps.map((s) => s.key)).not.toContain(added.key);
    const moved = moveStep(values.steps, 1, -1);
    expect(moved.slice(0, 2).map((s) => s.key)).toEqual(['reminder_1', 'reminder_7']);
    expect(moveStep(values.steps, 0, -1)).toEqual(values.steps);
    expect(policyPath('policy.steps.3.offsetDays')).toBe('steps.3.offsetDays');
  });
});
