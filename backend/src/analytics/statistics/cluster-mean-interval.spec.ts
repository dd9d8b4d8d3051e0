/** The cluster-robust mean interval against statsmodels (OLS on a constant, cov_type='cluster', use_t). */
import { describe, expect, it } from '@jest/globals';
import { clusterMeanInterval, clusterSums } from './cluster-mean-interval.js';
import { clusterMeanReference } from './fixtures/cluster-mean-reference.js';
import { meanInterval } from './mean-interval.js';

describe('cluster-robust mean interval', () => {
  it('gives the mean and interval statsmodels gives, from per-cluster sums', () => {
    expect(clusterMeanReference.samples.length).toBeGreaterThanOrEqual(4);
    for (const sample of clusterMeanReference.samples) {
      const got = clusterMeanInterval(clusterSums(sample.values));
      const n = sample.values.length;
      expect({ n, value: got.value, ciLow: got.ciLow, ciHigh: got.ciHigh }).toEqual({
        n,
        value: expect.closeTo(sample.mean, 8),
        ciLow: expect.closeTo(sample.ciLow, 6),
        ciHigh: expect.closeTo(sample.ciHigh, 6),
      });
    }
  });

  it('is wider than the interval that treats clustered values as independent', () => {
    for (const sample of clusterMeanReference.samples.slice(1)) {
      const values = sample.values.map((v) => v.value);
      const naive = meanInterval({
        n: values.length,
        sum: values.reduce((a, b) => a + b, 0),
        sumsq: values.reduce((a, b) => a + b * b, 0),
      });
      expect(naive.ciLow).toBeCloseTo(sample.naiveCiLow, 6);
      const got = clusterMeanInterval(clusterSums(sample.values));
      expect((got.ciHigh ?? 0) - (got.ciLow ?? 0)).toBeGreaterThan((naive.ciHigh ?? 0) - (naive.ciLow ?? 0));
    }
  });

  it('has no mean with no values and no interval with one cluster', () => {
    expect(clusterMeanInterval(clusterSums([]))).toEqual({ value: null, ciLow: null, ciHigh: null });
    expect(
      clusterMeanInterval(
        clusterSums([
          { cluster: 'a', value: 10 },
          { cluster: 'a', value: 30 },
        ]),
      ),
    ).toEqual({ value: 20, ciLow: null, ciHigh: null });
  });
});
