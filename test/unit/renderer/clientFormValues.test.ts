import { describe, expect, it } from 'vitest';
import type { Client } from '../../../shared/domain/client.js';
import { clientValues, createInputOf, inputOfPath, newClientValues, updateInputOf } from '../../../renderer/src/clients/clientFormValues.js';

const client = {
  id: 'cl_12345678',
  version: 4,
  name: 'Lotus Web Studio',
  company: null,
  contactName: null,
  email: null,
  billingEmail: null,
  phone: null,
  address: null,
  country: 'CN',
  taxId: null,
  language: 'zh-CN',
  currency: 'CNY',
  channels: ['email'],
  notes: null,
  tags: [],
  taxRateId: null,
  taxExemptReason: null,
  prepay: false,
} as unknown as Client;

describe('the billing fields of the client form', () => {
  it('sends a client’s own tax rate, exemption and prepayment only when set', () => {
    const values = { ...newClientValues('en', 'USD'), name: 'Acme', taxRateId: 'tx_12345678', taxExemptReason: ' Export of services ', prepay: true };
    expect(createInputOf(values)).toMatchObject({ taxRateId: 'tx_12345678', taxExemptReason: 'Export of services', prepay: true });
    const plain = createInputOf({ ...newClientValues('en', 'USD'), name: 'Acme' });
    expect(plain).not.toHaveProperty('taxRateId');
    expect(plain).not.toHaveProperty('taxExemptReason');
    expect(plain).not.toHaveProperty('prepay');
  });

  it('changes them, clearing a rate or an exemption with null', () => {
    const withRate = { ...client, taxRateId: 'tx_12345678', taxExemptReason: 'Diplomatic mission' } as Client;
    expect(updateInputOf(withRate, { ...clientValues(withRate), taxRateId: '', taxExemptReason: '', prepay: true })).toEqual({
      id: 'cl_12345678',
      expectedVersion: 4,
      taxRateId: null,
      taxExemptReason: null,
      prepay: true,
    });
    expect(updateInputOf(client, clientValues(client))).toBeNull();
  });

  it('puts their errors beside their boxes', () => {
    expect(inputOfPath('taxRateId')).toBe('taxRateId');
    expect(inputOfPath('taxExemptReason')).toBe('taxExemptReason');
  });
});
