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
  return wilsonScore(count / n, n, z);
}

/**
 * The Wilson score interval of a rate at a sample size that need not be whole (an effective size, as
 * statistics/cluster-share-interval.ts uses); at a rate of 0 or 1 the bound is exactly 0 or 1.
 */
export function wilsonScore(rate: number, n: number, z = Z95): RateInterval {
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (rate + z2 / (2 * n)) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt((rate * (1 - rate)) / n + z2 / (4 * n * n));
  // The subtraction would leave rounding noise at the ends.
  return {
    rate,
    ciLow: rate === 0 ? 0 : Math.max(0, centre - halfWidth),
    ciHigh: rate === 1 ? 1 : Math.min(1, centre + halfWidth),
  };
}
