// A restriction overtaken by a suspension stays overtaken once the suspension is approved or done
// (found by the ladder's simulated days: the restriction came back the day after the suspension).
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/dates.js';
import { evaluateLadder } from '../../../../shared/ladder/evaluate.js';
import { DEFAULT_POLICY } from '../../../../shared/ladder/policy.js';
import type { LadderState, RungRecord } from '../../../../shared/ladder/state.js';

const DUE = '2026-12-15';
const day = (offset: number) => addDays(DUE, offset);

function state(asOf: string, rungs: [string, RungRecord['state'], string | null][]): LadderState {
  return {
    asOf,
    invoices: [{ id: 'inv_1', number: 'INV-1', clientId: 'cl_a', kind: 'invoice', isLateFee: false, currency: 'USD', issueDate: '2026-12-01', dueDate: DUE, totalMinor: 10_000, openMinor: 10_000, contractIds: ['ct_1'] }],
    clients: new Map([['cl_a', { id: 'cl_a', name: 'Acme', band: null, manualOnly: false, tags: [], channels: ['email'], arrangements: { plans: [], promises: [], disputes: [] } }]]),
    rungs: new Map([['inv_1', new Map(rungs.map(([stepKey, s, doneOn]) => [stepKey, { stepKey, state: s, doneOn, postponedUntil: null }]))]]),
    policies: { policies: new Map([['dp', DEFAULT_POLICY]]), defaultPolicyId: 'dp', assignments: { contract: new Map(), client: new Map(), group: new Map(), band: new Map() }, restrictDaysEarlier: {} },
  };
}
const brief = (s: LadderState) => evaluateLadder(s).lines.map((l) => `${l.stepKey}:${l.status}`);
// A promise held the ladder past the restriction's day; the final notice went out late, on day 11.
const before: [string, RungRecord['state'], string | null][] = [
  ['reminder_7', 'done', day(-7)],
  ['reminder_1', 'done', day(-1)],
  ['first_notice', 'done', day(1)],
  ['second_notice', 'superseded', null],
  ['final_notice', 'done', day(11)],
];

describe('a restriction overtaken by a suspension', () => {
  it('is superseded while the suspension waits for approval, once it is approved, and once it is done', () => {
    expect(brief(state(day(14), before))).toEqual(['restriction:superseded', 'suspension:needs_approval']);
    expect(brief(state(day(14), [...before, ['suspension', 'approved', null]]))).toEqual(['restriction:superseded', 'suspension:approved']);
    expect(brief(state(day(15), [...before, ['suspension', 'done', day(14)]]))).toEqual(['restriction:superseded']);
  });
});
