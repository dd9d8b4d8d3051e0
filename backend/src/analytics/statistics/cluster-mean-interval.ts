/**
 * A mean over values that come in clusters — each underlying problem's relationship time before it
 * surfaced, grouped by case — with a cluster-robust 95% interval, from per-cluster sums alone, so the
 * summary can read it from roll-ups. With S_c the sum and n_c the count of cluster c's values, N = Σ n_c,
 * G clusters and mean m = Σ S_c ÷ N, the variance of m is the sandwich (CR1) estimate
 *   V = G ÷ (G − 1) × Σ_c (S_c − n_c·m)² ÷ N²,  expanded as  Σ S_c² − 2m Σ n_c·S_c + m² Σ n_c²,
 * and the interval is m ± t(0.975, G − 1) × √V: what statsmodels' OLS on a constant gives with
 * cov_type='cluster' and use_t (docs/measures.md). Problems of one case share its sessions, so treating
 * them as independent would give too narrow an interval.
 */
import { studentT975, type MeanInterval } from './mean-interval.js';

export interface ClusterSums {
  /** N: values counted. */
  n: number;
  /** Σ S_c: their sum. */
  sum: number;
  /** G: clusters with at least one value. */
  clusters: number;
  /** Σ S_c². */
  clusterSumSq: number;
  /** Σ n_c·S_c. */
  clusterCrossSum: number;
  /** Σ n_c². */
  clusterCountSq: number;
}

export function clusterMeanInterval(s: ClusterSums): MeanInterval {
  if (s.n === 0) return { value: null, ciLow: null, ciHigh: null };
  const mean = s.sum / s.n;
  if (s.clusters < 2) return { value: mean, ciLow: null, ciHigh: null };
  // Rounding can leave a tiny negative sum of squares when every cluster's values are the same.
  const squares = Math.max(0, s.clusterSumSq - 2 * mean * s.clusterCrossSum + mean * mean * s.clusterCountSq);
  const variance = ((s.clusters / (s.clusters - 1)) * squares) / (s.n * s.n);
  const half = studentT975(s.clusters - 1) * Math.sqrt(variance);
  return { value: mean, ciLow: mean - half, ciHigh: mean + half };
}

/** The same sums from each value with its cluster's key (for tests and the straightforward path). */
export function clusterSums(values: ReadonlyArray<{ cluster: string; value: number }>): ClusterSums {
  const byCluster = new Map<string, { n: number; sum: number }>();
  for (const { cluster, value } of values) {
    const c = byCluster.get(cluster) ?? { n: 0, sum: 0 };
    c.n += 1;
    c.sum += value;
    byCluster.set(cluster, c);
  }
  const sums: ClusterSums = { n: 0, sum: 0, clusters: 0, clusterSumSq: 0, clusterCrossSum: 0, clusterCountSq: 0 };
  for (const c of byCluster.values()) {
    sums.n += c.n;
    sums.sum += c.sum;
    sums.clusters += 1;
    sums.clusterSumSq += c.sum * c.sum;
    sums.clusterCrossSum += c.n * c.sum;
    sums.clusterCountSq += c.n * c.n;
  }
  return sums;
}
