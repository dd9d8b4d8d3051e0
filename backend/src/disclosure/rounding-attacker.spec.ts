/**
 * An attacker who knows the method tries to recover an exact small count (1–4) from what is published
 * (disclosure/rounding.ts): a cell, its complement (n − count), the cases left out of a denominator
 * (closed cases − n), by subtraction from totals, and from the differences between two packs whose
 * periods overlap (period A, and A plus one more month). The attacker is written independently of the
 * module: every true number is a variable with the range its published rounded figure allows, every
 * relation the reader knows is an equation (bands add up to the total, so do categories; count ≤ n ≤
 * closed cases; the longer period holds the shorter), and ranges are narrowed through the equations
 * until nothing changes. The attacker is given each band's rounded figure even where the published
 * table merged bands (it is told more than is published, never less).
 * rounding-attacker-tables.spec.ts reads every by-band table of a pack together (bounce-out, referral
 * completion, the personal-development rates and the means, each with its cases not recorded).
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BANDS as SHARED_BANDS, CATEGORIES as SHARED_CATEGORIES } from '@deepvalue/shared';
import { DEFAULT_SENSITIVITY } from '../pricing/adjustments.js';
import { DEFAULT_BENEFIT_MAPPING } from '../pricing/benefit-mapping.js';
import { publishedValue } from '../pricing/published-pricing.js';
import { DEFAULT_UNIT_COSTS } from '../pricing/unit-cost-defaults.js';
import type { GroupValue, PricingInput } from '../pricing/value.js';
import { roundedRange, roundFigures, type RoundedFigure } from './rounding.js';
import { System } from './testing/attacker-system.js';

const BASE = 5;
const BANDS = 5;
const CATEGORIES = 3;

interface Cell {
  cases: number;
  n: number;
  count: number;
}
type Grid = Cell[][]; // [category][band]

/** Counts at the edges of the rounding ranges (2, 3, 7, 8, …) are where bounds bite: draw them often. */
const countArb = (max: number) =>
  fc.oneof(fc.integer({ min: 0, max }), fc.constantFrom(...[0, 2, 3, 7, 8, 12, 13].filter((x) => x <= max)));
const cellArb = (max: number) =>
  fc
    .tuple(countArb(max), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([cases, a, b]) => {
      const n = Math.floor(cases * a);
      return { cases, n, count: Math.round(n * b) };
    });
const gridArb = (max: number) =>
  fc.array(fc.array(cellArb(max), { minLength: BANDS, maxLength: BANDS }), {
    minLength: CATEGORIES,
    maxLength: CATEGORIES,
  });

type Kind = 'cases' | 'n' | 'count';
const KINDS: Kind[] = ['cases', 'n', 'count'];

function figureOf(grid: Grid, kind: Kind) {
  return {
    byBand: [...Array(BANDS).keys()].map((j) => grid.reduce((s, row) => s + row[j][kind], 0)),
    byCategory: grid.map((row) => row.reduce((s, c) => s + c[kind], 0)),
  };
}

/** What one pack publishes of the three figures (the count and n are rounded together, as the pack does). */
function publish(grid: Grid, knownZero: boolean[]): Record<Kind, RoundedFigure> {
  const [cases] = roundFigures([figureOf(grid, 'cases')], BASE, knownZero);
  const [count, n] = roundFigures([figureOf(grid, 'count'), figureOf(grid, 'n')], BASE, knownZero);
  return { cases, n, count };
}

/** The true-value variables of one pack: per kind, per band, per category, and the total. */
interface PackVars {
  band: Record<Kind, number[]>;
  category: Record<Kind, number[]>;
  total: Record<Kind, number>;
}

function packVariables(s: System, published: Record<Kind, RoundedFigure> | null, knownZero: boolean[]): PackVars {
  const vars = { band: {}, category: {}, total: {} } as PackVars;
  for (const kind of KINDS) {
    const f = published?.[kind];
    vars.band[kind] = [...Array(BANDS).keys()].map((j) =>
      s.variable(...(f ? roundedRange(f.byBand[j], BASE) : [0, Infinity])),
    );
    vars.category[kind] = [...Array(CATEGORIES).keys()].map((i) => {
      if (knownZero[i]) return s.variable(0, 0);
      const r = f?.byCategory[i];
      return r === null || r === undefined ? s.variable() : s.variable(...roundedRange(r, f!.categoryBase));
    });
    vars.total[kind] = s.variable();
    s.equal(vars.band[kind], [vars.total[kind]]);
    s.equal(vars.category[kind], [vars.total[kind]]);
  }
  // count ≤ n ≤ cases everywhere, through complements that are variables of their own.
  const positions = (k: Kind) => [...vars.band[k], ...vars.category[k], vars.total[k]];
  const complements: number[] = [];
  positions('n').forEach((nv, p) => {
    const comp = s.variable(); // n − count
    const without = s.variable(); // cases − n
    s.equal([positions('count')[p], comp], [nv]);
    s.equal([nv, without], [positions('cases')[p]]);
    complements.push(comp, without);
  });
  (vars as PackVars & { complements: number[] }).complements = complements;
  return vars;
}

