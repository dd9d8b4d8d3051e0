/** The cluster-robust share interval against statsmodels (OLS cluster variance, Wilson at the effective size). */
import { describe, expect, it } from '@jest/globals';
import { clusterDesignEffect, clusterShareInterval, clusterShareSums } from './cluster-share-interval.js';
import { clusterShareReference } from './fixtures/cluster-share-reference.js';
import { wilsonInterval } from './wilson.js';

const GROUPS = ['0', '1', '2', '3'];
const sumsOf = (sample: (typeof clusterShareReference.samples)[number]) =>
  clusterShareSums(
    sample.items.map((i) => ({ cluster: i.cluster, group: String(i.group) })),
    GROUPS,
  );

describe('cluster-robust share interval', () => {
  it('gives the design effect and interval statsmodels gives, from per-cluster sums', () => {
    expect(clusterShareReference.samples.length).toBeGreaterThanOrEqual(4);
    let zeros = 0;
    let above = 0;
    for (const sample of clusterShareReference.samples) {
      sumsOf(sample).forEach((sums, k) => {
        const want = sample.groups[k];
        const got = clusterShareInterval(sums);
        expect({ group: k, count: sums.sum, rate: got.rate }).toEqual({
          group: k,
          count: want.count,
          rate: expect.closeTo(want.share, 12),
        });
        expect(clusterDesignEffect(sums)).toBeCloseTo(want.designEffect, 8);
        expect(got.ciLow).toBeCloseTo(want.ciLow, 8);
        expect(got.ciHigh).toBeCloseTo(want.ciHigh, 8);
        if (want.count === 0) zeros += 1;
        if (want.designEffect > 1.2) above += 1;
      });
    }
    // The samples cover a share of 0 (the all-alike bound) and clusters whose items are clearly alike.
    expect(zeros).toBeGreaterThan(0);
    expect(above).toBeGreaterThan(3);
  });

  it('is never narrower than the plain Wilson interval over items, and wider where items are alike', () => {
    for (const sample of clusterShareReference.samples) {
      sumsOf(sample).forEach((sums, k) => {
        const want = sample.groups[k];
        const naive = wilsonInterval(sums.sum, sums.n);
        expect(naive.ciLow).toBeCloseTo(want.naiveCiLow, 8);
        expect(naive.ciHigh).toBeCloseTo(want.naiveCiHigh, 8);
        const got = clusterShareInterval(sums);
        expect(got.ciLow!).toBeLessThanOrEqual(naive.ciLow! + 1e-12);
        expect(got.ciHigh!).toBeGreaterThanOrEqual(naive.ciHigh! - 1e-12);
        if (want.designEffect > 1.2) expect(got.ciHigh! - got.ciLow!).toBeGreaterThan(naive.ciHigh! - naive.ciLow!);
      });
    }
  });

  it('has no share with no items and no interval with one cluster; takes a given design effect', () => {
    const one = clusterShareSums(
      [
        { cluster: 'a', group: 'x' },
        { cluster: 'a', group: 'y' },
      ],
      ['x'],
    )[0];
    expect(clusterShareInterval(one)).toEqual({ rate: 0.5, ciLow: null, ciHigh: null });
    expect(clusterShareInterval({ ...one, n: 0, sum: 0 })).toEqual({ rate: null, ciLow: null, ciHigh: null });
    const sums = sumsOf(clusterShareReference.samples[3])[0];
    const wider = clusterShareInterval(sums, 4);
    const own = clusterShareInterval(sums);
    expect(wider.ciHigh! - wider.ciLow!).toBeGreaterThan(own.ciHigh! - own.ciLow!);
  });
});
