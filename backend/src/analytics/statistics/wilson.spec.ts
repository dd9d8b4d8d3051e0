import { describe, expect, it } from '@jest/globals';
import { reference } from './fixtures/reference.js';
import { wilsonInterval, Z95 } from './wilson.js';

describe(wilsonInterval.name, () => {
  it('uses the same 95% normal quantile as scipy', () => {
    expect(Z95).toBe(reference.z95);
  });

  it.each(reference.wilson)('matches statsmodels proportion_confint(method="wilson") for $count/$n', (c) => {
    const result = wilsonInterval(c.count, c.n);
    expect(result.rate).toBe(c.count / c.n);
    expect(result.ciLow).toBeCloseTo(c.ciLow, 12);
    expect(result.ciHigh).toBeCloseTo(c.ciHigh, 12);
  });

  it('gives exactly 0 and 1 as the outer bounds at 0/n and n/n', () => {
    expect(wilsonInterval(0, 25).ciLow).toBe(0);
    expect(wilsonInterval(25, 25).ciHigh).toBe(1);
  });

  it('returns null rate and interval when there are no cases', () => {
    expect(wilsonInterval(0, 0)).toEqual({ rate: null, ciLow: null, ciHigh: null });
  });

  it('narrows with a smaller z', () => {
    const wide = wilsonInterval(30, 100);
    const narrow = wilsonInterval(30, 100, 1);
    expect(narrow.ciLow!).toBeGreaterThan(wide.ciLow!);
    expect(narrow.ciHigh!).toBeLessThan(wide.ciHigh!);
  });

  it.each([
    [-1, 10],
    [11, 10],
    [1.5, 10],
    [Number.NaN, 10],
  ])('rejects %p out of %p', (count, n) => {
    expect(() => wilsonInterval(count, n)).toThrow(RangeError);
  });
});
