/**
 * The median of values that come in clusters — each underlying problem's relationship time before it
 * surfaced, grouped by case — with a 95% percentile bootstrap interval that resamples whole clusters.
 * Problems of one case share its sessions, so they are not independent; drawing cases (with all their
 * problems) keeps that dependence in every replicate, where drawing problems one by one would give too
 * narrow an interval. Drawn from a seeded generator, so the same clusters always give the same interval.
 */
import { Random } from '../../interchange/prng.js';
import { percentileFromCounts, type ValueCount } from './percentile.js';

export const CLUSTER_BOOTSTRAP = { seed: 15, replicates: 500 } as const;

export interface ClusterMedian {
  /** Values (problems) counted. */
  n: number;
  /** Clusters (cases) they came in. */
  clusters: number;
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

/** The median (linear interpolation, as PostgreSQL's percentile_cont) of every value of `clusters`. */
function pooledMedian(clusters: readonly (readonly number[])[], pick: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const i of pick) for (const v of clusters[i]) counts.set(v, (counts.get(v) ?? 0) + 1);
  const rows: ValueCount[] = [...counts].map(([value, n]) => ({ value, n }));
  return percentileFromCounts(rows, 0.5);
}

export function clusterMedian(
  clusters: readonly (readonly number[])[],
  options: { seed?: number; replicates?: number } = {},
): ClusterMedian {
  const { seed = CLUSTER_BOOTSTRAP.seed, replicates = CLUSTER_BOOTSTRAP.replicates } = options;
  const kept = clusters.filter((c) => c.length > 0);
  const n = kept.reduce((total, c) => total + c.length, 0);
  const all = kept.map((_, i) => i);
  const value = pooledMedian(kept, all);
  // Fewer than two cases: nothing to resample between, so no interval.
  if (kept.length < 2) return { n, clusters: kept.length, value, ciLow: null, ciHigh: null };
  const medians: number[] = [];
  for (let r = 0; r < replicates; r++) {
    const random = new Random(seed, r, 0);
    const pick = all.map(() => random.int(kept.length));
    medians.push(pooledMedian(kept, pick)!);
  }
  const sorted = medians.map((m) => ({ value: m, n: 1 }));
  return {
    n,
    clusters: kept.length,
    value,
    ciLow: percentileFromCounts(sorted, 0.025),
    ciHigh: percentileFromCounts(sorted, 0.975),
  };
}
