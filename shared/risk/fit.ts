// Fitting the weights on the reseller's own history: L2-regularised logistic regression by full-batch
// gradient descent (Adam steps) on standardised factors. Written here rather than taken from a
// library because it is 60 lines, must run in shared/ (no node:*, no native code) and in a worker,
// and the JS libraries that offer it (ml-logistic-regression and the like) are unmaintained or pull
// a matrix package in for what is a dot product.
import { dayNumber, FACTOR_CODES } from './features.js';
import { auc } from './metrics.js';
import { DEFAULT_MODEL, linearScore, type RiskModel } from './model.js';

/** Below this many labelled invoices a fit is noise: the defaults stay. */
export const MIN_LABELLED_FOR_FIT = 500;

export interface FitOptions {
  /** L2 penalty on the standardised weights (the intercept is not penalised). */
  lambda?: number;
  iterations?: number;
  /** How much each row counts (default 1): risk:eval and the book's fit weigh recent invoices more. */
  sampleWeights?: readonly number[];
  /** The weights the penalty pulls towards (default: the defaults), so a small book moves them only as far as its evidence goes. */
  prior?: RiskModel;
  hooks?: FitHooks;
}

/** For a fit that runs as a job: progress per iteration, and a way to stop it. */
export interface FitHooks {
  iteration?: () => void;
  /** Asked every few iterations; true stops the fit with FitCancelled. */
  cancelled?: () => boolean;
}

export class FitCancelled extends Error {
  constructor() {
    super('The fit was cancelled.');
  }
}

/** Iterations of one fit; chooseModel runs two (the trial on the older examples, then on all). */
export const FIT_ITERATIONS = 400;

/** rows: one factor vector per labelled invoice; labels: 1 = paid late or never. */
export function fitModel(rows: readonly number[][], labels: readonly number[], options: FitOptions = {}): RiskModel | null {
  const n = rows.length;
  if (n < MIN_LABELLED_FOR_FIT) return null;
  const lambda = options.lambda ?? 1e-3;
  const iterations = options.iterations ?? FIT_ITERATIONS;
  const k = FACTOR_CODES.length;
  const sw = options.sampleWeights ?? rows.map(() => 1);
  const total = sw.reduce((a, b) => a + b, 0);
  const mean = new Array<number>(k).fill(0);
  const sd = new Array<number>(k).fill(0);
  rows.forEach((row, i) => row.forEach((v, j) => (mean[j] += (sw[i] * v) / total)));
  rows.forEach((row, i) => row.forEach((v, j) => (sd[j] += (sw[i] * (v - mean[j]) ** 2) / total)));
  for (let j = 0; j < k; j += 1) sd[j] = Math.sqrt(sd[j]) || 1; // a constant factor keeps weight 0

  const x = rows.map((row) => row.map((v, j) => (v - mean[j]) / sd[j]));
  // Start from, and shrink towards, the prior's weights in standardised units.
  const prior = (options.prior ?? DEFAULT_MODEL).weights.map((wj, j) => wj * sd[j]);
  const w = [...prior, (options.prior ?? DEFAULT_MODEL).intercept + (options.prior ?? DEFAULT_MODEL).weights.reduce((sum, wj, j) => sum + wj * mean[j], 0)]; // w[k] is the intercept
  const m = new Array<number>(k + 1).fill(0);
  const v = new Array<number>(k + 1).fill(0);
  const rate = 0.05;
  for (let t = 1; t <= iterations; t += 1) {
    if (t % 10 === 0 && options.hooks?.cancelled?.()) throw new FitCancelled();
    options.hooks?.iteration?.();
    const grad = new Array<number>(k + 1).fill(0);
    for (let i = 0; i < n; i += 1) {
      let z = w[k];
      const xi = x[i];
      for (let j = 0; j < k; j += 1) z += w[j] * xi[j];
      const error = sw[i] * (1 / (1 + Math.exp(-z)) - labels[i]);
      for (let j = 0; j < k; j += 1) grad[j] += error * xi[j];
      grad[k] += error;
    }
    for (let j = 0; j <= k; j += 1) {
      const g = grad[j] / total + (j < k ? lambda * (w[j] - prior[j]) : 0);
      m[j] = 0.9 * m[j] + 0.1 * g;
      v[j] = 0.999 * v[j] + 0.001 * g * g;
      w[j] -= (rate * (m[j] / (1 - 0.9 ** t))) / (Math.sqrt(v[j] / (1 - 0.999 ** t)) + 1e-8);
      // Each factor keeps the direction the defaults give it (or drops to 0): more days past due
      // never lowers a score, however the factors happen to overlap in one book's history.
      if (j < k && prior[j] * w[j] < 0) w[j] = 0;
    }
  }
  // Back to weights on the raw factors, so a contribution is weight × the value the UI explains.
  const weights = w.slice(0, k).map((wj, j) => wj / sd[j]);
  const intercept = w[k] - weights.reduce((sum, wj, j) => sum + wj * mean[j], 0);
  return { source: 'fitted', intercept, weights, trainedOn: n };
}

/**
 * Half-life, in days, of a training invoice's weight: the book's recent behaviour predicts the next
 * invoices best, but a small book (a hundred clients) needs half a year of invoices to fit fifteen
 * weights; at 60 days its fit was mostly noise and lost to the defaults.
 */
export const TRAINING_HALF_LIFE_DAYS = 180;

export function recencyWeight(issueDate: string, fittedOn: string): number {
  return 0.5 ** Math.max(0, (dayNumber(fittedOn) - dayNumber(issueDate)) / TRAINING_HALF_LIFE_DAYS);
}

export interface LabelledInvoice {
  values: number[];
  /** 1: paid after its due date or not at all. */
  label: number;
  issueDate: string;
}

export interface FitChoice {
  model: RiskModel;
  /** AUC of the defaults and of the fit on the most recent fifth of the examples, held out; null when there were too few to fit. */
  holdout: { defaultAuc: number; fittedAuc: number } | null;
}

/**
 * The book's own weights, but only when they earn it: fitted on the older four fifths of the labelled
 * invoices, they must rank the newest fifth better than the defaults do; then they are refitted on all.
 * A book whose past does not predict its present (a change of customers, of terms) keeps the defaults.
 */
export function chooseModel(examples: readonly LabelledInvoice[], fittedOn: string, hooks?: FitHooks): FitChoice {
  if (examples.length < MIN_LABELLED_FOR_FIT) return { model: DEFAULT_MODEL, holdout: null };
  const sorted = [...examples].sort((a, b) => (a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : 0));
  const split = Math.floor(sorted.length * 0.8);
  const older = sorted.slice(0, split);
  const newer = sorted.slice(split);
  const weightsOf = (rows: readonly LabelledInvoice[], on: string) => rows.map((e) => recencyWeight(e.issueDate, on));
  const trial = fitModel(older.map((e) => e.values), older.map((e) => e.label), { sampleWeights: weightsOf(older, older[older.length - 1].issueDate), hooks });
  const newerLabels = newer.map((e) => e.label);
  const defaultAuc = auc(newer.map((e) => linearScore(DEFAULT_MODEL, e.values)), newerLabels);
  const fittedAuc = trial ? auc(newer.map((e) => linearScore(trial, e.values)), newerLabels) : Number.NaN;
  const holdout = { defaultAuc, fittedAuc };
  if (!(fittedAuc > defaultAuc)) return { model: DEFAULT_MODEL, holdout };
  const model = fitModel(sorted.map((e) => e.values), sorted.map((e) => e.label), { sampleWeights: weightsOf(sorted, fittedOn), hooks });
  return { model: model ?? DEFAULT_MODEL, holdout };
}
