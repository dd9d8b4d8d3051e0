/** The mean interval against scipy (scipy.stats.t.ppf and a hand-run t interval). */
import { describe, expect, it } from '@jest/globals';
import { meanInterval, studentT975 } from './mean-interval.js';

describe('mean interval', () => {
  it('gives the t quantile scipy gives', () => {
    // scipy.stats.t.ppf(0.975, df)
    const scipy: Array<[number, number]> = [
      [1, 12.7062047362],
      [2, 4.3026527297],
      [3, 3.1824463053],
      [5, 2.5705818356],
      [10, 2.228138852],
      [30, 2.0422724563],
      [100, 1.9839715185],
      [1000, 1.9623390808],
    ];
    for (const [df, t] of scipy) expect({ df, t: studentT975(df) }).toEqual({ df, t: expect.closeTo(t, 8) });
  });

  it('gives the t interval scipy gives for a small sample', () => {
    const x = [3, 5, 4, 4, 2, 5, 1, 4];
    const got = meanInterval({
      n: x.length,
      sum: x.reduce((a, b) => a + b, 0),
      sumsq: x.reduce((a, b) => a + b * b, 0),
    });
    // numpy/scipy: mean ± t.ppf(0.975, 7) × std(ddof=1) / √8
    expect(got.value).toBe(3.5);
    expect(got.ciLow).toBeCloseTo(2.317687874203608, 9);
    expect(got.ciHigh).toBeCloseTo(4.6823121257963916, 9);
  });

  it('has no mean with no values, no interval with one, and a zero-width one when all values agree', () => {
    expect(meanInterval({ n: 0, sum: 0, sumsq: 0 })).toEqual({ value: null, ciLow: null, ciHigh: null });
    expect(meanInterval({ n: 1, sum: 4, sumsq: 16 })).toEqual({ value: 4, ciLow: null, ciHigh: null });
    expect(meanInterval({ n: 3, sum: 6, sumsq: 12 })).toEqual({ value: 2, ciLow: 2, ciHigh: 2 });
  });
});
