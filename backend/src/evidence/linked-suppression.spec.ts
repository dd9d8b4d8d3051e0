import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BANDS, CATEGORIES, OUTCOME_MEASURES } from '@deepvalue/shared';
import type { MeasureCell } from './evidence.repository.js';
import { jointMarginPattern, marginsOf, minusMargins, type MarginPattern, type Margins } from './linked-suppression.js';
import { outcomeGrids } from './tables/outcome-tables.js';

const T = 5;

/** Every published position of a margin: value and whether hidden. */
function entries(m: Margins, p: MarginPattern): Array<{ value: number; hidden: boolean; way: string }> {
  return [
    ...m.byCategory.map((value, i) => ({ value, hidden: p.withheld || p.byCategory[i], way: 'category' })),
    ...m.byBand.map((value, j) => ({ value, hidden: p.withheld || p.byBand[j], way: 'band' })),
    { value: m.total, hidden: p.withheld || p.total, way: 'total' },
  ];
}

/** No small count shows, and no way (by category, by band) has exactly one hidden entry counting the total. */
function expectProtected(m: Margins, p: MarginPattern): void {
  if (p.withheld) return;
  for (const e of entries(m, p)) if (!e.hidden) expect(e.value === 0 || e.value >= T).toBe(true);
  for (const way of ['byCategory', 'byBand'] as const) {
    // A hidden zero can be worked back harmlessly; count only hidden non-zero entries, the total included.
    const hidden = p[way].filter((h, i) => h && m[way][i] > 0).length + (p.total && m.total > 0 ? 1 : 0);
    expect(hidden === 0 || hidden >= 2).toBe(true);
  }
}

const cell = fc.record({
  cases: fc.integer({ min: 0, max: 40 }),
  withResult: fc.double({ min: 0, max: 1, noNaN: true }),
  positive: fc.double({ min: 0, max: 1, noNaN: true }),
  negativeKnown: fc.double({ min: 0, max: 1, noNaN: true }),
  avoided: fc.double({ min: 0, max: 1, noNaN: true }),
  share: fc.double({ min: 0, max: 1, noNaN: true }),
});

function toCell(
  category: number,
  band: number,
  v: {
    cases: number;
    withResult: number;
    positive: number;
    negativeKnown: number;
    avoided: number;
    share: number;
  },
): MeasureCell {
  const withResult = Math.floor(v.cases * v.withResult);
  const positive = Math.floor(withResult * v.positive);
  const negative = withResult - positive;
  const known = Math.floor(negative * v.negativeKnown);
  const part = (x: number) => Math.floor(x * v.share);
  return {
    category: CATEGORIES[category],
    band,
    cases: v.cases,
    negative,
    measures: {
      positive_outcome: { n: withResult, count: positive },
      accepted: { n: withResult, count: part(withResult) },
      avoided_appeal: { n: known, count: Math.floor(known * v.avoided) },
      problem_uncovered: { n: v.cases, count: part(v.cases) },
      bounce_back: { n: part(v.cases), count: Math.floor(part(v.cases) * v.avoided) },
    },
  };
}

describe('linked suppression', () => {
  it('hides a band of 3 cases and one more band, in the cases and in every rate on them', () => {
    const cells: MeasureCell[] = [];
    for (const [c, cases] of [
      [0, [20, 25, 30, 22, 3]],
      [1, [30, 24, 26, 28, 0]],
    ] as const)
      cases.forEach((n, band) =>
        cells.push(
          toCell(c, band, { cases: n, withResult: 1, positive: 0.5, negativeKnown: 1, avoided: 0.5, share: 0.5 }),
        ),
      );
    const grids = outcomeGrids(cells, T);
    expect(grids.casesPattern.byBand.filter(Boolean)).toHaveLength(2);
    expect(grids.casesPattern.byBand[4]).toBe(true);
    for (const m of OUTCOME_MEASURES) expect(grids.measures[m].pattern.byBand[4]).toBe(true);
    expect(grids.casesPattern.total).toBe(false);
  });

  it('protects every count, complement and left-out count, and hides shared numbers alike (property)', () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2 * BANDS.length, maxLength: 2 * BANDS.length }), (values) => {
        const cells = values.map((v, k) => toCell(Math.floor(k / BANDS.length), k % BANDS.length, v));
        const grids = outcomeGrids(cells, T);
        expectProtected(grids.cases, grids.casesPattern);
        const negative = marginsOf(
          CATEGORIES.map((c) =>
            BANDS.map((_, b) => cells.find((x) => x.category === c && x.band === b)?.negative ?? 0),
          ),
        );
        for (const m of OUTCOME_MEASURES) {
          const { n, count, pattern } = grids.measures[m];
          const base = m === 'avoided_appeal' ? negative : grids.cases;
          for (const part of [count, minusMargins(n, count), minusMargins(base, n)]) expectProtected(part, pattern);
          // Everything the cases hide, every measure hides.
          entries(grids.cases, grids.casesPattern).forEach((e, k) => {
            if (e.hidden && !pattern.withheld) expect(entries(n, pattern)[k].hidden).toBe(true);
          });
        }
        // Problem uncovered's n is the closed cases: one pattern for both.
        expect(grids.measures.problem_uncovered.pattern).toEqual(grids.casesPattern);
      }),
      { numRuns: 60 },
    );
  });

  it('starts from a seed and only adds to it', () => {
    const a: Margins = { byCategory: [10, 12], byBand: [8, 14], total: 22 };
    const seed = { byCategory: [true, true], byBand: [false, false], total: false, withheld: false };
    const joint = jointMarginPattern([a], T, seed);
    expect(joint.byCategory).toEqual([true, true]);
    expect(joint.byBand).toEqual([false, false]);
  });
});
