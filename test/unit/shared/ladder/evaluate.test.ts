// The pure ladder (DESIGN §4): day by day with the default policy, catch-up after days closed,
// pauses and resumes, approvals, band adjustment, minimum amounts and the forecast.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../../shared/dates.js';
import type { ClientArrangements } from '../../../../shared/billing/ladderPause.js';
import { evaluateLadder, forecastLadder, policyFor } from '../../../../shared/ladder/evaluate.js';
import { DEFAULT_POLICY, dunningPolicySchema, type DunningPolicy } from '../../../../shared/ladder/policy.js';
import type { LadderClient, LadderInvoice, LadderLine, LadderState, RungRecord } from '../../../../shared/ladder/state.js';

const DUE = '2026-12-15';
const NO_ARRANGEMENTS: ClientArrangements = { plans: [], promises: [], disputes: [] };

function client(over: Partial<LadderClient> = {}): LadderClient {
  return { id: 'cl_a', name: 'Acme', band: 'medium', manualOnly: false, tags: [], channels: ['email'], arrangements: NO_ARRANGEMENTS, ...over };
}
function invoice(over: Partial<LadderInvoice> = {}): LadderInvoice {
  return { id: 'inv_1', number: 'INV-1', clientId: 'cl_a', kind: 'invoice', isLateFee: false, currency: 'USD', issueDate: '2026-12-01', dueDate: DUE, totalMinor: 10_000, openMinor: 10_000, contractIds: ['ct_1'], ...over };
}
function state(asOf: string, over: Partial<LadderState> = {}, policy: DunningPolicy = DEFAULT_POLICY): LadderState {
  return {
    asOf,
    invoices: [invoice()],
    clients: new Map([['cl_a', client()]]),
    rungs: new Map(),
    policies: { policies: new Map([['dp_default', policy]]), defaultPolicyId: 'dp_default', assignments: { contract: new Map(), client: new Map(), group: new Map(), band: new Map() }, restrictDaysEarlier: {} },
    ...over,
  };
}
const day = (offset: number) => addDays(DUE, offset);
const brief = (lines: LadderLine[]) => lines.map((l) => `${l.stepKey}:${l.status}${l.waitsUntil ? `@${l.waitsUntil}` : ''}`);
const rungMap = (entries: [string, string | null, RungRecord['state']?][]) =>
  new Map(entries.map(([stepKey, doneOn, s]) => [stepKey, { stepKey, state: s ?? 'done', doneOn, postponedUntil: null } as RungRecord]));
/** inv_1's rungs: the reminders went out on their days, then these. */
const done = (entries: [string, string | null, RungRecord['state']?][]) =>
  new Map([['inv_1', rungMap([['reminder_7', day(-7)], ['reminder_1', day(-1)], ...entries])]]);

describe('the default policy, run every day', () => {
  it('does each step on its own day, once, in order', () => {
    const entries = forecastLadder(state(day(-10)), 45);
    expect(entries.map((e) => `${e.line.stepKey}@${e.date}`)).toEqual([
      `reminder_7@${day(-7)}`,
      `reminder_1@${day(-1)}`,
      `first_notice@${day(1)}`,
      `second_notice@${day(5)}`,
      `restriction@${day(7)}`,
      `final_notice@${day(10)}`,
      `suspension@${day(14)}`,
      `termination_review@${day(30)}`,
    ]);
    const suspension = entries.find((e) => e.line.stepKey === 'suspension')!.line;
    expect(suspension.needsApproval).toBe(true);
    expect(entries.find((e) => e.line.stepKey === 'final_notice')!.line.suspensionDate).toBe(day(14));
    expect(entries.find((e) => e.line.stepKey === 'second_notice')!.line.feeDate).toBe(day(5));
  });

  it('asks a person for restriction, suspension and review, and runs notices on its own', () => {
    const lines = evaluateLadder(state(day(7), { rungs: done([['first_notice', day(1)], ['second_notice', day(5)]]) })).lines;
    expect(brief(lines)).toEqual(['restriction:needs_approval']);
    const approved = evaluateLadder(state(day(7), { rungs: done([['first_notice', day(1)], ['second_notice', day(5)], ['restriction', null, 'approved']]) })).lines;
    expect(brief(approved)).toEqual(['restriction:approved']);
  });

  it('lists nothing once a rung is done, skipped or missed', () => {
    const rungs = new Map([['inv_1', rungMap([['reminder_7', day(-7)], ['reminder_1', null, 'skipped']])]]);
    expect(evaluateLadder(state(day(-1), { rungs })).lines).toEqual([]);
  });
});

