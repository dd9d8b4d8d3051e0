import { describe, expect, it } from '@jest/globals';
import { clusterMedian } from './cluster-median.js';

describe('clusterMedian', () => {
  it('takes the median of every value, interpolating between the middle two', () => {
    // Pooled and sorted: 1 2 3 10 20 30 → (3 + 10) / 2.
    expect(clusterMedian([[2, 1], [3], [30, 10, 20], []]).value).toBe(6.5);
    expect(clusterMedian([[5, 7, 9]])).toEqual({ n: 3, clusters: 1, value: 7, ciLow: null, ciHigh: null });
    expect(clusterMedian([])).toEqual({ n: 0, clusters: 0, value: null, ciLow: null, ciHigh: null });
  });

  it('gives the same interval for the same clusters, and brackets the median', () => {
    const clusters = Array.from({ length: 60 }, (_, i) => [((i * 37) % 97) + 10, ((i * 53) % 89) + 5]);
    const once = clusterMedian(clusters);
    expect(clusterMedian(clusters)).toEqual(once);
    expect(once.ciLow!).toBeLessThanOrEqual(once.value!);
    expect(once.ciHigh!).toBeGreaterThanOrEqual(once.value!);
    expect(once.ciHigh! - once.ciLow!).toBeGreaterThan(0);
  });

  it('resamples whole cases: ten copies of each case’s value add no information', () => {
    const values = Array.from({ length: 40 }, (_, i) => ((i * 71) % 113) + 15);
    const single = clusterMedian(values.map((v) => [v]));
    const copied = clusterMedian(values.map((v) => Array.from({ length: 10 }, () => v)));
    // The same cases drawn in every replicate, each weighing ten: the same medians, the same interval.
    expect({ ...copied, n: 0 }).toEqual({ ...single, n: 0 });
    expect(copied.n).toBe(400);
    // Treating the 400 copies as independent problems would claim a much narrower interval.
    const naive = clusterMedian(values.flatMap((v) => Array.from({ length: 10 }, () => [v])));
    expect(naive.ciHigh! - naive.ciLow!).toBeLessThan((single.ciHigh! - single.ciLow!) / 2);
  });
});
