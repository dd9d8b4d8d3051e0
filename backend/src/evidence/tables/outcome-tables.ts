/**
 * The cases table and one time-against-outcome table per outcome measure: each figure for all
 * categories by band of relationship time, and per category for all bands, with the overall total.
 * Published by rounding (disclosure/rounding.ts, issue 14): every count rounded to the threshold's
 * base, totals the sums of the rounded bands, rates and intervals from rounded figures, one category
 * base for every figure of the pack, small bands merged with a neighbour and labelled.
 *
 * outcomeGrids keeps the older linked suppression (linked-suppression.ts) for the tables still built
 * on it (pricing, fixed fee against need), so they hide what they hid before:
 *   - the closed cases share one pattern with problem uncovered (whose n is the closed cases), so the
 *     same numbers are hidden in both or neither;
 *   - each measure's figures share one pattern, starting from the cases pattern, among its count, its
 *     complement (n − count) and the cases left out of its denominator (its base − n, e.g. closed cases
 *     without a result), so none of them can be worked out from what is published.
 */
import { BANDS, CATEGORIES, MEASURES, OUTCOME_MEASURES, labelOf, type OutcomeMeasure } from '@deepvalue/shared';
import type { MeasureCell } from '../evidence.repository.js';
import {
  jointMarginPattern,
  marginsOf,
  minusMargins,
  type MarginPattern,
  type Margins,
} from '../linked-suppression.js';
import { SECONDARY_MARK } from '../suppression.js';
import {
  MIN_RATE_N,
  ratesOf,
  roundFigures,
  type FigureCounts,
  type RoundedFigure,
  type RoundedRate,
  type RoundedRateTable,
} from '../../disclosure/rounding.js';
import { type Cell, type PackColumn, type PackTable } from '@deepvalue/shared';

export const ALL_CATEGORIES = 'All categories';
export const ALL_BANDS = 'All bands';

export interface OutcomeGrids {
  cases: Margins;
  casesPattern: MarginPattern;
  measures: Record<OutcomeMeasure, { n: Margins; count: Margins; pattern: MarginPattern }>;
}

/** Margins of one figure of the cells (categories in CATEGORIES order, bands in BANDS order). */
function margins(cells: readonly MeasureCell[], value: (cell: MeasureCell) => number): Margins {
  return marginsOf(
    CATEGORIES.map((category) =>
      BANDS.map((_, band) => {
        const cell = cells.find((c) => c.category === category && c.band === band);
        return cell ? value(cell) : 0;
      }),
    ),
  );
}

export function outcomeGrids(cells: readonly MeasureCell[], threshold: number): OutcomeGrids {
  const cases = margins(cells, (c) => c.cases);
  const negative = margins(cells, (c) => c.negative);
  const parts = (m: OutcomeMeasure) => {
    const n = margins(cells, (c) => c.measures[m].n);
    const count = margins(cells, (c) => c.measures[m].count);
    // Avoided appeal is taken among negative outcomes; every other measure among closed cases.
    const base = m === 'avoided_appeal' ? negative : cases;
    return { n, count, tables: [count, minusMargins(n, count), minusMargins(base, n)] };
  };
  const casesPattern = jointMarginPattern([cases, ...parts('problem_uncovered').tables], threshold);
  const measures = {} as OutcomeGrids['measures'];
  for (const m of OUTCOME_MEASURES) {
    const p = parts(m);
    measures[m] = { n: p.n, count: p.count, pattern: jointMarginPattern(p.tables, threshold, casesPattern) };
  }
  return { cases, casesPattern, measures };
}

/** What the pack publishes of the outcome figures, all rounded together (one category base). */
export interface RoundedOutcomes {
  base: number;
  cases: RoundedFigure;
  measures: Record<OutcomeMeasure, RoundedRateTable>;
}

function figure(cells: readonly MeasureCell[], value: (cell: MeasureCell) => number): FigureCounts {
  const m = margins(cells, value);
  return { byBand: m.byBand, byCategory: m.byCategory };
}

/**
 * Round the closed cases and every measure's count and n. `onlyCategory`: the category a filter keeps
 * (a reader knows every other category is empty).
 */
export function roundedOutcomes(cells: readonly MeasureCell[], base: number, onlyCategory?: string): RoundedOutcomes {
  const knownZero = CATEGORIES.map((c) => onlyCategory !== undefined && c !== onlyCategory);
  const figures = [
    figure(cells, (c) => c.cases),
    ...OUTCOME_MEASURES.flatMap((m) => [
      figure(cells, (c) => c.measures[m].count),
      figure(cells, (c) => c.measures[m].n),
    ]),
  ];
  const [cases, ...rest] = roundFigures(figures, base, knownZero);
  const measures = Object.fromEntries(
    OUTCOME_MEASURES.map((m, k) => [m, ratesOf(rest[2 * k], rest[2 * k + 1], base)]),
  ) as Record<OutcomeMeasure, RoundedRateTable>;
  return { base, cases, measures };
}

