import { describe, expect, it } from 'vitest';
import { feeAmount, feeOccurrences, type LateFeePolicy } from '../../../shared/billing/lateFees.js';
import {
  anchorDay,
  issueDateFor,
  periodsDue,
  priceChangeAdjustments,
  prorate,
  usagePeriodBefore,
  usageSettlement,
  type RenewalTerms,
} from '../../../shared/billing/renewals.js';
import { usageCharges } from '../../../shared/billing/usagePricing.js';
import { BILLING_CYCLES } from '../../../shared/domain/billingCycle.js';

const terms = (change: Partial<RenewalTerms> = {}): RenewalTerms => ({
  startDate: '2026-01-31',
  nextDueDate: '2026-01-31',
  endDate: null,
  cycle: 'monthly',
  pricingModel: 'fixed',
  ...change,
});

/** Follows a contract through `count` renewals, as the run does: each period moves the due date on. */
function walk(start: RenewalTerms, count: number): string[] {
  const starts: string[] = [];
  let current = start;
  for (let i = 0; i < count; i += 1) {
    const [period] = periodsDue(current, { leadDays: 0, through: current.nextDueDate });
    starts.push(period!.start);
    current = { ...current, nextDueDate: period!.nextDue };
  }
  return starts;
}

describe('renewal periods', () => {
  it('keep the start day through short months: 31 Jan → 28 Feb → 31 Mar, and 29 Feb in a leap year', () => {
    expect(walk(terms(), 5)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    expect(walk(terms({ startDate: '2028-01-31', nextDueDate: '2028-01-31' }), 3)).toEqual(['2028-01-31', '2028-02-29', '2028-03-31']);
    expect(walk(terms({ startDate: '2026-01-30', nextDueDate: '2026-01-30' }), 3)).toEqual(['2026-01-30', '2026-02-28', '2026-03-30']);
  });

  it('cover every cycle with whole periods that end the day before the next one starts', () => {
    const expected = { monthly: '2026-02-28', quarterly: '2026-04-30', semiannual: '2026-07-31', annual: '2027-01-31', biennial: '2028-01-31' };
    for (const cycle of BILLING_CYCLES) {
      const [period] = periodsDue(terms({ cycle }), { leadDays: 14, through: '2026-01-17' });
      expect(period, cycle).toMatchObject({ start: '2026-01-31', nextDue: expected[cycle], intendedDate: '2026-01-17', settlement: false });
      expect(period!.days).toBe(period!.fullDays);
    }
  });

  it('bill a leap-year contract from 29 Feb on 28 Feb in other years and on 29 Feb when it comes back', () => {
    const annual = terms({ startDate: '2028-02-29', nextDueDate: '2028-02-29', cycle: 'annual' });
    expect(walk(annual, 5)).toEqual(['2028-02-29', '2029-02-28', '2030-02-28', '2031-02-28', '2032-02-29']);
    const [leap] = periodsDue(annual, { leadDays: 0, through: '2028-02-29' });
    expect(leap).toMatchObject({ end: '2029-02-27', days: 365, fullDays: 365 });
    const biennial = terms({ startDate: '2028-02-29', nextDueDate: '2028-02-29', cycle: 'biennial' });
    expect(walk(biennial, 3)).toEqual(['2028-02-29', '2030-02-28', '2032-02-29']);
  });

  it('are due renewalLeadDays ahead, all at once when several are behind, and none past the horizon', () => {
    expect(periodsDue(terms(), { leadDays: 14, through: '2026-01-16' })).toEqual([]);
    const behind = periodsDue(terms({ startDate: '2025-10-31', nextDueDate: '2025-10-31' }), { leadDays: 14, through: '2026-01-17' });
    expect(behind.map((p) => [p.start, p.intendedDate])).toEqual([
      ['2025-10-31', '2025-10-17'],
      ['2025-11-30', '2025-11-16'],
      ['2025-12-31', '2025-12-17'],
      ['2026-01-31', '2026-01-17'],
    ]);
  });

  it('cut the final period at the end date and prorate it by day; an end on a due date bills nothing more', () => {
    const ending = terms({ startDate: '2026-01-01', nextDueDate: '2026-03-01', endDate: '2026-03-16' });
    expect(periodsDue(ending, { leadDays: 14, through: '2026-12-31' })).toEqual([
      { start: '2026-03-01', end: '2026-03-15', nextDue: '2026-03-16', days: 15, fullDays: 31, intendedDate: '2026-02-15', settlement: false },
    ]);
    expect(prorate(1000, 15, 31)).toBe(484); // 483.87 → 484
    expect(prorate(1000, 1, 62)).toBe(16); // 16.129 → 16
    expect(prorate(-1000, 15, 31)).toBe(-484); // half away from zero on both sides
    expect(prorate(31, 1, 62)).toBe(1); // 0.5 → 1
    expect(periodsDue(terms({ nextDueDate: '2026-03-31', endDate: '2026-03-31' }), { leadDays: 14, through: '2026-12-31' })).toEqual([]);
  });

  it('keep a due date moved by hand to another day on that day', () => {
    expect(anchorDay({ startDate: '2026-01-17', nextDueDate: '2026-03-01' })).toBe(1);
    expect(anchorDay({ startDate: '2026-01-31', nextDueDate: '2026-02-28' })).toBe(31);
    expect(anchorDay({ startDate: '2026-01-15', nextDueDate: '2026-02-28' })).toBe(28);
  });
});

describe('usage contracts', () => {
  const metered = terms({ pricingModel: 'metered', startDate: '2026-01-01', nextDueDate: '2026-02-01' });

  it('are invoiced on the due date itself, with the period that just ended', () => {
    expect(periodsDue(metered, { leadDays: 14, through: '2026-01-31' })).toEqual([]);
    const [period] = periodsDue(metered, { leadDays: 14, through: '2026-02-01' });
    expect(period).toMatchObject({ start: '2026-02-01', intendedDate: '2026-02-01' });
    expect(usagePeriodBefore('2026-02-01', metered)).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(usagePeriodBefore('2026-01-01', metered)).toBeNull();
  });

  it('settle the last period on the end date', () => {
    const ending = { ...metered, endDate: '2026-02-10' };
    expect(periodsDue(ending, { leadDays: 14, through: '2026-02-10' }).map((p) => [p.start, p.days, p.settlement])).toEqual([
      ['2026-02-01', 9, false],
      ['2026-02-10', 0, true],
    ]);
    expect(usageSettlement(ending, '2026-02-09')).toBeNull();
    expect(usageSettlement({ ...ending, pricingModel: 'fixed' }, '2026-12-31')).toBeNull();
  });

  const tiers = [
    { upTo: 100, unitPriceMinor: 10 },
    { upTo: null, unitPriceMinor: 5 },
    { upTo: 200, unitPriceMinor: 7 },
  ];

  it('metered: each unit at the price of its tier (graduated), one line per tier', () => {
    expect(usageCharges('metered', tiers, 250_500)).toEqual([
      { tier: 1, quantityMilli: 100_000, unitPriceMinor: 10 },
      { tier: 2, quantityMilli: 100_000, unitPriceMinor: 7 },
      { tier: 3, quantityMilli: 50_500, unitPriceMinor: 5 },
    ]);
    expect(usageCharges('metered', tiers, 40_000)).toEqual([{ tier: 1, quantityMilli: 40_000, unitPriceMinor: 10 }]);
    expect(usageCharges('metered', tiers, 0)).toEqual([]);
  });

  it('tiered: all units at the price of the tier the total reaches (volume)', () => {
    expect(usageCharges('tiered', tiers, 100_000)).toEqual([{ tier: 1, quantityMilli: 100_000, unitPriceMinor: 10 }]);
    expect(usageCharges('tiered', tiers, 150_000)).toEqual([{ tier: 2, quantityMilli: 150_000, unitPriceMinor: 7 }]);
    expect(usageCharges('tiered', tiers, 250_500)).toEqual([{ tier: 3, quantityMilli: 250_500, unitPriceMinor: 5 }]);
  });

  it('price usage past a last tier with a limit at the last tier', () => {
    const capped = [{ upTo: 10, unitPriceMinor: 3 }, { upTo: 20, unitPriceMinor: 2 }];
    expect(usageCharges('metered', capped, 25_000)).toEqual([
      { tier: 1, quantityMilli: 10_000, unitPriceMinor: 3 },
      { tier: 2, quantityMilli: 15_000, unitPriceMinor: 2 },
    ]);
    expect(usageCharges('tiered', capped, 25_000)).toEqual([{ tier: 2, quantityMilli: 25_000, unitPriceMinor: 2 }]);
  });
});

describe('price changes', () => {
  const march = { start: '2026-03-01', end: '2026-03-31', fullDays: 31 };
  const april = { start: '2026-04-01', end: '2026-04-30', fullDays: 30 };

  it('charge an upgrade for the rest of each period already invoiced, and credit a downgrade', () => {
    const up = priceChangeAdjustments([{ date: '2026-03-10', fromMinor: 1000, toMinor: 2000 }], [march, april]);
    expect(up.map((a) => [a.period.start, a.from, a.days, a.amountMinor])).toEqual([
      ['2026-03-01', '2026-03-10', 22, 710], // 1000 × 22 ÷ 31 = 709.68
      ['2026-04-01', '2026-04-01', 30, 1000],
    ]);
    const down = priceChangeAdjustments([{ date: '2026-03-10', fromMinor: 2000, toMinor: 1000 }], [march]);
    expect(down.map((a) => a.amountMinor)).toEqual([-710]);
  });

  it('chain successive changes, leave periods that ended before a change alone', () => {
    const changes = [
      { date: '2026-03-10', fromMinor: 1000, toMinor: 2000 },
      { date: '2026-03-20', fromMinor: 2000, toMinor: 1500 },
    ];
    const [first, second] = priceChangeAdjustments(changes, [march]);
    expect([first!.amountMinor, second!.amountMinor]).toEqual([710, -194]); // −500 × 12 ÷ 31 = −193.5 → −194
    expect(priceChangeAdjustments([{ date: '2026-04-02', fromMinor: 1000, toMinor: 2000 }], [march])).toEqual([]);
    expect(priceChangeAdjustments([{ date: '2026-03-02', fromMinor: 1000, toMinor: 1000 }], [march])).toEqual([]);
  });
});

describe('catch-up dating', () => {
  const window = { runDay: '2026-03-20', opensOn: '2026-03-11', lockDate: null };

  it('dates a document on its day when that day is being caught up, else on the first day caught up', () => {
    expect(issueDateFor('2026-03-15', window)).toEqual({ date: '2026-03-15', redatedForLock: false });
    expect(issueDateFor('2026-03-01', window)).toEqual({ date: '2026-03-11', redatedForLock: false });
    expect(issueDateFor('2026-03-01', window, '2026-03-18')).toEqual({ date: '2026-03-18', redatedForLock: false });
    expect(issueDateFor('2026-03-25', window)).toEqual({ date: '2026-03-25', redatedForLock: false });
  });

  it('dates it on the run day when its day is locked, and never after the run day on a same-day run', () => {
    expect(issueDateFor('2026-03-15', { ...window, lockDate: '2026-03-15' })).toEqual({ date: '2026-03-20', redatedForLock: true });
    expect(issueDateFor('2026-03-16', { ...window, lockDate: '2026-03-15' })).toEqual({ date: '2026-03-16', redatedForLock: false });
    expect(issueDateFor('2026-03-20', { ...window, opensOn: '2026-03-21' })).toEqual({ date: '2026-03-20', redatedForLock: false });
  });
});

describe('late fee policy', () => {
  const policy = (change: Partial<LateFeePolicy> = {}): LateFeePolicy => ({
    enabled: true,
    kind: 'fixed',
    fixedMinorByCurrency: { USD: 500 },
    percentBp: 150,
    afterDays: 5,
    repeat: 'once',
    capMinorByCurrency: {},
    ...change,
  });

  it('falls due afterDays past the due date, once or every month on the same day', () => {
    expect(feeOccurrences('2026-01-26', policy(), '2026-12-31')).toEqual([{ n: 1, date: '2026-01-31' }]);
    expect(feeOccurrences('2026-01-26', policy(), '2026-01-30')).toEqual([]);
    expect(feeOccurrences('2026-01-26', policy({ repeat: 'monthly' }), '2026-04-29')).toEqual([
      { n: 1, date: '2026-01-31' },
      { n: 2, date: '2026-02-28' },
      { n: 3, date: '2026-03-31' },
    ]);
    expect(feeOccurrences('2026-01-26', policy({ enabled: false }), '2026-12-31')).toEqual([]);
  });

  it('is fixed per currency or a percentage of the overdue amount, within the cap', () => {
    expect(feeAmount(policy(), 'USD', 10_000, 0)).toBe(500);
    expect(feeAmount(policy(), 'CNY', 10_000, 0)).toBe(0);
    expect(feeAmount(policy({ kind: 'percent' }), 'USD', 12_345, 0)).toBe(185); // 185.175
    expect(feeAmount(policy({ capMinorByCurrency: { USD: 1200 } }), 'USD', 10_000, 1000)).toBe(200);
    expect(feeAmount(policy({ capMinorByCurrency: { USD: 1200 } }), 'USD', 10_000, 1200)).toBe(0);
    expect(feeAmount(policy(), 'USD', 0, 0)).toBe(0);
  });
});
