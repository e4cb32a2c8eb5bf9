import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../shared/domain/plan.js';
import { createInputOf, inputOfPath, newPlanValues, planValues, restrictionChoices, updateInputOf } from '../../../renderer/src/plans/planFormValues.js';

const basePlan: Plan = {
  id: 'pl_0000000000000001',
  name: 'Lite',
  kind: 'shared_hosting',
  currency: 'USD',
  prices: { monthly: 100 },
  panelKind: 'cpanel',
  panelPackage: 'lite',
  restrictionPlanId: null,
  description: null,
  archived: false,
  contractCount: 0,
  version: 2,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('plan form values', () => {
  it('sends the offered cycles only, in minor units of the plan’s currency', () => {
    const values = { ...newPlanValues('usd'), name: ' Pro ', prices: { monthly: '15', quarterly: '', semiannual: '', annual: '150.00', biennial: '' }, panelKind: 'cpanel' as const, panelPackage: 'pro' };
    expect(createInputOf(values)).toEqual({
      ok: true,
      input: { name: 'Pro', kind: 'shared_hosting', currency: 'USD', prices: { monthly: 1500, annual: 15000 }, panelKind: 'cpanel', panelPackage: 'pro' },
    });
    // Yen has no decimals: both typed amounts are refused, each beside its own box.
    expect(createInputOf({ ...values, currency: 'JPY', prices: { ...values.prices, monthly: '15.5' } })).toEqual({
      ok: false,
      errors: [
        { field: 'prices.monthly', code: 'invalid_amount' },
        { field: 'prices.annual', code: 'invalid_amount' },
      ],
    });
  });

  it('drops the panel package of a plan without a panel', () => {
    const conversion = createInputOf({ ...newPlanValues('USD'), name: 'Domain', prices: { ...newPlanValues('USD').prices, annual: '15.99' }, panelPackage: 'left over' });
    expect(conversion.ok && conversion.input.panelPackage).toBeUndefined();
  });

  it('sends only changes on edit, the prices as a whole when one changed', () => {
    expect(updateInputOf(basePlan, planValues(basePlan))).toEqual({ ok: true, input: null });
    const values = { ...planValues(basePlan), prices: { ...planValues(basePlan).prices, monthly: '1.50', annual: '15' }, panelPackage: '' };
    expect(updateInputOf(basePlan, values)).toEqual({ ok: true, input: { id: basePlan.id, expectedVersion: 2, prices: { monthly: 150, annual: 1500 }, panelPackage: null } });
  });

  it('offers as restriction plans only other plans on the same panel', () => {
    const other = { ...basePlan, id: 'pl_0000000000000002', name: 'Pro' };
    const vps = { ...basePlan, id: 'pl_0000000000000003', name: 'VPS', panelKind: 'proxmox' as const };
    expect(restrictionChoices([basePlan, other, vps], 'cpanel', other.id).map((p) => p.name)).toEqual(['Lite']);
    expect(restrictionChoices([basePlan, other, vps], 'proxmox', null).map((p) => p.name)).toEqual(['VPS']);
  });

  it('puts backend errors beside their boxes', () => {
    expect(inputOfPath('prices.monthly')).toBe('prices.monthly');
    expect(inputOfPath('prices')).toBe('prices');
    expect(inputOfPath('prices.weekly')).toBeUndefined();
    expect(inputOfPath('restrictionPlanId')).toBe('restrictionPlanId');
  });
});