describe('catch-up after days closed', () => {
  it('never sends a reminder late, sends only the latest notice, and makes escalations wait for it', () => {
    const lines = evaluateLadder(state(day(15))).lines;
    expect(brief(lines)).toEqual([
      'reminder_7:missed',
      'reminder_1:missed',
      'first_notice:superseded',
      'second_notice:due',
      `restriction:waiting_notice@${day(18)}`,
      'final_notice:due',
      `suspension:waiting_notice@${day(18)}`,
    ]);
    const fee = lines.find((l) => l.stepKey === 'second_notice')!;
    // The superseded notice's late fee is still charged, dated its own day.
    expect(fee.actions).toEqual([{ kind: 'late_fee' }]);
    expect(fee.noticeSuperseded).toBe(true);
    expect(fee.feeDate).toBe(day(5));
    expect(fee.catchUp).toBe(true);
    // The final notice names the day the suspension can now come: after the notice period.
    expect(lines.find((l) => l.stepKey === 'final_notice')!.suspensionDate).toBe(day(18));
  });

  it('suspends (not restricts) once the notice period after the final notice has passed', () => {
    const rungs = done([
      ['reminder_7', null, 'missed'],
      ['reminder_1', null, 'missed'],
      ['first_notice', null, 'superseded'],
      ['second_notice', null, 'superseded'],
      ['final_notice', day(15)],
    ]);
    expect(brief(evaluateLadder(state(day(17), { rungs })).lines)).toEqual([`restriction:waiting_notice@${day(18)}`, `suspension:waiting_notice@${day(18)}`]);
    expect(brief(evaluateLadder(state(day(18), { rungs })).lines)).toEqual(['restriction:superseded', 'suspension:needs_approval']);
  });

  it('sends a reminder a little late while it is still the latest one before the due date', () => {
    expect(brief(evaluateLadder(state(day(-5))).lines)).toEqual(['reminder_7:due']);
    expect(brief(evaluateLadder(state(day(-1))).lines)).toEqual(['reminder_7:missed', 'reminder_1:due']);
    expect(brief(evaluateLadder(state(day(0))).lines)).toEqual(['reminder_7:missed', 'reminder_1:missed']);
  });

  it('the forecast after a gap keeps every escalation behind its notice', () => {
    const entries = forecastLadder(state(day(15)), 10);
    expect(entries.map((e) => `${e.line.stepKey}@${e.date}`)).toEqual([`second_notice@${day(15)}`, `final_notice@${day(15)}`, `suspension@${day(18)}`]);
  });
});

describe('pauses', () => {
  const promise = (status: 'open' | 'broken', promisedDate: string) => ({
    plans: [],
    disputes: [],
    promises: [{ id: 'pr_1', madeDate: day(2), promisedDate, amountMinor: 10_000, receivedMinor: 0, status, resolvedDate: null }],
  });

  it('a promise to pay holds the ladder until its date, listing only the next step', () => {
    const clients = new Map([['cl_a', client({ arrangements: promise('open', day(12)) })]]);
    const lines = evaluateLadder(state(day(8), { clients, rungs: done([['first_notice', day(1)]]) })).lines;
    expect(brief(lines)).toEqual(['restriction:paused']);
    expect(lines[0]!.pauseReasons).toEqual([`promise_until:${day(12)}`]);
  });

  it('a broken promise resumes the ladder at the step that fits today', () => {
    const clients = new Map([['cl_a', client({ arrangements: promise('open', day(12)) })]]);
    const lines = evaluateLadder(state(day(14), { clients, rungs: done([['first_notice', day(1)]]) })).lines;
    expect(lines.every((l) => l.resumedFrom?.kind === 'promise' && l.resumedFrom.on === day(13))).toBe(true);
    // The final notice goes out today and overtakes the second notice (whose fee is still
    // charged); restriction and suspension both wait the notice period after it.
    expect(brief(lines)).toEqual(['second_notice:due', `restriction:waiting_notice@${day(17)}`, 'final_notice:due', `suspension:waiting_notice@${day(17)}`]);
    expect(lines[0]!.noticeSuperseded).toBe(true);
  });

  it('an open dispute on the invoice holds it; on another invoice it does not', () => {
    const disputes = { plans: [], promises: [], disputes: [{ invoiceId: 'inv_1', openedDate: day(3), status: 'open' as const, resolvedDate: null }] };
    const clients = new Map([['cl_a', client({ arrangements: disputes })]]);
    const invoices = [invoice(), invoice({ id: 'inv_2', number: 'INV-2' })];
    const lines = evaluateLadder(state(day(5), { clients, invoices, rungs: done([['first_notice', day(1)]]) })).lines;
    expect(lines.map((l) => `${l.invoiceId}:${l.stepKey}:${l.status}`)).toEqual([
      'inv_1:second_notice:paused',
      'inv_2:reminder_7:missed',
      'inv_2:reminder_1:missed',
      'inv_2:first_notice:superseded',
      'inv_2:second_notice:due',
    ]);
  });
});

