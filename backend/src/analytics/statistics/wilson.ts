/** Two-sided 95% standard normal quantile, used for the Wilson and Wald intervals. */
export const Z95 = 1.959963984540054;

export interface RateInterval {
  rate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** Rate count/n with its Wilson score interval (docs/measures.md); rate and interval are null when n = 0. */
export function wilsonInterval(count: number, n: number, z = Z95): RateInterval {
  if (!Number.isInteger(count) || !Number.isInteger(n) || count < 0 || count > n) {
    throw new RangeError(`wilsonInterval needs whole numbers 0 ≤ count ≤ n, got ${count}/${n}`);
  }
  if (n === 0) return { rate: null, ciLow: null, ciHigh: null };
  const rate = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (rate + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n));
  // At 0/n and n/n the bound is exactly 0 or 1; the subtraction would leave rounding noise.
  return {
    rate,
    ciLow: count === 0 ? 0 : Math.max(0, centre - halfWidth),
    ciHigh: count === n ? 1 : Math.min(1, centre + halfWidth),
  };
}
