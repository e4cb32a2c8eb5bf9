import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadLadderState } from '../../../../electron/core/ladder/loadLadderState.js';
import type { Context } from '../../../../electron/core/context.js';
import { openArrearsBook, type ArrearsBook } from '../../../fixtures/arrears.js';

let book: ArrearsBook;
beforeEach(async () => {
  book = await openArrearsBook('2026-11-26T09:00:00Z');
});
afterEach(() => book.close());

/** The loader reads through the context's db and arrangement queries only: a context made of the backend's db and clock is enough. */
const ctxOf = (b: ArrearsBook) => ({ db: b.backend.db, clock: b.clock }) as unknown as Context;

describe('loadLadderState', () => {
  it('reads exactly the open invoices, their contracts, their clients, rungs, policies and band treatments as of a day', async () => {
    const db = book.backend.db;
    // Client A: two open invoices (one billed for a contract), one paid; a promise to pay; manual only; tags and channels.
    await book.call('clients.update', { id: book.clientId, expectedVersion: 1, tags: ['vip'], channels: ['email', 'letter'] });
    const contract = await book.call('contracts.create', { clientId: book.clientId, kind: 'shared_hosting', label: 'acme.example', cycle: 'monthly', priceMinor: 1000, startDate: '2026-10-01' });
    const draft = await book.call('invoices.createDraft', { clientId: book.clientId, dueDate: '2026-11-10', lines: [{ description: 'Hosting', unitPriceMinor: 2500, contractId: contract.id }, { description: 'Setup', unitPriceMinor: 500 }] });
    const billed = (await book.call('invoices.issue', { id: draft.id, issueDate: '2026-11-01' })).id;
    const plain = await book.invoice(1200, '2026-11-05', '2026-11-19');
    const paid = await book.invoice(800, '2026-10-01', '2026-10-15');
    await book.pay(800, '2026-10-14');
    await book.call('promises.create', { clientId: book.clientId, promisedDate: '2026-12-05', amountMinor: 1000 });
    await book.call('dunning.manualOnly.set', { clientId: book.clientId, manualOnly: true });
    db.prepare("INSERT INTO dunning_rungs (invoice_id, step_key, client_id, policy_id, state, scheduled_on, done_on, updated_at) VALUES (?, 'first_notice', ?, 'dp_standard0', 'done', '2026-11-11', '2026-11-12', 't')").run(billed, book.clientId);
    db.prepare("INSERT INTO dunning_rungs (invoice_id, step_key, client_id, policy_id, state, scheduled_on, postponed_until, updated_at) VALUES (?, 'second_notice', ?, 'dp_standard0', 'postponed', '2026-11-15', '2026-11-30', 't')").run(billed, book.clientId);
    db.prepare("INSERT INTO dunning_rungs (invoice_id, step_key, client_id, policy_id, state, scheduled_on, done_on, updated_at) VALUES (?, 'first_notice', ?, 'dp_standard0', 'done', '2026-10-16', '2026-10-16', 't')").run(paid, book.clientId);
    // Client B owes nothing: not loaded. Client C's invoice is issued after the day asked for: not loaded either.
    const b = (await book.call('clients.create', { name: 'Paid Up', currency: 'USD' })).id;
    const c = (await book.call('clients.create', { name: 'Later', currency: 'EUR' })).id;
    await book.invoice(900, '2026-11-20', '2026-12-04', c);
    db.prepare("INSERT INTO risk_scores (client_id, score, band, scored_on, scored_at) VALUES (?, 80, 'high', '2026-11-26', 't')").run(book.clientId);
    const gentle = await book.call('dunning.policies.save', { policy: { name: 'Gentle', manualOnly: false, minimumMinorByCurrency: { USD: 500 }, minNoticeDays: 5, steps: [{ key: 'only', offsetDays: 1, approval: 'automatic', actions: [{ kind: 'late_fee' }] }] } });
    await book.call('dunning.policies.assign', { scope: 'group', target: 'vip', policyId: gentle.id });
    await book.call('dunning.policies.assign', { scope: 'contract', target: contract.id, policyId: gentle.id });

    const state = loadLadderState(ctxOf(book), '2026-11-18');
    expect(state.asOf).toBe('2026-11-18');
    expect(state.invoices.map((i) => ({ id: i.id, contractIds: i.contractIds, openMinor: i.openMinor, dueDate: i.dueDate, kind: i.kind, isLateFee: i.isLateFee }))).toEqual([
      { id: billed, contractIds: [contract.id], openMinor: 3000, dueDate: '2026-11-10', kind: 'invoice', isLateFee: false },
      { id: plain, contractIds: [], openMinor: 1200, dueDate: '2026-11-19', kind: 'invoice', isLateFee: false },
    ]);
    expect(state.invoices[0]!.number).toMatch(/^INV-2026-/);
    expect([...state.clients.keys()]).toEqual([book.clientId]);
    const client = state.clients.get(book.clientId)!;
    expect(client).toMatchObject({ name: 'Acme Web', band: 'high', manualOnly: true, tags: ['vip'], channels: ['email', 'letter'] });
    expect(client.arrangements.promises.map((p) => ({ promisedDate: p.promisedDate, amountMinor: p.amountMinor, status: p.status }))).toEqual([{ promisedDate: '2026-12-05', amountMinor: 1000, status: 'open' }]);
    expect(client.arrangements.plans).toEqual([]);
    expect(state.rungs.get(billed)).toEqual(
      new Map([
        ['first_notice', { stepKey: 'first_notice', state: 'done', doneOn: '2026-11-12', postponedUntil: null }],
        ['second_notice', { stepKey: 'second_notice', state: 'postponed', doneOn: null, postponedUntil: '2026-11-30' }],
      ]),
    );
    expect(state.rungs.has(paid)).toBe(false);
    expect(state.policies.defaultPolicyId).toBe('dp_standard0');
    expect([...state.policies.policies.keys()].sort()).toEqual(['dp_standard0', gentle.id].sort());
    expect(state.policies.assignments.group.get('vip')).toBe(gentle.id);
    expect(state.policies.assignments.contract.get(contract.id)).toBe(gentle.id);
    expect(state.policies.assignments.client.size).toBe(0);
    expect(state.policies.restrictDaysEarlier).toEqual({ low: 0, medium: 0, high: 7, critical: 14 });

    // Later, C's invoice is there too; one client's view holds only theirs.
    expect(loadLadderState(ctxOf(book), '2026-11-26').invoices).toHaveLength(3);
    const onlyC = loadLadderState(ctxOf(book), '2026-11-26', { clientId: c });
    expect(onlyC.invoices.map((i) => i.clientId)).toEqual([c]);
    expect([...onlyC.clients.keys()]).toEqual([c]);
    expect(onlyC.clients.get(c)!.band).toBeNull();
    expect(loadLadderState(ctxOf(book), '2026-11-26', { clientId: b }).invoices).toEqual([]);
  });
});
