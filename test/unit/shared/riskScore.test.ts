import { describe, expect, it } from 'vitest';
import { featuresOf, FACTOR_CODES } from '../../../shared/risk/features.js';
import type { PastInvoice, PaymentHistory } from '../../../shared/risk/history.js';
import { bandOf, DEFAULT_MODEL, scoreHistory } from '../../../shared/risk/model.js';
import { auc, brier, ks } from '../../../shared/risk/metrics.js';
import { chooseModel, fitModel, MIN_LABELLED_FOR_FIT } from '../../../shared/risk/fit.js';
import { seededRandom, SEGMENTS, syntheticClients } from '../../fixtures/riskBook.js';

const invoice = (issueDate: string, dueDate: string, paidOn: string | null, extra: Partial<PastInvoice> = {}): PastInvoice => ({
  issueDate,
  dueDate,
  totalMinor: 10_000,
  payments: paidOn === null ? [] : [{ date: paidOn, amountMinor: 10_000, reversedDate: null }],
  disputed: false,
  ...extra,
});
const history = (asOf: string, invoices: PastInvoice[], extra: Partial<PaymentHistory> = {}): PaymentHistory => ({
  asOf,
  invoices,
  bouncedDates: [],
  brokenPromiseDates: [],
  brokenPlanDates: [],
  newInvoiceMinor: null,
  ...extra,
});
const param = (h: PaymentHistory, code: (typeof FACTOR_CODES)[number]) => featuresOf(h).params[code];

