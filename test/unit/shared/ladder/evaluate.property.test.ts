// The ladder's promises hold whatever days the app happens to be open (fast-check): each rung at
// most once, no reminder after the due date, at most one notice a day, every escalation behind a
// notice that went out at least the minimum notice days before, and each late fee charged once,
// dated its own day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../../shared/dates.js';
import { evaluateLadder, forecastLadder } from '../../../../shared/ladder/evaluate.js';
import { DEFAULT_POLICY, type DunningPolicy } from '../../../../shared/ladder/policy.js';
import { RUNNABLE_STATUSES, type LadderState, type RungRecord } from '../../../../shared/ladder/state.js';

const DUE = '2026-12-15';

function simulate(openDays: readonly boolean[], policy: DunningPolicy) {
  const rungs = new Map<string, Map<string, RungRecord>>([['inv_1', new Map()]]);
  const done: { stepKey: string; date: string; feeDate: string | null; sent: boolean }[] = [];
  const start = addDays(DUE, -10);
  openDays.forEach((open, d) => {
    if (!open) return;
    const asOf = addDays(start, d);
    const state: LadderState = {
      asOf,
      invoices: [{ id: 'inv_1', number: 'INV-1', clientId: 'cl_a', kind: 'invoice', isLateFee: false, currency: 'USD', issueDate: start, dueDate: DUE, totalMinor: 100, openMinor: 100, contractIds: [] }],
      clients: new Map([['cl_a', { id: 'cl_a', name: 'A', band: null, manualOnly: false, tags: [], channels: ['email'], arrangements: { plans: [], promises: [], disputes: [] } }]]),
      rungs,
      policies: { policies: new Map([['dp', policy]]), defaultPolicyId: 'dp', assignments: { contract: new Map(), client: new Map(), group: new Map(), band: new Map() }, restrictDaysEarlier: {} },
    };
    for (const line of evaluateLadder(state).lines) {
      const records = rungs.get('inv_1')!;
      if (RUNNABLE_STATUSES.includes(line.status) || line.status === 'needs_approval') {
        expect(records.get(line.stepKey)).toBeUndefined();
        const sent = line.actions.some((a) => a.kind === 'send');
        done.push({ stepKey: line.stepKey, date: asOf, feeDate: line.feeDate, sent });
        records.set(line.stepKey, { stepKey: line.stepKey, state: line.noticeSuperseded ? 'superseded' : 'done', doneOn: line.noticeSuperseded ? null : asOf, postponedUntil: null });
      } else if (line.status === 'missed' || line.status === 'superseded') {
        records.set(line.stepKey, { stepKey: line.stepKey, state: line.status, doneOn: null, postponedUntil: null });
      }
    }
  });
  return done;
}

const stepOf = (policy: DunningPolicy, key: string) => policy.steps.find((s) => s.key === key)!;

