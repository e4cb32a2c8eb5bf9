// What recorded usage comes to under a contract's price tiers (`upTo` units at `unitPriceMinor`;
// the last tier may have no limit). Quantities are thousandths of a unit, like invoice lines.
//
//   metered (graduated): every unit at the price of the tier it falls in — the first 100 GB at
//     the first tier's price, the next ones at the second's, and so on; one line per tier used.
//   tiered (volume): all units at the price of the tier the total reaches — 150 GB with a tier
//     "up to 200 GB" means 150 GB at that tier's price; one line.
// Usage beyond the last tier's limit is priced at the last tier. Each line is rounded once.
import type { Contract } from '../domain/contract.js';

export type PriceTier = NonNullable<Contract['tiers']>[number];

export interface UsageCharge {
  /** 1-based position of the tier, in ascending order of limits. */
  tier: number;
  quantityMilli: number;
  unitPriceMinor: number;
}

/** Tiers in ascending order of their limits; the unlimited one last. */
const ordered = (tiers: readonly PriceTier[]) => [...tiers].sort((a, b) => (a.upTo ?? Infinity) - (b.upTo ?? Infinity));

export function usageCharges(model: 'tiered' | 'metered', tiers: readonly PriceTier[], quantityMilli: number): UsageCharge[] {
  const sorted = ordered(tiers);
  if (quantityMilli <= 0 || sorted.length === 0) return [];
  if (model === 'tiered') {
    const index = sorted.findIndex((t) => t.upTo === null || quantityMilli <= t.upTo * 1000);
    const tier = index === -1 ? sorted.length - 1 : index;
    return [{ tier: tier + 1, quantityMilli, unitPriceMinor: sorted[tier]!.unitPriceMinor }];
  }
  const charges: UsageCharge[] = [];
  let below = 0;
  sorted.forEach((t, i) => {
    const last = i === sorted.length - 1;
    const limit = last || t.upTo === null ? quantityMilli : Math.min(quantityMilli, t.upTo * 1000);
    if (limit > below) charges.push({ tier: i + 1, quantityMilli: limit - below, unitPriceMinor: t.unitPriceMinor });
    below = Math.max(below, limit);
  });
  return charges;
}
