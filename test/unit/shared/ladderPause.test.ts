// The pure rules: installments filled oldest first, a plan's standing on any date, and whether
// the arrears ladder holds for a client (and for one invoice) on a date.
import { describe, expect, it } from 'vitest';
import { ladderPause, type ClientArrangements } from '../../../shared/billing/ladderPause.js';
import { installmentProgress, PLAN_GRACE_DAYS, planStanding } from '../../../shared/billing/planStanding.js';

const schedule = [
  { dueDate: '2026-12-01', amountMinor: 100 },
  { dueDate: '2026-12-15', amountMinor: 100 },
];

describe('installmentProgress', () => {
  it('fills installments oldest first; one is paid from the day the running total last covered it', () => {
    const points = [
      { date: '2026-11-26', settledMinor: 0 },
      { date: '2026-11-30', settledMinor: 150 },
      { date: '2026-12-02', settledMinor: 50 }, // a payment bounced
      { date: '2026-12-03', settledMinor: 120 },
    ];
    expect(installmentProgress(schedule, points)).toEqual([
      { paidMinor: 100, paidDate: '2026-12-03' },
      { paidMinor: 20, paidDate: null },
    ]);
    expect(installmentProgress(schedule, [])).toEqual([
      { paidMinor: 0, paidDate: null },
      { paidMinor: 0, paidDate: null },
    ]);
  });
});

describe('planStanding', () => {
  const active = (paidDates: (string | null)[]) => ({
    status: 'active' as const,
    closedDate: null,
    installments: schedule.map((i, n) => ({ dueDate: i.dueDate, paidDate: paidDates[n]! })),
  });

  it(`is late for ${PLAN_GRACE_DAYS} days after a missed due date, then broken`, () => {
    const plan = active([null, null]);
    expect(planStanding(plan, '2026-12-01').standing).toBe('good_standing');
    expect(planStanding(plan, '2026-12-02')).toEqual({ standing: 'late', graceUntil: '2026-12-06', brokenOn: null });
    expect(planStanding(plan, '2026-12-06').standing).toBe('late');
    expect(planStanding(plan, '2026-12-07')).toEqual({ standing: 'broken', graceUntil: null, brokenOn: '2026-12-07' });
  });

  it('stays broken when the installment was paid after its grace; complete when all were paid in time', () => {
    expect(planStanding(active(['2026-12-08', '2026-12-08']), '2026-12-20').standing).toBe('broken');
    expect(planStanding(active(['2026-12-04', '2026-12-15']), '2026-12-20').standing).toBe('complete');
    expect(planStanding(active(['2026-12-04', '2026-12-15']), '2026-12-10').standing).toBe('good_standing');
  });

  it('takes what was recorded from its date on, and works out earlier dates from the installments', () => {
    const cancelled = { ...active([null, null]), status: 'cancelled' as const, closedDate: '2026-11-28' };
    expect(planStanding(cancelled, '2026-11-28')).toEqual({ standing: 'broken', graceUntil: null, brokenOn: '2026-11-28' });
    expect(planStanding(cancelled, '2026-11-27').standing).toBe('good_standing');
  });
});

const plan = (over: Partial<ClientArrangements['plans'][number]> = {}): ClientArrangements['plans'][number] => ({
  id: 'pp_1',
  createdDate: '2026-11-26',
  status: 'active',
  closedDate: null,
  invoices: [{ id: 'in_a' }],
  installments: [{ dueDate: '2026-12-01', amountMinor: 100, paidMinor: 0, paidDate: null, state: 'upcoming' }],
  ...over,
});
const promise = (over: Partial<ClientArrangements['promises'][number]> = {}): ClientArrangements['promises'][number] => ({
  id: 'pr_1',
  madeDate: '2026-11-26',
  promisedDate: '2026-12-05',
  amountMinor: 100,
  receivedMinor: 0,
  status: 'open',
  resolvedDate: null,
  ...over,
});
const none: ClientArrangements = { plans: [], promises: [], disputes: [] };

describe('ladderPause', () => {
  it('does not hold without arrangements', () => {
    expect(ladderPause(none, '2026-12-01')).toEqual({ paused: false, reasons: [], resumed: null });
  });

  it('holds for a plan in good standing, and within its grace until the last day of grace', () => {
    expect(ladderPause({ ...none, plans: [plan()] }, '2026-11-30').reasons).toEqual(['plan_in_good_standing']);
    expect(ladderPause({ ...none, plans: [plan()] }, '2026-12-03').reasons).toEqual(['plan_in_grace_until:2026-12-06']);
    expect(ladderPause({ ...none, plans: [plan()] }, '2026-11-25').paused).toBe(false); // before it was agreed
  });

  it('resumes when a plan breaks, and says so', () => {
    expect(ladderPause({ ...none, plans: [plan()] }, '2026-12-07')).toEqual({ paused: false, reasons: [], resumed: { kind: 'payment_plan', id: 'pp_1', on: '2026-12-07' } });
  });

  it('holds for a promise until its date; a broken promise resumes it the day after', () => {
    expect(ladderPause({ ...none, promises: [promise()] }, '2026-12-05').reasons).toEqual(['promise_until:2026-12-05']);
    expect(ladderPause({ ...none, promises: [promise()] }, '2026-12-06').resumed).toEqual({ kind: 'promise', id: 'pr_1', on: '2026-12-06' });
    expect(ladderPause({ ...none, promises: [promise({ status: 'kept', receivedMinor: 100, resolvedDate: '2026-12-01' })] }, '2026-12-06')).toEqual({ paused: false, reasons: [], resumed: null });
  });

  it('a plan or promise broken while another arrangement holds the ladder does not resume it', () => {
    const arrangements = { ...none, promises: [promise({ promisedDate: '2026-12-20' })], plans: [plan()] };
    expect(ladderPause(arrangements, '2026-12-08')).toEqual({ paused: true, reasons: ['promise_until:2026-12-20'], resumed: null });
  });

  it('holds for an open dispute, and for one invoice only when the plan or dispute concerns it', () => {
    const arrangements: ClientArrangements = { ...none, plans: [plan()], disputes: [{ invoiceId: 'in_b', openedDate: '2026-11-27', status: 'open', resolvedDate: null }] };
    expect(ladderPause(arrangements, '2026-11-28').reasons).toEqual(['plan_in_good_standing', 'open_dispute']);
    expect(ladderPause(arrangements, '2026-11-28', 'in_a').reasons).toEqual(['plan_in_good_standing']);
    expect(ladderPause(arrangements, '2026-11-28', 'in_b').reasons).toEqual(['open_dispute']);
    expect(ladderPause(arrangements, '2026-11-28', 'in_c').paused).toBe(false);
    const resolved: ClientArrangements = { ...none, disputes: [{ invoiceId: 'in_b', openedDate: '2026-11-27', status: 'rejected', resolvedDate: '2026-11-30' }] };
    expect(ladderPause(resolved, '2026-11-29').reasons).toEqual(['open_dispute']);
    expect(ladderPause(resolved, '2026-11-30').paused).toBe(false);
  });
});
