/**
 * A share of items that come in clusters — underlying problems by what was done or by their own result,
 * grouped by case — with a 95% interval that allows for the items of one cluster being alike (problems of
 * one case share its client, adviser and sessions, so treating them as independent, as a plain Wilson
 * interval over problems does, gives too narrow an interval). With the group's share p = Σ S_c ÷ N (S_c the
 * cluster's items in the group, n_c all its items, G clusters):
 *   - V is the cluster-robust (CR1) variance of p, the mean of a 0/1 indicator: cluster-mean-interval.ts's
 *     G ÷ (G − 1) × Σ_c (S_c − n_c·p)² ÷ N², what statsmodels' OLS on a constant gives with cov_type='cluster';
 *   - the design effect d = V ÷ (p(1 − p) ÷ N), at least 1. Where p is 0 or 1, V is 0 and says nothing about
 *     how alike a cluster's items are, so d is the most it can be, Σ n_c² ÷ N (every cluster's items alike);
 *   - the interval is Wilson's at the effective size N ÷ d, with t(0.975, G − 1) in place of z (Korn and
 *     Graubard's degrees-of-freedom adjustment, as the cluster mean uses t with G − 1): it stays within 0–1,
 *     and is never narrower than the plain Wilson interval over items.
 * Checked against statsmodels in cluster-share-interval.spec.ts (fixtures/make-cluster-share-fixtures.py).
 */
import type { ClusterSums } from './cluster-mean-interval.js';
import { studentT975 } from './mean-interval.js';
import { Z95, wilsonScore, type RateInterval } from './wilson.js';

/** The design effect of a share (≥ 1), or null with fewer than two clusters. `sum` is the group's items. */
export function clusterDesignEffect(s: ClusterSums): number | null {
  if (s.n === 0 || s.clusters < 2) return null;
  const p = s.sum / s.n;
  if (p <= 0 || p >= 1) return Math.max(1, s.clusterCountSq / s.n);
  // Rounding can leave a tiny negative sum of squares when every cluster sits exactly at p.
  const squares = Math.max(0, s.clusterSumSq - 2 * p * s.clusterCrossSum + p * p * s.clusterCountSq);
  const variance = ((s.clusters / (s.clusters - 1)) * squares) / (s.n * s.n);
  return Math.max(1, (variance * s.n) / (p * (1 - p)));
}

/**
 * The share with its cluster-robust Wilson interval; `designEffect` may be given (a published, coarsened
 * one, as the pack's) in place of the sums' own, and `z` in place of t(G − 1) where G is not published.
 */
export function clusterShareInterval(
  s: ClusterSums,
  designEffect = clusterDesignEffect(s),
  z = s.clusters >= 2 ? studentT975(s.clusters - 1) : Z95,
): RateInterval {
  if (s.n === 0) return { rate: null, ciLow: null, ciHigh: null };
  const rate = s.sum / s.n;
  if (designEffect === null) return { rate, ciLow: null, ciHigh: null };
  return wilsonScore(rate, s.n / designEffect, z);
}

/**
 * Per group, the cluster sums of items grouped two ways: `cluster` and `group` per item (for tests and the
 * straightforward path). Every group shares the clusters' n_c, so Σ n_c² and G are the same for each.
 */
export function clusterShareSums(
  items: ReadonlyArray<{ cluster: string; group: string }>,
  groups: readonly string[],
): ClusterSums[] {
  const byCluster = new Map<string, Map<string, number>>();
  for (const { cluster, group } of items) {
    const c = byCluster.get(cluster) ?? new Map<string, number>();
    c.set(group, (c.get(group) ?? 0) + 1);
    byCluster.set(cluster, c);
  }
  const sizes = [...byCluster.values()].map((c) => [...c.values()].reduce((a, b) => a + b, 0));
  return groups.map((group) => {
    const inGroup = [...byCluster.values()].map((c) => c.get(group) ?? 0);
    return {
      n: items.length,
      sum: inGroup.reduce((a, b) => a + b, 0),
      clusters: byCluster.size,
      clusterSumSq: inGroup.reduce((a, x) => a + x * x, 0),
      clusterCrossSum: inGroup.reduce((a, x, k) => a + sizes[k] * x, 0),
      clusterCountSq: sizes.reduce((a, x) => a + x * x, 0),
    };
  });
}
