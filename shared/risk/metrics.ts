// How well a score ranks and how honest its probabilities are: AUC, KS, Brier, calibration.
// Used by risk:eval and shown when a fit replaces the defaults.

export interface Calibration {
  from: number;
  to: number;
  n: number;
  predicted: number;
  observed: number;
}

/** AUC by ranks (ties share their average rank): the chance a late invoice outranks a paid one. */
export function auc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => i).sort((a, b) => scores[a] - scores[b]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j += 1;
    const rank = (i + j) / 2 + 1;
    for (let r = i; r <= j; r += 1) if (labels[order[r]] === 1) {
      rankSum += rank;
      positives += 1;
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Largest gap between the score distributions of late and paid invoices. */
export function ks(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => i).sort((a, b) => scores[a] - scores[b]);
  const positives = labels.filter((l) => l === 1).length;
  const negatives = labels.length - positives;
  let cumPos = 0;
  let cumNeg = 0;
  let best = 0;
  for (let i = 0; i < order.length; i += 1) {
    if (labels[order[i]] === 1) cumPos += 1;
    else cumNeg += 1;
    const tied = i + 1 < order.length && scores[order[i + 1]] === scores[order[i]];
    if (!tied) best = Math.max(best, Math.abs(cumNeg / negatives - cumPos / positives));
  }
  return best;
}

export function brier(probabilities: readonly number[], labels: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < labels.length; i += 1) sum += (probabilities[i] - labels[i]) ** 2;
  return sum / labels.length;
}

/** Predicted against observed late share, in ten bands of probability. */
export function calibration(probabilities: readonly number[], labels: readonly number[], bins = 10): Calibration[] {
  const table = Array.from({ length: bins }, (_, b) => ({ from: b / bins, to: (b + 1) / bins, n: 0, predicted: 0, observed: 0 }));
  probabilities.forEach((p, i) => {
    const bin = table[Math.min(bins - 1, Math.floor(p * bins))];
    bin.n += 1;
    bin.predicted += p;
    bin.observed += labels[i];
  });
  return table.filter((b) => b.n > 0).map((b) => ({ ...b, predicted: b.predicted / b.n, observed: b.observed / b.n }));
}
