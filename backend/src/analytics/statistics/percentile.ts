/** A value and how many cases have it: a histogram row, as SQL `GROUP BY value` returns it. */
export interface ValueCount {
  value: number;
  n: number;
}

/**
 * The p-th percentile by linear interpolation between order statistics — the same as
 * PostgreSQL's percentile_cont — from a histogram, so the database can count values with a
 * parallel hash aggregate instead of sorting every case. Null when there are no cases.
 */
export function percentileFromCounts(counts: readonly ValueCount[], p: number): number | null {
  if (p < 0 || p > 1) throw new RangeError(`percentile must be between 0 and 1, got ${p}`);
  const sorted = counts.filter((c) => c.n > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, c) => sum + c.n, 0);
  if (total === 0) return null;
  const position = p * (total - 1);
  const lower = valueAt(sorted, Math.floor(position));
  const upper = valueAt(sorted, Math.ceil(position));
  return lower + (upper - lower) * (position - Math.floor(position));
}

/** The value of the k-th case (0-based) in sorted order. */
function valueAt(sorted: readonly ValueCount[], k: number): number {
  let seen = 0;
  for (const c of sorted) {
    seen += c.n;
    if (k < seen) return c.value;
  }
  return sorted[sorted.length - 1].value;
}

/** The mean, summed in value order so the same histogram gives the same bits whatever order its rows came in. */
export function meanFromCounts(counts: readonly ValueCount[]): number | null {
  const sorted = [...counts].sort((a, b) => a.value - b.value || a.n - b.n);
  const total = sorted.reduce((sum, c) => sum + c.n, 0);
  return total === 0 ? null : sorted.reduce((sum, c) => sum + c.value * c.n, 0) / total;
}
