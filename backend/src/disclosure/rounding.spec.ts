import { describe, expect, it } from '@jest/globals';
import {
  MIN_RATE_N,
  bandGroupLabel,
  mergeSmallBands,
  pinnedByBounds,
  rateOfRounded,
  roundFigures,
  roundToBase,
  roundedRange,
  roundedRates,
} from './rounding.js';

describe('rounding to base', () => {
  it('rounds to the nearest 5, halves up, and a rounded figure stands for five true counts', () => {
    expect([0, 1, 2, 3, 4, 5, 7, 8, 12, 13, 84].map((x) => roundToBase(x, 5))).toEqual([
      0, 0, 0, 5, 5, 5, 5, 10, 10, 15, 85,
    ]);
    expect(roundedRange(0, 5)).toEqual([0, 2]);
    expect(roundedRange(5, 5)).toEqual([3, 7]);
    expect(roundedRange(10, 10)).toEqual([5, 14]);
    for (let x = 0; x < 60; x++) {
      const [low, high] = roundedRange(roundToBase(x, 5), 5);
      expect(x >= low && x <= high).toBe(true);
    }
  });

  it('gives rates and intervals from the rounded count and n only', () => {
    // 43 of 45 and 44 of 45 give the same published rate: the complement (1 or 2) is not readable.
    expect(rateOfRounded(roundToBase(43, 5), roundToBase(45, 5))).toEqual(
      rateOfRounded(roundToBase(44, 5), roundToBase(45, 5)),
    );
    const r = rateOfRounded(45, 45);
    expect(r.rate).toBe(1);
    expect(r.ciHigh).toBe(1);
    expect(r.ciLow).toBeGreaterThan(0.9);
    expect(rateOfRounded(5, 5).rate).toBeNull(); // below MIN_RATE_N
  });
});

describe('bounds check', () => {
  it('finds the four cells of 3 beside a total rounded on its own', () => {
    // cells 3,3,3,3 shown 5 each; total 12 shown 10: 4 × 3 = 12 = the total's upper bound.
    expect(pinnedByBounds([[...Array(4)].map(() => roundedRange(5, 5)), [roundedRange(roundToBase(12, 5), 5)]])).toBe(
      true,
    );
    expect(pinnedByBounds([[...Array(4)].map(() => roundedRange(5, 5)), [roundedRange(15, 5)]])).toBe(false);
  });

  it('rounds categories coarser when bands and categories together would pin a band', () => {
    // A category filter leaves one category (the others are known to be 0): bands 3,3,3,3,0 and the
    // category 12 would pin every band at 3 at base 5.
    const figures = roundFigures([{ byBand: [3, 3, 3, 3, 0], byCategory: [12, 0, 0] }], 5, [false, true, true]);
    expect(figures[0].byBand).toEqual([5, 5, 5, 5, 0]);
    expect(figures[0].total).toBe(20);
    expect(figures[0].categoryBase).toBe(10);
    expect(figures[0].byCategory).toEqual([10, 0, 0]);
  });
});

describe('band merging', () => {
  it('keeps bands with enough cases and merges a small top band into "4 h and over"', () => {
    expect(mergeSmallBands([85, 60, 50, 80, 45]).map((g) => g.label)).toEqual([
      '< 1 h',
      '1–2 h',
      '2–4 h',
      '4–8 h',
      '≥ 8 h',
    ]);
    const merged = mergeSmallBands([85, 60, 50, 20, 5]);
    expect(merged.map((g) => g.label)).toEqual(['< 1 h', '1–2 h', '2–4 h', '4 h and over']);
    expect(mergeSmallBands([5, 60, 50, 20, 15]).map((g) => g.label)).toEqual(['under 2 h', '2–4 h', '4–8 h', '≥ 8 h']);
    expect(mergeSmallBands([0, 0, 5, 0, 0]).map((g) => g.label)).toEqual(['All relationship times']);
    expect(bandGroupLabel(1, 2)).toBe('1–4 h');
  });

  it('gives every band a rate when each holds at least 20 cases, however good the outcomes', () => {
    const n = [84, 21, 33, 79, 45];
    const t = roundedRates({ byBand: n, byCategory: [262] }, { byBand: n, byCategory: [262] }, 5);
    expect(t.groups).toHaveLength(5);
    for (const g of t.groups) {
      expect(g.rate).toBe(1);
      expect(g.ciLow).not.toBeNull();
    }
    expect(t.overall.n).toBe(85 + 20 + 35 + 80 + 45);
    expect(t.groups.every((g) => g.n >= MIN_RATE_N)).toBe(true);
  });
});