describe('the factors', () => {
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  const sixInvoices = months.map((m, i) => invoice(`${m}-01`, `${m}-15`, i % 2 === 0 ? `${m}-25` : `${m}-10`));

  it('count how many of the invoices due in the last year were paid late', () => {
    expect(param(history('2026-07-01', sixInvoices), 'late_rate')).toMatchObject({ late: 3, of: 6 });
    const yearAndAHalfAgo = invoice('2025-01-01', '2025-01-15', null);
    expect(param(history('2026-07-01', [yearAndAHalfAgo, ...sixInvoices]), 'late_rate')).toMatchObject({ late: 3, of: 6 });
  });

  it('weigh recent invoices most, whatever the billing cycle: a yearly client is judged on their own invoices too', () => {
    const yearly = ['2023', '2024', '2025'].map((y) => invoice(`${y}-07-01`, `${y}-07-15`, `${y}-07-10`));
    const monthly = sixInvoices.map((inv) => ({ ...inv, payments: [{ ...inv.payments[0], date: inv.dueDate }] }));
    const rate = (h: PaymentHistory) => Number(param(h, 'late_rate').rate);
    // With nothing on file the rate is the prior's 20 %; three clean years take it to about 10 %.
    expect(rate(history('2026-07-01', []))).toBe(20);
    expect(rate(history('2026-07-01', yearly))).toBeLessThan(12);
    expect(rate(history('2026-07-01', yearly))).toBeCloseTo(rate(history('2026-07-01', monthly.slice(3))), -1);
  });

  it('measure what is past due now: the largest days, how many, how much', () => {
    const h = history('2026-07-01', [...sixInvoices.slice(0, 5), invoice('2026-05-01', '2026-05-21', null)]);
    expect(param(h, 'past_due_days')).toEqual({ days: 41 });
    expect(param(h, 'past_due_count')).toEqual({ count: 1 });
    expect(param(h, 'past_due_amount')).toMatchObject({ amountMinor: 10_000 });
  });

  it('count partial payments, bounces, broken promises and plans of the last year, with the latest day', () => {
    const partlyPaid = invoice('2026-05-01', '2026-05-15', null, { payments: [{ date: '2026-05-20', amountMinor: 4_000, reversedDate: null }] });
    const h = history('2026-07-01', [partlyPaid], { bouncedDates: ['2026-06-01', '2024-01-01'], brokenPromiseDates: ['2026-06-02'], brokenPlanDates: ['2026-03-01', '2026-04-01'] });
    expect(param(h, 'partial')).toEqual({ count: 1 });
    expect(param(h, 'past_due_amount')).toMatchObject({ amountMinor: 6_000 });
    expect(param(h, 'bounced')).toEqual({ count: 1, lastDate: '2026-06-01' });
    expect(param(h, 'broken_promises')).toEqual({ count: 1, lastDate: '2026-06-02' });
    expect(param(h, 'broken_plans')).toEqual({ count: 2, lastDate: '2026-04-01' });
  });

  it('see a client getting worse', () => {
    const good = months.slice(0, 3).map((m) => invoice(`${m}-01`, `${m}-15`, `${m}-10`));
    const bad = months.slice(3).map((m) => invoice(`${m}-01`, `${m}-15`, `${m}-30`));
    // Recent: issued in the last 90 days (April, May and June on 30 June), all late; the year-long
    // memory puts the whole history at about half late.
    const worse = history('2026-06-30', [...good, ...bad]);
    expect(param(worse, 'deteriorating')).toEqual({ recentPercent: 100, overallPercent: 49 });
    // The recent share smoothed by one invoice at the overall rate, (3 + 0.49) / 4, less that rate.
    expect(featuresOf(worse).values[FACTOR_CODES.indexOf('deteriorating')]).toBeCloseTo(0.38, 2);
  });

  it('do not call a client who was always late one getting worse', () => {
    const always = months.map((m) => invoice(`${m}-01`, `${m}-15`, `${m}-30`));
    // Only the prior of one invoice at 20% keeps their overall rate below the recent share.
    expect(featuresOf(history('2026-06-30', always)).values[FACTOR_CODES.indexOf('deteriorating')]).toBeLessThan(0.1);
  });

  it('do not count a client getting better as a factor: only a turn for the worse moves the score', () => {
    const late = months.slice(0, 3).map((m) => invoice(`${m}-01`, `${m}-15`, `${m}-30`));
    const onTime = months.slice(3).map((m) => invoice(`${m}-01`, `${m}-15`, `${m}-10`));
    const better = history('2026-06-30', [...late, ...onTime]);
    expect(param(better, 'deteriorating')).toMatchObject({ recentPercent: 0 });
    expect(featuresOf(better).values[FACTOR_CODES.indexOf('deteriorating')]).toBe(0);
    expect(scoreHistory(better).factors.map((f) => f.code)).not.toContain('deteriorating');
  });

  it('smooth a new client: one late invoice is not a certain default, one paid invoice not a certain payer', () => {
    const none = scoreHistory(history('2026-02-01', []));
    const late = scoreHistory(history('2026-02-01', [invoice('2026-01-01', '2026-01-15', '2026-01-20')]));
    const paid = scoreHistory(history('2026-02-01', [invoice('2026-01-01', '2026-01-15', '2026-01-10')]));
    for (const s of [none, late, paid]) expect(s.score).toBeGreaterThan(2);
    for (const s of [none, late, paid]) expect(s.score).toBeLessThan(90);
    expect(paid.score).toBeLessThan(none.score);
    expect(late.score).toBeGreaterThan(none.score);
  });

  it('weigh the new invoice against the usual bill', () => {
    expect(param(history('2026-07-01', sixInvoices, { newInvoiceMinor: 30_000 }), 'amount_vs_usual')).toEqual({ ratioPercent: 300 });
  });

  it('list each moving factor with its contribution, riskiest first', () => {
    const s = scoreHistory(history('2026-07-01', [...sixInvoices, invoice('2026-05-01', '2026-05-21', null)], { brokenPromiseDates: ['2026-06-20'] }));
    const contributions = s.factors.map((f) => f.contribution);
    expect(contributions).toEqual([...contributions].sort((a, b) => b - a));
    expect(s.factors.map((f) => f.code)).toEqual(expect.arrayContaining(['late_rate', 'past_due_days', 'broken_promises']));
  });
});

