import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../shared/domain/contract.js';
import type { Plan } from '../../../shared/domain/plan.js';
import { contractValues, createInputOf, inputOfPath, newContractValues, updateInputOf, withPlan } from '../../../renderer/src/contracts/contractFormValues.js';

const plan: Plan = {
  id: 'pl_0000000000000001',
  name: 'Pro Hosting',
  kind: 'shared_hosting',
  currency: 'USD',
  prices: { monthly: 1500, annual: 15000 },
  panelKind: 'cpanel',
  panelPackage: 'pro',
  restrictionPlanId: null,
  description: null,
  archived: false,
  contractCount: 0,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const contract: Contract = {
  id: 'ct_0000000000000001',
  clientId: 'cl_0000000000000001',
  clientName: 'Acme Web',
  planId: plan.id,
  planName: plan.name,
  kind: 'shared_hosting',
  label: 'acme.example',
  panelKind: 'cpanel',
  panelAccount: 'acme',
  priceMinor: 15000,
  currency: 'USD',
  cycle: 'annual',
  pricingModel: 'fixed',
  tiers: null,
  unitLabel: null,
  startDate: '2026-01-15',
  nextDueDate: '2027-01-15',
  endDate: null,
  expiresOn: null,
  autoRenew: true,
  termsText: null,
  termsVersion: 'v3',
  signedDate: null,
  termReviewDate: null,
  notes: null,
  status: 'active',
  endReason: null,
  version: 4,
  createdAt: '2026-01-15T00:00:00.000Z',
  updatedAt: '2026-01-15T00:00:00.000Z',
};

describe('contract form values', () => {
  it('fills kind, panel and the price for the chosen cycle from a plan in the client’s currency', () => {
    const values = withPlan({ ...newContractValues('2026-11-26'), cycle: 'annual' }, plan, 'USD');
    expect(values).toMatchObject({ planId: plan.id, kind: 'shared_hosting', panelKind: 'cpanel', price: '150.00' });
    // Another currency: the price stays for the user to type.
    expect(withPlan({ ...newContractValues('2026-11-26'), price: '99' }, plan, 'EUR').price).toBe('99');
    // A cycle the plan does not offer: nothing to fill in.
    expect(withPlan({ ...newContractValues('2026-11-26'), cycle: 'quarterly' }, plan, 'USD').price).toBe('');
  });

  it('sends a new contract with amounts in minor units and only the fields filled in', () => {
    const values = { ...withPlan(newContractValues('2026-11-26'), plan, 'USD'), label: ' acme.example ', panelAccount: 'acme', price: '12.5', termReviewDate: '2027-11-01' };
    const conversion = createInputOf('cl_0000000000000001', values, 'USD');
    expect(conversion).toEqual({
      ok: true,
      input: {
        clientId: 'cl_0000000000000001',
        planId: plan.id,
        kind: 'shared_hosting',
        label: 'acme.example',
        panelKind: 'cpanel',
        panelAccount: 'acme',
        priceMinor: 1250,
        cycle: 'monthly',
        pricingModel: 'fixed',
        startDate: '2026-11-26',
        autoRenew: true,
        termReviewDate: '2027-11-01',
      },
    });
  });

  it('refuses a price or tier that does not parse, naming the box', () => {
    expect(createInputOf('cl_0000000000000001', { ...newContractValues('2026-11-26'), price: '12.345' }, 'USD')).toEqual({ ok: false, errors: [{ field: 'price', code: 'invalid_amount' }] });
    const tiered = { ...newContractValues('2026-11-26'), price: '5', pricingModel: 'tiered' as const, tiers: [{ upTo: '10', unitPrice: '1' }, { upTo: 'x', unitPrice: '' }, { upTo: '', unitPrice: '' }] };
    expect(createInputOf('cl_0000000000000001', tiered, 'USD')).toEqual({
      ok: false,
      errors: [
        { field: 'tiers.1.upTo', code: 'invalid_units' },
        { field: 'tiers.1.unitPrice', code: 'invalid_amount' },
      ],
    });
  });

  it('sends tiers of a metered price, the last without a limit', () => {
    const metered = { ...newContractValues('2026-11-26'), label: 'bw', price: '0', pricingModel: 'metered' as const, unitLabel: 'GB', tiers: [{ upTo: '100', unitPrice: '0.10' }, { upTo: '', unitPrice: '0.05' }] };
    const conversion = createInputOf('cl_0000000000000001', metered, 'USD');
    expect(conversion.ok && conversion.input).toMatchObject({ pricingModel: 'metered', unitLabel: 'GB', tiers: [{ upTo: 100, unitPriceMinor: 10 }, { upTo: null, unitPriceMinor: 5 }] });
  });

  it('sends only what changed on edit, with the version, and null for emptied fields', () => {
    const values = contractValues(contract);
    expect(updateInputOf(contract, values)).toEqual({ ok: true, input: null });
    const edited = { ...values, price: '180', termsVersion: '', termReviewDate: '2027-01-01', panelKind: 'none' as const };
    expect(updateInputOf(contract, edited)).toEqual({
      ok: true,
      input: { id: contract.id, expectedVersion: 4, priceMinor: 18000, termsVersion: null, termReviewDate: '2027-01-01', panelKind: 'none', panelAccount: null },
    });
    expect(updateInputOf(contract, { ...values, price: '' })).toEqual({ ok: false, errors: [{ field: 'price', code: 'required' }] });
  });

  it('puts backend errors beside the box that holds the field', () => {
    expect(inputOfPath('priceMinor')).toBe('price');
    expect(inputOfPath('endDate')).toBe('endDate');
    expect(inputOfPath('tiers')).toBe('tiers');
    expect(inputOfPath('tiers.2.unitPriceMinor')).toBe('tiers.2.unitPrice');
    expect(inputOfPath('tiers.0.upTo')).toBe('tiers.0.upTo');
    expect(inputOfPath('clientId')).toBe('client');
    expect(inputOfPath('currency')).toBe('price');
    expect(inputOfPath('somethingElse')).toBeUndefined();
  });
});
