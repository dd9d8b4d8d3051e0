/**
 * A published mean must not tell which true n the rounded n stands for (an exact n beside the closed
 * cases gives the cases not recorded away). The attacker here knows the per-case values are whole
 * steps of the grain (bounce-in 0–3; RQI resting on one item: 0, 25, …, 100) and tries every set of
 * values of every size the rounded n allows: each size must be able to publish the same mean and interval.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { meanStep, publishMean, type MeanScale, type RoundedMean } from './means.js';
import { roundToBase, roundedRange } from './rounding.js';

const BASE = 5;

function published(values: readonly number[], scale: MeanScale, roundedN: number): RoundedMean {
  const sum = values.reduce((a, b) => a + b, 0);
  return publishMean(
    { n: values.length, sum },
    { n: roundedN, nLow: roundedRange(roundedN, BASE)[0], unknown: 0 },
    scale,
  );
}

/** Some multiset of `size` values from `levels` that publishes `target` (depth-first over counts per level). */
function someSetPublishing(size: number, levels: number[], scale: MeanScale, target: RoundedMean): boolean {
  const counts = levels.map(() => 0);
  const search = (k: number, left: number): boolean => {
    if (k === levels.length - 1) {
      counts[k] = left;
      const values = levels.flatMap((v, i) => Array<number>(counts[i]).fill(v));
      const p = published(values, scale, target.n);
      return p.mean === target.mean && p.ciLow === target.ciLow && p.ciHigh === target.ciHigh;
    }
    for (let c = 0; c <= left; c++) {
      counts[k] = c;
      if (search(k + 1, left - c)) return true;
    }
    return false;
  };
  return search(0, size);
}

function everySizeFits(values: number[], levels: number[], scale: MeanScale): boolean {
  const roundedN = roundToBase(values.length, BASE);
  const target = published(values, scale, roundedN);
  if (target.mean === null) return true;
  const [low, high] = roundedRange(roundedN, BASE);
  for (let size = Math.max(1, low); size <= high; size++)
    if (!someSetPublishing(size, levels, scale, target)) return false;
  return true;
}

const BOUNCE_IN: MeanScale = { grain: 1, min: 0, max: 3, finestStep: 0.01 };
const RQI_ONE_ITEM: MeanScale = { grain: 25, min: 0, max: 100, finestStep: 0.1 };

describe('means under rounding', () => {
  it('steps are the first of 1, 2, 5 × 10^k at least the grain over the smallest n', () => {
    expect(meanStep(1 / 8, 0.01)).toBe(0.2);
    expect(meanStep(1 / 18, 0.01)).toBe(0.1);
    expect(meanStep(25 / 8, 0.1)).toBe(5);
    expect(meanStep(25 / 98, 0.1)).toBe(0.5);
    expect(meanStep(0, 0.001)).toBe(0.001);
  });

  it('gives no mean below a rounded n of 10, and rounds the interval outwards', () => {
    expect(published([1, 1, 1, 1, 1, 1], BOUNCE_IN, 5).mean).toBeNull();
    // 20 cases, Σ = 23: the smallest n 20 stands for is 18, so the step is 0.1 (0.1 × 18 ≥ 1).
    const p = published([0, 1, 1, 2, 3, 0, 1, 2, 2, 1, 0, 3, 1, 2, 1, 1, 0, 2, 0, 0], BOUNCE_IN, 20);
    expect(p.step).toBe(0.1);
    expect(p.mean).toBe(1.2);
    // Conservative: t(19) × √((3 − 1.2)(1.2 − 0) × 20/19) ÷ √20 = 0.706, widened to 0.4 and 2.0.
    expect(p.ciLow).toBe(0.4);
    expect(p.ciHigh).toBe(2);
  });

  it('a mean of whole-number values (bounce-in) fits every n the rounded n stands for (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 14 }), (values) =>
        everySizeFits(values, [0, 1, 2, 3], BOUNCE_IN),
      ),
      { numRuns: 60 },
    );
  });

  it('so does RQI when every case rests on a single item (its coarsest grain) (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 25, 50, 75, 100), { minLength: 8, maxLength: 12 }), (values) =>
        everySizeFits(values, [0, 25, 50, 75, 100], RQI_ONE_ITEM),
      ),
      { numRuns: 30 },
    );
  });

  it('a mean to two places would give n away (the test is not toothless)', () => {
    // 14 ÷ 11 = 1.27: no set of 9, 10, 12 or 13 whole numbers has a mean of 1.27 to two places.
    const twoPlaces: MeanScale = { grain: 0, min: 0, max: 3, finestStep: 0.01 };
    const values = [...Array<number>(3).fill(2), ...Array<number>(8).fill(1)];
    expect(everySizeFits(values, [0, 1, 2, 3], twoPlaces)).toBe(false);
  });
});