describe('bands', () => {
  it('are low < 25 ≤ medium < 50 ≤ high < 75 ≤ critical', () => {
    expect([0, 24, 25, 49, 50, 74, 75, 100].map(bandOf)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });
});

describe('leak-freedom', () => {
  const base = [invoice('2026-01-01', '2026-01-15', '2026-01-10'), invoice('2026-02-01', '2026-02-15', null)];

  it('a payment settled after the scoring date changes nothing', () => {
    const asOf = '2026-03-01';
    const paidLater = [base[0], invoice('2026-02-01', '2026-02-15', '2026-03-05')];
    expect(scoreHistory(history(asOf, paidLater))).toEqual(scoreHistory(history(asOf, base)));
  });

  it('a dispute on an invoice not settled by the scoring date changes nothing', () => {
    const asOf = '2026-03-01';
    const disputed = [base[0], { ...base[1], disputed: true }];
    expect(scoreHistory(history(asOf, disputed))).toEqual(scoreHistory(history(asOf, base)));
  });

  it("the scored invoice's own dispute flag is never read: only its amount is passed", () => {
    const keys = Object.keys(history('2026-03-01', base)).sort();
    expect(keys).toEqual(['asOf', 'bouncedDates', 'brokenPlanDates', 'brokenPromiseDates', 'invoices', 'newInvoiceMinor']);
  });

  it('invoices issued after the scoring date change nothing', () => {
    const later = [...base, invoice('2026-03-10', '2026-03-25', null)];
    expect(scoreHistory(history('2026-03-01', later))).toEqual(scoreHistory(history('2026-03-01', base)));
  });

  it('a bounce counts from the day it bounced, a reversed payment from then no longer', () => {
    const bouncedLater = history('2026-03-01', base, { bouncedDates: ['2026-03-02'] });
    expect(scoreHistory(bouncedLater)).toEqual(scoreHistory(history('2026-03-01', base)));
    const reversed = [invoice('2026-01-01', '2026-01-15', null, { payments: [{ date: '2026-01-10', amountMinor: 10_000, reversedDate: '2026-01-20' }] })];
    expect(param(history('2026-01-18', reversed), 'past_due_count')).toEqual({ count: 0 });
    expect(param(history('2026-01-25', reversed), 'past_due_count')).toEqual({ count: 1 });
  });
});

describe('the synthetic book', () => {
  const scored = syntheticClients().map((c) => ({ segment: c.segment, ...scoreHistory(c.history) }));
  const mean = (segment: string) => {
    const of = scored.filter((s) => s.segment === segment);
    return of.reduce((sum, s) => sum + s.score, 0) / of.length;
  };

  it('is the same for the same seed', () => {
    expect(syntheticClients(5, 3)).toEqual(syntheticClients(5, 3));
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  it('is ordered by the score: reliable < occasionally late < chronic late < deteriorating < defaulting', () => {
    const means = SEGMENTS.map(mean);
    for (let i = 1; i < means.length; i += 1) expect(means[i]).toBeGreaterThan(means[i - 1]);
  });

  it('puts most defaulting clients in the critical band and reliable ones in the low band', () => {
    const share = (segment: string, band: string) => scored.filter((s) => s.segment === segment && s.band === band).length / scored.filter((s) => s.segment === segment).length;
    expect(share('defaulting', 'critical')).toBeGreaterThan(0.5);
    expect(share('reliable', 'low')).toBeGreaterThan(0.9);
  });
});

describe('the fit and the metrics', () => {
  it('measure ranking and calibration', () => {
    expect(auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBe(0.75);
    expect(ks([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(brier([1, 0], [1, 0])).toBe(0);
  });

  it('keeps the defaults below the minimum of labelled invoices, and learns a clear signal above it', () => {
    expect(fitModel([[0]], [1])).toBeNull();
    const random = seededRandom(11);
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < MIN_LABELLED_FOR_FIT * 2; i += 1) {
      const row = FACTOR_CODES.map(() => random() * 2 - 1);
      rows.push(row);
      labels.push(random() < 1 / (1 + Math.exp(-3 * row[4])) ? 1 : 0); // only past_due_days matters
    }
    const model = fitModel(rows, labels)!;
    expect(model.weights[4]).toBeGreaterThan(2);
    expect(Math.abs(model.weights[0])).toBeLessThan(0.5);
    const choice = chooseModel(rows.map((values, i) => ({ values, label: labels[i], issueDate: `2026-01-${String((i % 28) + 1).padStart(2, '0')}` })), '2026-02-01');
    expect(choice.model.source).toBe('fitted');
    expect(choice.holdout!.fittedAuc).toBeGreaterThan(choice.holdout!.defaultAuc);
    expect(chooseModel([], '2026-02-01')).toEqual({ model: DEFAULT_MODEL, holdout: null });
  });

  it('never turns a factor against its meaning: more past due never lowers a fitted score', () => {
    const random = seededRandom(12);
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < MIN_LABELLED_FOR_FIT * 2; i += 1) {
      const row = FACTOR_CODES.map(() => random() * 2 - 1);
      rows.push(row);
      // In this made-up book past_due_days (4) goes with paying on time, tenure (12) with paying late.
      labels.push(random() < 1 / (1 + Math.exp(3 * row[4] - 3 * row[12] - 2 * row[0])) ? 1 : 0);
    }
    const model = fitModel(rows, labels)!;
    expect(model.weights[4]).toBe(0);
    expect(model.weights[12]).toBe(0);
    expect(model.weights[0]).toBeGreaterThan(1);
  });
});