describe('policies', () => {
  it('a manual-only client waits on the desk for every step', () => {
    const clients = new Map([['cl_a', client({ manualOnly: true })]]);
    expect(brief(evaluateLadder(state(day(-7), { clients })).lines)).toEqual(['reminder_7:needs_approval']);
  });

  it('below the minimum nothing escalates, but reminders still go out', () => {
    const policy = { ...DEFAULT_POLICY, minimumMinorByCurrency: { USD: 20_000 } };
    expect(brief(evaluateLadder(state(day(-7), {}, policy)).lines)).toEqual(['reminder_7:due']);
    expect(brief(evaluateLadder(state(day(5), { rungs: done([['first_notice', day(1)]]) }, policy)).lines)).toEqual(['second_notice:below_minimum']);
    // Two invoices together reach it: the minimum is about the client's arrears.
    const invoices = [invoice(), invoice({ id: 'inv_2', number: 'INV-2', dueDate: day(-3) })];
    expect(brief(evaluateLadder(state(day(1), { invoices }, policy)).lines).filter((l) => l.startsWith('first_notice'))).toEqual(['first_notice:due', 'first_notice:due']);
  });

  it('a risky band restricts earlier', () => {
    const s = state(day(-10));
    const risky = { ...s, clients: new Map([['cl_a', client({ band: 'high' })]]), policies: { ...s.policies, restrictDaysEarlier: { high: 3 } } };
    const restriction = forecastLadder(risky, 30).find((e) => e.line.stepKey === 'restriction')!;
    expect(restriction.date).toBe(day(4));
    expect(restriction.line.offsetDays).toBe(4);
  });

  it('however risky the band, restriction waits the minimum notice days after the first notice', () => {
    const s = state(day(-10));
    const critical = { ...s, clients: new Map([['cl_a', client({ band: 'critical' })]]), policies: { ...s.policies, restrictDaysEarlier: { critical: 14 } } };
    const entries = forecastLadder(critical, 30);
    const restriction = entries.find((e) => e.line.stepKey === 'restriction')!;
    // First notice on +1, three days' notice: +4.
    expect(restriction.date).toBe(day(4));
    expect(entries.find((e) => e.line.stepKey === 'first_notice')!.date).toBe(day(1));
  });

  it('no late fee on a proforma or on a late-fee invoice', () => {
    const lines = evaluateLadder(state(day(5), { invoices: [invoice({ kind: 'proforma' })], rungs: done([['first_notice', day(1)]]) })).lines;
    expect(lines[0]!.actions.map((a) => a.kind)).toEqual(['send']);
    expect(lines[0]!.feeDate).toBeNull();
  });

  it('the most specific assignment wins: contract, client, group, band, default', () => {
    const other = { ...DEFAULT_POLICY, name: 'Gentle' };
    const book = state(day(0)).policies;
    const policies = new Map([...book.policies, ['dp_c', other], ['dp_g', other], ['dp_b', other], ['dp_k', other]]);
    const assignments = { contract: new Map([['ct_1', 'dp_k']]), client: new Map([['cl_a', 'dp_c']]), group: new Map([['vip', 'dp_g']]), band: new Map([['medium', 'dp_b']]) } as const;
    const c = client({ tags: ['vip'] });
    expect(policyFor({ ...book, policies, assignments }, invoice(), c).id).toBe('dp_k');
    expect(policyFor({ ...book, policies, assignments }, invoice({ contractIds: [] }), c).id).toBe('dp_c');
    expect(policyFor({ ...book, policies, assignments: { ...assignments, client: new Map() } }, invoice({ contractIds: [] }), c).id).toBe('dp_g');
    expect(policyFor({ ...book, policies, assignments: { ...assignments, client: new Map(), group: new Map() } }, invoice({ contractIds: [] }), c).id).toBe('dp_b');
    expect(policyFor({ ...book, policies, assignments: { contract: new Map(), client: new Map(), group: new Map(), band: new Map() } }, invoice(), c).id).toBe('dp_default');
  });

  it('a postponed line comes back on its day', () => {
    const rungs = done([['first_notice', null, 'postponed']]);
    rungs.get('inv_1')!.set('first_notice', { stepKey: 'first_notice', state: 'postponed', doneOn: null, postponedUntil: day(3) });
    expect(brief(evaluateLadder(state(day(2), { rungs })).lines)).toEqual([`first_notice:postponed@${day(3)}`]);
    expect(brief(evaluateLadder(state(day(3), { rungs })).lines)).toEqual(['first_notice:due']);
  });

  it('the schema refuses steps out of order, duplicate keys, automatic termination and escalation before the due date', () => {
    const bad = {
      ...DEFAULT_POLICY,
      steps: [
        { key: 'a', offsetDays: 5, approval: 'automatic', actions: [{ kind: 'late_fee' }] },
        { key: 'a', offsetDays: 1, approval: 'automatic', actions: [{ kind: 'termination_review' }] },
        { key: 'b', offsetDays: -3, approval: 'ask', actions: [{ kind: 'restrict', how: 'downgrade' }] },
      ],
    };
    const result = dunningPolicySchema.safeParse(bad);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['steps.1.key', 'steps.1.offsetDays', 'steps.1.approval', 'steps.2.actions']));
    expect(dunningPolicySchema.safeParse(DEFAULT_POLICY).success).toBe(true);
  });
});
