// What one invoice line comes to. Quantities are thousandths (1 month = 1000, 12.5 GB = 12500) so
// metered usage stays exact; each line is rounded once, half away from zero (rounding.ts).
import { divideRounded } from './rounding.js';

export type TaxMode = 'exclusive' | 'inclusive';

export interface LineAmounts {
  net: number;
  tax: number;
  total: number;
}

/**
 * Tax-exclusive prices: net = quantity × price, tax = net × rate.
 * Tax-inclusive prices: total = quantity × price, net = total ÷ (1 + rate), tax = total − net.
 */
export function lineAmounts(quantityMilli: number, unitPriceMinor: number, taxRateBp: number, mode: TaxMode): LineAmounts {
  const priced = divideRounded(BigInt(quantityMilli) * BigInt(unitPriceMinor), 1000n);
  if (mode === 'exclusive') {
    const tax = divideRounded(BigInt(priced) * BigInt(taxRateBp), 10_000n);
    return { net: priced, tax, total: priced + tax };
  }
  const net = divideRounded(BigInt(priced) * 10_000n, BigInt(10_000 + taxRateBp));
  return { net, tax: priced - net, total: priced };
}

/** Shares of `amount` in proportion to `weights`, exact to the minor unit (largest remainder). */
export function splitProportionally(amount: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const exact = weights.map((w) => (BigInt(amount) * BigInt(w)) / BigInt(sum));
  const shares = exact.map(Number);
  let left = amount - shares.reduce((a, b) => a + b, 0);
  const order = weights
    .map((w, i) => ({ i, remainder: Number((BigInt(amount) * BigInt(w)) % BigInt(sum)) }))
    .sort((a, b) => b.remainder - a.remainder || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i]! += 1;
    left -= 1;
  }
  return shares;
}