function allOf(v: PackVars): number[] {
  return [
    ...KINDS.flatMap((k) => [...v.band[k], ...v.category[k], v.total[k]]),
    ...(v as PackVars & { complements: number[] }).complements,
  ];
}

/** The attacker reads one pack: is any count, complement or left-out count pinned to 1–4? */
function leaksOnePack(grid: Grid, knownZero: boolean[]): boolean {
  const s = new System();
  const v = packVariables(s, publish(grid, knownZero), knownZero);
  s.narrow();
  return allOf(v).some((x) => s.pinnedSmall(x));
}

/** Two packs: A, and A plus one more month (extra ≥ 0 everywhere). Is anything in either, or the month, pinned? */
function leaksTwoPacks(a: Grid, extra: Grid, knownZero: boolean[]): boolean {
  const b = a.map((row, i) =>
    row.map((c, j) => ({
      cases: c.cases + extra[i][j].cases,
      n: c.n + extra[i][j].n,
      count: c.count + extra[i][j].count,
    })),
  );
  const s = new System();
  const va = packVariables(s, publish(a, knownZero), knownZero);
  const vb = packVariables(s, publish(b, knownZero), knownZero);
  const vd = packVariables(s, null, knownZero); // the extra month: not published, only B − A
  const link = (x: number[], y: number[], d: number[]) => x.forEach((_, k) => s.equal([x[k], d[k]], [y[k]]));
  link(allOf(va), allOf(vb), allOf(vd));
  s.narrow();
  return [...allOf(va), ...allOf(vb), ...allOf(vd)].some((x) => s.pinnedSmall(x));
}

const noFilter = [false, false, false];
const oneCategory = [false, true, true];
const onlyFirst = (grid: Grid): Grid =>
  grid.map((row, i) => (i === 0 ? row : row.map(() => ({ cases: 0, n: 0, count: 0 }))));

describe('attacker against rounded figures', () => {
  it('the attacker finds what independent rounding of a total gives away (it is not toothless)', () => {
    // Four bands of 3 shown as 5 each, and a category total of 12 rounded on its own to 10.
    const s = new System();
    const bands = [0, 1, 2, 3].map(() => s.variable(3, 7));
    const total = s.variable(8, 12);
    s.equal(bands, [total]);
    s.narrow();
    expect(bands.every((b) => s.pinnedSmall(b))).toBe(true);
  });

  it('recovers no count, complement or left-out count of 1–4 from one pack (property)', () => {
    fc.assert(
      fc.property(gridArb(12), (grid) => !leaksOnePack(grid, noFilter)),
      { numRuns: 300 },
    );
  });

  it('recovers none with a category filter, where the other categories are known to be empty (property)', () => {
    fc.assert(
      fc.property(gridArb(8), (grid) => !leaksOnePack(onlyFirst(grid), oneCategory)),
      { numRuns: 300 },
    );
  });

  it('recovers none from the differences between two packs with overlapping periods (property)', () => {
    fc.assert(
      fc.property(gridArb(12), gridArb(3), (a, extra) => !leaksTwoPacks(a, extra, noFilter)),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(gridArb(8), gridArb(3), (a, extra) => !leaksTwoPacks(onlyFirst(a), onlyFirst(extra), oneCategory)),
      { numRuns: 200 },
    );
  });
});

/**
 * £ figures (pricing/published-pricing.ts): the attacker divides each published £ by the published unit
 * cost (£34,000 an eviction avoided) to read the event count back, and treats it as above: events ≤
 * closed cases in every band, category and total, in one pack and across two overlapping packs.
 * Here a cell's n is its evictions avoided and its count the evictions with a £ recorded (none: the
 * unit cost prices them), which is how the pricing rounds them together.
 */
const EVICTION_GBP = 34_000;
const BAND_KEYS = SHARED_BANDS.map((b) => b.band);
// The grid's three categories, then the rest of the vocabulary, always empty.
const CATEGORY_KEYS = SHARED_CATEGORIES.slice(0, CATEGORIES);
const EMPTY_CATEGORIES = SHARED_CATEGORIES.length - CATEGORIES;