const GRID_COLUMNS: PackColumn[] = [
  { key: 'category', label: 'Category', kind: 'text' },
  { key: 'band', label: 'Relationship time', kind: 'text' },
];

const round4 = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));

export function roundingNote(base: number): string {
  return (
    `Counts are rounded to the nearest ${base}; totals are the sums of the rounded bands; categories are ` +
    'rounded on their own, so they need not add up to the total.'
  );
}

export function casesTable(rounded: RoundedOutcomes): PackTable {
  const { cases } = rounded;
  return {
    name: 'cases',
    sheet: 'Cases',
    title: 'Closed cases by relationship time and category',
    description:
      'Closed cases in the period whose client consented to evidence use: all categories by band of ' +
      `relationship time, and each category for all bands. ${roundingNote(rounded.base)}`,
    note: null,
    columns: [...GRID_COLUMNS, { key: 'cases', label: 'Closed cases', kind: 'count' }],
    rows: [
      ...BANDS.map((b, j) => ({ category: ALL_CATEGORIES, band: b.label, cases: cases.byBand[j] })),
      { category: ALL_CATEGORIES, band: ALL_BANDS, cases: cases.total },
      ...CATEGORIES.map((c, i) => ({
        category: labelOf(c),
        band: ALL_BANDS,
        cases: cases.byCategory[i] ?? SECONDARY_MARK,
      })),
    ],
  };
}

export const MEASURE_FILE_NAMES: Record<OutcomeMeasure, string> = {
  positive_outcome: 'time-vs-outcome-positive-outcome',
  accepted: 'time-vs-outcome-accepted',
  avoided_appeal: 'time-vs-outcome-avoided-appeal',
  problem_uncovered: 'time-vs-outcome-problem-uncovered',
  bounce_back: 'time-vs-outcome-bounce-back',
};

const SHEETS: Record<OutcomeMeasure, string> = {
  positive_outcome: 'Positive outcome',
  accepted: 'Outcome accepted',
  avoided_appeal: 'Avoided appeal',
  problem_uncovered: 'Problem uncovered',
  bounce_back: 'Bounce-back',
};

function rateCells(r: RoundedRate | null): Record<string, Cell> {
  if (r === null)
    return {
      n: SECONDARY_MARK,
      count: SECONDARY_MARK,
      rate: SECONDARY_MARK,
      ci_low: SECONDARY_MARK,
      ci_high: SECONDARY_MARK,
    };
  return { n: r.n, count: r.count, rate: round4(r.rate), ci_low: round4(r.ciLow), ci_high: round4(r.ciHigh) };
}

export function timeVsOutcomeTable(rounded: RoundedOutcomes, measure: OutcomeMeasure): PackTable {
  const table = rounded.measures[measure];
  const definition = MEASURES[measure];
  const merged = table.groups.filter((g) => g.from !== g.to).map((g) => `"${g.label}"`);
  return {
    name: MEASURE_FILE_NAMES[measure],
    sheet: SHEETS[measure],
    title: `${definition.label} by relationship time`,
    description:
      `${definition.definition} Rates with a 95% Wilson interval, computed from the rounded count and n; n is the ` +
      `cases the rate is taken among. ${roundingNote(rounded.base)} A band with fewer than ${MIN_RATE_N} cases ` +
      'is merged with its neighbour' +
      (merged.length ? `: here ${merged.join(' and ')} ${merged.length === 1 ? 'is' : 'are'} merged bands.` : '.') +
      ` A category with fewer than ${MIN_RATE_N} cases has no rate.`,
    note: null,
    columns: [
      { key: 'measure', label: 'Measure', kind: 'text' },
      ...GRID_COLUMNS,
      { key: 'n', label: 'n (cases)', kind: 'count' },
      { key: 'count', label: 'With the outcome', kind: 'count' },
      { key: 'rate', label: 'Rate', kind: 'rate' },
      { key: 'ci_low', label: '95% interval from', kind: 'rate' },
      { key: 'ci_high', label: '95% interval to', kind: 'rate' },
    ],
    rows: [
      ...table.groups.map((g) => ({
        measure: definition.label,
        category: ALL_CATEGORIES,
        band: g.label,
        ...rateCells(g),
      })),
      { measure: definition.label, category: ALL_CATEGORIES, band: ALL_BANDS, ...rateCells(table.overall) },
      ...CATEGORIES.map((c, i) => ({
        measure: definition.label,
        category: labelOf(c),
        band: ALL_BANDS,
        ...rateCells(table.byCategory[i]),
      })),
    ],
  };
}

/** Overall n of a measure as published (the sum of its rounded bands). */
export function publishedTotal(rounded: RoundedOutcomes, measure: OutcomeMeasure): number {
  return rounded.measures[measure].overall.n;
}

/** Whether a category's closed cases are hidden (the fixed-fee table follows the cases pattern). */
export function categoryHidden(grids: OutcomeGrids, index: number): boolean {
  return grids.casesPattern.withheld || grids.casesPattern.byCategory[index];
}
