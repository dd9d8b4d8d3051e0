import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { meanFromCounts, percentileFromCounts } from './percentile.js';

/** Straight from the definition, over the list of every case's value. */
function percentileOfList(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const [lo, hi] = [Math.floor(position), Math.ceil(position)];
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
}

const histogram = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, n]) => ({ value, n }));
};

describe('percentileFromCounts', () => {
  it('gives the textbook answers', () => {
    expect(percentileFromCounts(histogram([1, 2, 3, 4]), 0.5)).toBe(2.5);
    expect(percentileFromCounts(histogram([1, 2, 3, 4]), 0.25)).toBe(1.75);
    expect(percentileFromCounts(histogram([7]), 0.75)).toBe(7);
    expect(
      percentileFromCounts(
        [
          { value: 10, n: 3 },
          { value: 20, n: 1 },
        ],
        0.5,
      ),
    ).toBe(10);
    expect(percentileFromCounts([], 0.5)).toBeNull();
    expect(percentileFromCounts([{ value: 3, n: 0 }], 0.5)).toBeNull();
  });

  it('equals the percentile of the full list for any values and any p', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 2000 }), { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (values, p) => {
          expect(percentileFromCounts(histogram(values), p)).toBeCloseTo(percentileOfList(values, p), 9);
        },
      ),
    );
  });

  it('averages with the counts as weights', () => {
    expect(
      meanFromCounts([
        { value: 10, n: 3 },
        { value: 20, n: 1 },
      ]),
    ).toBe(12.5);
    expect(meanFromCounts([])).toBeNull();
  });
});