function pricingInput(grid: Grid): PricingInput {
  const cells = grid.flatMap((row, i) => row.map((c, j) => ({ c, category: CATEGORY_KEYS[i], band: BAND_KEYS[j] })));
  return {
    events: cells.map(({ c, category, band }) => ({
      category,
      band,
      event: 'eviction_avoided' as const,
      count: c.n,
      recordedGbp: 0,
      countWithoutAmount: c.n,
    })),
    time: cells.map(({ c, category, band }) => ({
      category,
      band,
      cases: c.cases,
      adviserHours: c.cases * 2.37,
      relationshipHours: c.cases * 1.13,
    })),
    unitCosts: DEFAULT_UNIT_COSTS,
    mapping: DEFAULT_BENEFIT_MAPPING.filter((e) => e.unitCostKey === 'eviction_public_cost'),
    sensitivity: DEFAULT_SENSITIVITY,
    hourlyCostGbp: 50,
  };
}

/** What the attacker reads off one pack's £ figures: cases as published, events = £ ÷ unit cost. */
function publishPriced(grid: Grid, knownZero: boolean[]): Record<Kind, RoundedFigure> {
  const { cases } = publish(grid, knownZero);
  const allCategories = [...knownZero, ...Array(EMPTY_CATEGORIES).fill(true)];
  const casesAll = { ...cases, byCategory: [...cases.byCategory, ...Array(EMPTY_CATEGORIES).fill(0)] };
  const { value, marks } = publishedValue(pricingInput(grid), {
    base: BASE,
    cases: casesAll,
    knownZero: allCategories,
  });
  const read = (g: GroupValue, hidden = false) => (hidden ? null : g.values.fiscal.gross / EVICTION_GBP);
  const events = {
    byBand: BAND_KEYS.map((b) => read(value.byBand[b])!),
    total: read(value.overall)!,
    byCategory: CATEGORY_KEYS.map((c, i) => read(value.byCategory[c], marks.hiddenKinds[i].fiscal)),
    // The category base is stated in the method; the rounding of the same figures gives it here.
    categoryBase: roundFigures([figureOf(grid, 'n'), { byBand: [0], byCategory: [0] }], BASE, knownZero)[0]
      .categoryBase,
  };
  for (const x of [...events.byBand, events.total]) expect(x % BASE).toBe(0);
  for (const x of events.byCategory) if (x !== null) expect(x % events.categoryBase).toBe(0);
  // Hours are the rounded cases × hours a case to 0.1 h: no exact sum of hours bounds a count.
  BAND_KEYS.forEach((b, j) => {
    const perCase = value.byBand[b].relationshipHours / (cases.byBand[j] || 1);
    expect(Math.abs(perCase * 10 - Math.round(perCase * 10))).toBeLessThan(1e-9);
  });
  const none = { byBand: Array(BANDS).fill(0), total: 0, byCategory: Array(CATEGORIES).fill(0), categoryBase: BASE };
  return { cases, n: events, count: none };
}

function leaksPriced(grids: Grid[], knownZero: boolean[]): boolean {
  const s = new System();
  const vars = grids.map((g) => packVariables(s, publishPriced(g, knownZero), knownZero));
  if (vars.length === 2) {
    const vd = packVariables(s, null, knownZero);
    allOf(vars[0]).forEach((_, k) => s.equal([allOf(vars[0])[k], allOf(vd)[k]], [allOf(vars[1])[k]]));
    vars.push(vd);
  }
  s.narrow();
  return vars.flatMap(allOf).some((x) => s.pinnedSmall(x));
}

const plus = (a: Grid, extra: Grid): Grid =>
  a.map((row, i) =>
    row.map((c, j) => ({
      cases: c.cases + extra[i][j].cases,
      n: c.n + extra[i][j].n,
      count: 0,
    })),
  );
const noCount = (grid: Grid): Grid => grid.map((row) => row.map((c) => ({ ...c, count: 0 })));

describe('attacker against £ figures', () => {
  it('reads no event count, or cases without the event, of 1–4 from one pack’s £ (property)', () => {
    fc.assert(
      fc.property(gridArb(12), (grid) => !leaksPriced([noCount(grid)], noFilter)),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(gridArb(8), (grid) => !leaksPriced([noCount(onlyFirst(grid))], oneCategory)),
      { numRuns: 200 },
    );
  });

  it('reads none from the £ of two packs with overlapping periods (property)', () => {
    fc.assert(
      fc.property(gridArb(12), gridArb(3), (a, extra) => {
        const first = noCount(a);
        return !leaksPriced([first, plus(first, extra)], noFilter);
      }),
      { numRuns: 100 },
    );
  });

  it('reads 5 (3–7), not 3, from one band of 3 evictions: priced from exact counts it would read 3', () => {
    // (With exact counts in published-pricing.ts both properties above fail on a single case.)
    const grid: Grid = noCount(
      [0, 1, 2].map((i) =>
        [0, 1, 2, 3, 4].map((j) => ({ cases: i === 0 && j === 2 ? 20 : 0, n: i === 0 && j === 2 ? 3 : 0, count: 0 })),
      ),
    );
    expect(publishPriced(grid, noFilter).n.byBand[2]).toBe(5);
  });
});
