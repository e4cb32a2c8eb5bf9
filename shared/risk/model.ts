// The score: a logistic combination of the factors (features.ts), shown as 0–100 with a band and
// each factor's share. 0–100 is the estimated chance, in percent, that the next invoice is paid
// late or not at all — so a band means the same in every book.
import { FACTOR_CODES, factorParams, factorValues, summariseHistory, type ClientSummary, type FactorCode, type FactorParams } from './features.js';
import type { PaymentHistory } from './history.js';

export const RISK_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export interface RiskModel {
  /** Where the weights came from: the defaults below, or a fit on this book's own history. */
  source: 'default' | 'fitted';
  intercept: number;
  /** One weight per FACTOR_CODES entry, in log-odds per unit of the factor's value. */
  weights: number[];
  /** How many labelled invoices a fitted model learned from (0 for the defaults). */
  trainedOn: number;
}

/**
 * Defaults, in log-odds, set by hand from what a credit controller would say and checked on two
 * real histories (scripts/risk-eval.ts; README): the late rate and money past due now lead; a turn
 * for the worse lately counts in full; a long, clean tenure lowers the risk. A book with enough
 * history gets its own fit (fit.ts).
 */
export const DEFAULT_MODEL: RiskModel = {
  source: 'default',
  // With every other factor at 0 the chance is the client's own smoothed late rate.
  intercept: 0,
  weights: [
    1.0, // late_rate: log-odds of the smoothed, recency-weighted late rate (the score's base)
    0.2, // last_late: the latest invoice was late
    5.0, // deteriorating: how much higher the last 90 days' late share is than late_rate (0…1): 20 points add 1.0
    0.3, // lateness: when the client usually pays, in tens of days after the due date (−2…2; early is negative)
    0.15, // past_due_days: log(1 + largest days past due now)
    0.15, // past_due_count: log(1 + invoices past due now)
    0.1, // past_due_amount: log(1 + past due ÷ usual bill)
    0.3, // partial: log(1 + past-due invoices partly paid)
    0.6, // bounced: log(1 + bounced payments in the last year)
    0.6, // broken_promises: log(1 + broken promises in the last year)
    0.7, // broken_plans: log(1 + broken payment plans in the last year)
    0.15, // disputes: log(1 + settled invoices that were disputed)
    -0.05, // tenure: log(1 + months since the first invoice)
    0.2, // new_client: nothing settled or overdue yet
    0.05, // amount_vs_usual: log(new invoice ÷ usual bill), −3…3
  ],
  trainedOn: 0,
};

export interface FactorContribution {
  code: FactorCode;
  params: FactorParams;
  /** Log-odds this factor adds to (or, negative, takes from) the score. */
  contribution: number;
}

export interface RiskScore {
  score: number;
  band: RiskBand;
  probability: number;
  /** Every factor that moves the score, largest push towards risk first. */
  factors: FactorContribution[];
}

/** The scores of each band, both ends included: a band is a range of scores, so a list filtered by band walks the score index. */
export const BAND_SCORES: Record<RiskBand, { from: number; to: number }> = {
  low: { from: 0, to: 24 },
  medium: { from: 25, to: 49 },
  high: { from: 50, to: 74 },
  critical: { from: 75, to: 100 },
};

export const bandOf = (score: number): RiskBand => RISK_BANDS.find((band) => score <= BAND_SCORES[band].to) ?? 'critical';

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function linearScore(model: RiskModel, values: readonly number[]): number {
  let z = model.intercept;
  for (let i = 0; i < values.length; i += 1) z += model.weights[i] * values[i];
  return z;
}

export function scoreHistory(history: PaymentHistory, model: RiskModel = DEFAULT_MODEL): RiskScore {
  return scoreSummary(summariseHistory(history), model);
}

/** The score and band alone, without the reasons: what a rescore of the whole book stores. */
export function riskOf(summary: ClientSummary, model: RiskModel = DEFAULT_MODEL): Pick<RiskScore, 'score' | 'band' | 'probability'> {
  return scoreOfValues(factorValues(summary), model);
}

function scoreOfValues(values: readonly number[], model: RiskModel): Pick<RiskScore, 'score' | 'band' | 'probability'> {
  const probability = sigmoid(linearScore(model, values));
  const score = Math.round(probability * 100);
  return { score, band: bandOf(score), probability };
}

/** The score of a client's summary, however it was computed (from a history here, in SQL by a recompute), with its reasons. */
export function scoreSummary(summary: ClientSummary, model: RiskModel = DEFAULT_MODEL): RiskScore {
  const values = factorValues(summary);
  const params = factorParams(summary);
  // Contributions are kept to a thousandth: the page shows two decimals.
  const factors = FACTOR_CODES.map((code, i) => ({ code, params: params[code], contribution: Math.round(model.weights[i] * values[i] * 1000) / 1000 }))
    .filter((f) => Math.abs(f.contribution) >= 0.005)
    .sort((a, b) => b.contribution - a.contribution);
  return { ...scoreOfValues(values, model), factors };
}