describe('the ladder over random open days', () => {
  it('keeps its promises', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 50, maxLength: 50 }), fc.integer({ min: 0, max: 6 }), (openDays, minNoticeDays) => {
        const policy = { ...DEFAULT_POLICY, minNoticeDays };
        const done = simulate(openDays, policy);
        const keys = done.map((d) => d.stepKey);
        expect(new Set(keys).size).toBe(keys.length);

        for (const d of done) {
          const step = stepOf(policy, d.stepKey);
          if (step.offsetDays < 0) expect(d.date < DUE).toBe(true);
          // Never earlier than its own day.
          expect(daysBetween(DUE, d.date)).toBeGreaterThanOrEqual(step.offsetDays);
        }
        const byDay = new Map<string, number>();
        for (const d of done.filter((x) => x.sent)) byDay.set(d.date, (byDay.get(d.date) ?? 0) + 1);
        // Restriction and suspension send their own notice of what was done; other notices: one a day.
        const plainNotices = done.filter((x) => x.sent && !['restriction', 'suspension'].includes(x.stepKey));
        const perDay = new Map<string, number>();
        for (const d of plainNotices) perDay.set(d.date, (perDay.get(d.date) ?? 0) + 1);
        for (const count of perDay.values()) expect(count).toBe(1);

        // Every escalation comes after a notice: the time the policy leaves when the notice went out
        // on its day, else the minimum notice days. Nobody is suspended without the final notice.
        const notices = done.filter((x) => x.sent && !['reminder_7', 'reminder_1', 'restriction', 'suspension'].includes(x.stepKey));
        const noticeGave = (escalation: { stepKey: string; date: string }, noticeKeys: string[]) =>
          notices.some((n) => {
            if (!noticeKeys.includes(n.stepKey)) return false;
            const onItsDay = n.date === addDays(DUE, stepOf(policy, n.stepKey).offsetDays);
            const gap = daysBetween(n.date, escalation.date);
            return onItsDay ? gap >= stepOf(policy, escalation.stepKey).offsetDays - stepOf(policy, n.stepKey).offsetDays : gap >= minNoticeDays;
          });
        const suspension = done.find((d) => d.stepKey === 'suspension');
        if (suspension) expect(noticeGave(suspension, ['final_notice'])).toBe(true);
        const restriction = done.find((d) => d.stepKey === 'restriction');
        if (restriction) expect(noticeGave(restriction, ['second_notice', 'final_notice'])).toBe(true);

        // The fee: charged once if the app was open on or after its day, dated its own day.
        const feeDay = addDays(DUE, 5);
        const fees = done.filter((d) => d.feeDate !== null);
        const openOnOrAfter = openDays.some((open, d) => open && addDays(DUE, d - 10) >= feeDay);
        expect(fees.length).toBe(openOnOrAfter ? 1 : 0);
        if (fees.length) expect(fees[0]!.feeDate).toBe(feeDay);
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});

describe('the forecast', () => {
  // The forecast lets an invoice with nothing on a day sleep until its next step: it must give
  // exactly what evaluating every invoice every day gives.
  function dailyForecast(state: LadderState, days: number) {
    const rungs = new Map<string, Map<string, RungRecord>>();
    const out: string[] = [];
    for (let d = 0; d < days; d += 1) {
      const asOf = addDays(state.asOf, d);
      for (const line of evaluateLadder({ ...state, asOf, rungs }).lines) {
        const runs = RUNNABLE_STATUSES.includes(line.status) || line.status === 'needs_approval';
        if (!runs && line.status !== 'missed' && line.status !== 'superseded') continue;
        if (runs) out.push(`${asOf} ${line.invoiceId} ${line.stepKey}`);
        const records = rungs.get(line.invoiceId) ?? rungs.set(line.invoiceId, new Map()).get(line.invoiceId)!;
        const done = runs && !line.noticeSuperseded;
        records.set(line.stepKey, { stepKey: line.stepKey, state: done ? 'done' : line.status === 'missed' ? 'missed' : 'superseded', doneOn: done ? asOf : null, postponedUntil: null });
      }
    }
    return out;
  }

  it('sleeping invoices change nothing', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ due: fc.integer({ min: -40, max: 40 }), open: fc.integer({ min: 1, max: 30_000 }), client: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 12 }), (specs) => {
        const asOf = '2026-12-01';
        const policy = { ...DEFAULT_POLICY, minimumMinorByCurrency: { USD: 15_000 } };
        const state: LadderState = {
          asOf,
          invoices: specs.map((s, i) => ({ id: `in_${i}`, number: `N${i}`, clientId: `cl_${s.client}`, kind: 'invoice', isLateFee: false, currency: 'USD', issueDate: '2026-10-01', dueDate: addDays(asOf, s.due), totalMinor: s.open, openMinor: s.open, contractIds: [] })),
          clients: new Map([0, 1, 2, 3].map((c) => [`cl_${c}`, { id: `cl_${c}`, name: `C${c}`, band: null, manualOnly: false, tags: [], channels: ['email'], arrangements: { plans: [], promises: [], disputes: [] } }])),
          rungs: new Map(),
          policies: { policies: new Map([['dp', policy]]), defaultPolicyId: 'dp', assignments: { contract: new Map(), client: new Map(), group: new Map(), band: new Map() }, restrictDaysEarlier: {} },
        };
        const fast = forecastLadder(state, 45).map((e) => `${e.date} ${e.line.invoiceId} ${e.line.stepKey}`);
        expect(fast).toEqual(dailyForecast(state, 45));
      }),
      { numRuns: 100, seed: 3 },
    );
  });
});
