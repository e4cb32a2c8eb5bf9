// THE rounding rule of HostLedger's money (DESIGN §3): amounts are integer minor units; every
// computed amount is rounded once, per invoice line, half away from zero. Products are taken in
// BigInt so a large quantity times a large price never loses a cent to floating point.

/** numerator ÷ denominator rounded half away from zero: 5/2 → 3, −5/2 → −3, 4/3 → 1. */
export function divideRounded(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = (n * 2n + d) / (d * 2n);
  const result = Number(negative ? -quotient : quotient);
  if (!Number.isSafeInteger(result)) throw new RangeError('amount out of range');
  return result;
}

/** a × b ÷ c, rounded half away from zero. */
export const mulDiv = (a: number, b: number, c: number): number => divideRounded(BigInt(a) * BigInt(b), BigInt(c));
