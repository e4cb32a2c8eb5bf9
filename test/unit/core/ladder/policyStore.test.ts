import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type DunningPolicy } from '../../../../shared/ladder/policy.js';
import { openArrearsBook, type ArrearsBook } from '../../../fixtures/arrears.js';

let book: ArrearsBook;
beforeEach(async () => {
  book = await openArrearsBook();
});
afterEach(() => book.close());

const gentle: DunningPolicy = { ...DEFAULT_POLICY, name: 'Gentle', minNoticeDays: 5, steps: DEFAULT_POLICY.steps.filter((s) => !['restriction', 'suspension'].includes(s.key)) };
const auditActions = () => book.backend.db.prepare<[], string>("SELECT action FROM audit_log WHERE action LIKE 'dunningPolicy.%' OR action = 'client.dunningManualOnly' ORDER BY seq").pluck().all();

describe('dunning policies', () => {
  it('lists the default policy first, creates and changes a policy with its version, and moves the default', async () => {
    const first = await book.call('dunning.policies.list', {});
    expect(first.policies.map((p) => [p.id, p.isDefault, p.policy.name])).toEqual([['dp_standard0', true, 'Standard']]);

    const created = await book.call('dunning.policies.save', { policy: gentle });
    expect(created).toMatchObject({ isDefault: false, version: 1, policy: gentle, assignments: [] });
    const changed = await book.call('dunning.policies.save', { id: created.id, expectedVersion: 1, policy: { ...gentle, minNoticeDays: 4 }, makeDefault: true });
    expect(changed).toMatchObject({ isDefault: true, version: 2 });
    expect(changed.policy.minNoticeDays).toBe(4);

    const after = await book.call('dunning.policies.list', {});
    expect(after.policies.map((p) => [p.policy.name, p.isDefault])).toEqual([
      ['Gentle', true],
      ['Standard', false],
    ]);
    expect(auditActions()).toEqual(['dunningPolicy.created', 'dunningPolicy.changed', 'dunningPolicy.madeDefault']);
  });

  it('refuses a stale version, a missing version, a duplicate name and invalid steps, changing nothing', async () => {
    const created = await book.call('dunning.policies.save', { policy: gentle });
    await book.call('dunning.policies.save', { id: created.id, expectedVersion: 1, policy: gentle });
    expect(await book.refused('dunning.policies.save', { id: created.id, expectedVersion: 1, policy: gentle })).toMatchObject({ code: 'conflict' });
    expect(await book.refused('dunning.policies.save', { id: created.id, policy: gentle })).toMatchObject({ code: 'invalid_input', fields: ['expectedVersion:required'] });
    expect(await book.refused('dunning.policies.save', { policy: { ...gentle, name: 'Standard' } })).toMatchObject({ code: 'invalid_input', fields: ['policy.name:duplicate'] });
    const outOfOrder = { ...gentle, steps: [...gentle.steps].reverse() };
    expect((await book.refused('dunning.policies.save', { policy: { ...outOfOrder, name: 'Backwards' } })).code).toBe('invalid_input');
    const autoReview = { ...DEFAULT_POLICY, name: 'Hasty', steps: DEFAULT_POLICY.steps.map((s) => (s.key === 'termination_review' ? { ...s, approval: 'automatic' as const } : s)) };
    expect((await book.refused('dunning.policies.save', { policy: autoReview })).fields).toEqual(['policy.steps.7.approval:invalid']);
    expect((await book.refused('dunning.policies.save', { id: 'dp_nobody00000', expectedVersion: 1, policy: gentle })).code).toBe('not_found');
  });

  it('deletes a policy with its assignments but never the default', async () => {
    const created = await book.call('dunning.policies.save', { policy: gentle });
    await book.call('dunning.policies.assign', { scope: 'group', target: 'vip', policyId: created.id });
    expect(await book.refused('dunning.policies.delete', { id: 'dp_standard0' })).toMatchObject({ code: 'conflict' });
    expect(await book.call('dunning.policies.delete', { id: created.id })).toEqual({ deleted: true });
    expect(book.backend.db.prepare('SELECT count(*) FROM dunning_assignments').pluck().get()).toBe(0);
    expect((await book.call('dunning.policies.list', {})).policies).toHaveLength(1);
  });

  it('assigns by contract, client, group and band with the names a reseller knows, and removes an assignment', async () => {
    const created = await book.call('dunning.policies.save', { policy: gentle });
    const contract = await book.call('contracts.create', { clientId: book.clientId, kind: 'shared_hosting', label: 'acme.example', cycle: 'monthly', priceMinor: 1000, startDate: '2026-11-01' });
    await book.call('dunning.policies.assign', { scope: 'contract', target: contract.id, policyId: created.id });
    await book.call('dunning.policies.assign', { scope: 'client', target: book.clientId, policyId: created.id });
    await book.call('dunning.policies.assign', { scope: 'group', target: 'resellers', policyId: created.id });
    const listed = await book.call('dunning.policies.assign', { scope: 'band', target: 'high', policyId: created.id });
    expect(listed.policies.find((p) => p.id === created.id)!.assignments).toEqual([
      { scope: 'band', target: 'high', targetName: 'high' },
      { scope: 'client', target: book.clientId, targetName: 'Acme Web' },
      { scope: 'contract', target: contract.id, targetName: 'acme.example (Acme Web)' },
      { scope: 'group', target: 'resellers', targetName: 'resellers' },
    ]);
    // Assigning again moves it; null removes it.
    await book.call('dunning.policies.assign', { scope: 'band', target: 'high', policyId: 'dp_standard0' });
    const removed = await book.call('dunning.policies.assign', { scope: 'group', target: 'resellers', policyId: null });
    expect(removed.policies.find((p) => p.id === created.id)!.assignments.map((a) => a.scope)).toEqual(['client', 'contract']);
    expect(removed.policies.find((p) => p.id === 'dp_standard0')!.assignments).toEqual([{ scope: 'band', target: 'high', targetName: 'high' }]);
  });

  it('refuses an assignment to a target or policy that does not exist', async () => {
    expect((await book.refused('dunning.policies.assign', { scope: 'client', target: 'cl_nobody', policyId: 'dp_standard0' })).fields).toEqual(['target:unknown_reference']);
    expect((await book.refused('dunning.policies.assign', { scope: 'contract', target: 'ct_nobody', policyId: 'dp_standard0' })).fields).toEqual(['target:unknown_reference']);
    expect((await book.refused('dunning.policies.assign', { scope: 'band', target: 'purple', policyId: 'dp_standard0' })).fields).toEqual(['target:unknown_reference']);
    expect((await book.refused('dunning.policies.assign', { scope: 'group', target: 'vip', policyId: 'dp_nobody00000' })).fields).toEqual(['policyId:unknown_reference']);
  });

  it("sets a client's manual-only flag, audited once per change", async () => {
    expect(await book.call('dunning.manualOnly.set', { clientId: book.clientId, manualOnly: true })).toEqual({ clientId: book.clientId, manualOnly: true });
    await book.call('dunning.manualOnly.set', { clientId: book.clientId, manualOnly: true });
    expect((await book.call('dunning.history', { clientId: book.clientId })).manualOnly).toBe(true);
    expect(auditActions()).toEqual(['client.dunningManualOnly']);
    expect((await book.refused('dunning.manualOnly.set', { clientId: 'cl_0000000000000000', manualOnly: true })).code).toBe('not_found');
  });
});
