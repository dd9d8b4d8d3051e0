/**
 * The cases table and one time-against-outcome table per outcome measure, each over the category ×
 * band grid with its totals ("All categories", "All bands"), suppressed as linked tables
 * (linked-suppression.ts):
 *   - the closed cases C are suppressed on their own, together with problem uncovered (whose n is C),
 *     so the same numbers carry the same hidden pattern wherever they appear;
 *   - each measure's table hides the union of: its count, its complement (n − count), the cases left
 *     out of its denominator (its base − n: e.g. closed cases without a result), and the cases pattern.
 */
import { BANDS, CATEGORIES, MEASURES, OUTCOME_MEASURES, labelOf, type OutcomeMeasure } from '@deepvalue/shared';
import { wilsonInterval } from '../../analytics/statistics/wilson.js';
import type { MeasureCell } from '../evidence.repository.js';
import { display, jointPattern, minus, unionOf, withTotals, type Pattern } from '../linked-suppression.js';
import { SECONDARY_MARK } from '../suppression.js';
import { NOT_PUBLISHED, type Cell, type PackColumn, type PackTable } from '../pack-types.js';

export const ALL_CATEGORIES = 'All categories';
export const ALL_BANDS = 'All bands';

type Matrix = number[][];

export interface OutcomeGrids {
  cases: Matrix;
  casesPattern: Pattern;
  measures: Record<OutcomeMeasure, { n: Matrix; count: Matrix; pattern: Pattern }>;
}

/** Category × band matrices of the cells (rows in CATEGORIES order, columns in BANDS order). */
function matrix(cells: readonly MeasureCell[], value: (cell: MeasureCell) => number): Matrix {
  return CATEGORIES.map((category) =>
    BANDS.map((_, band) => {
      const cell = cells.find((c) => c.category === category && c.band === band);
      return cell ? value(cell) : 0;
    }),
  );
}

export function outcomeGrids(cells: readonly MeasureCell[], threshold: number): OutcomeGrids {
  const cases = matrix(cells, (c) => c.cases);
  const negative = matrix(cells, (c) => c.negative);
  const parts = (m: OutcomeMeasure) => {
    const n = matrix(cells, (c) => c.measures[m].n);
    const count = matrix(cells, (c) => c.measures[m].count);
    // Avoided appeal is taken among negative outcomes; every other measure among closed cases.
    const base = m === 'avoided_appeal' ? negative : cases;
    return { n, count, tables: [count, minus(n, count), minus(base, n)] };
  };
  const uncovered = parts('problem_uncovered');
  const casesPattern = unionOf(jointPattern([cases], threshold), jointPattern(uncovered.tables, threshold));
  const measures = {} as OutcomeGrids['measures'];
  for (const m of OUTCOME_MEASURES) {
    const p = parts(m);
    measures[m] = { n: p.n, count: p.count, pattern: unionOf(jointPattern(p.tables, threshold), casesPattern) };
  }
  return { cases, casesPattern, measures };
}

const GRID_COLUMNS: PackColumn[] = [
  { key: 'category', label: 'Category', kind: 'text' },
  { key: 'band', label: 'Relationship time', kind: 'text' },
];

/** Each grid position in reading order: all categories first, bands then their total. */
function positions(): Array<{ i: number; j: number; category: string; band: string }> {
  const rowOrder = [CATEGORIES.length, ...CATEGORIES.map((_, i) => i)];
  const columnOrder = [...BANDS.map((_, j) => j), BANDS.length];
  return rowOrder.flatMap((i) =>
    columnOrder.map((j) => ({
      i,
      j,
      category: i === CATEGORIES.length ? ALL_CATEGORIES : labelOf(CATEGORIES[i]),
      band: j === BANDS.length ? ALL_BANDS : BANDS[j].label,
    })),
  );
}

const round4 = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));

export function casesTable(grids: OutcomeGrids, threshold: number): PackTable {
  const totals = withTotals(grids.cases);
  const { hidden, withheld } = grids.casesPattern;
  return {
    name: 'cases',
    sheet: 'Cases',
    title: 'Closed cases by category and relationship time',
    description:
      'Closed cases in the period whose client consented to evidence use, by category and band of relationship time.',
    note: withheld ? NOT_PUBLISHED : null,
    columns: [...GRID_COLUMNS, { key: 'cases', label: 'Closed cases', kind: 'count' }],
    rows: positions().map(({ i, j, category, band }) => ({
      category,
      band,
      cases: withheld ? SECONDARY_MARK : display(totals[i][j], hidden[i][j], threshold),
    })),
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

export function timeVsOutcomeTable(grids: OutcomeGrids, measure: OutcomeMeasure, threshold: number): PackTable {
  const { n, count, pattern } = grids.measures[measure];
  const nTotals = withTotals(n);
  const countTotals = withTotals(count);
  const definition = MEASURES[measure];
  return {
    name: MEASURE_FILE_NAMES[measure],
    sheet: SHEETS[measure],
    title: `${definition.label} by relationship time`,
    description: `${definition.definition} Rates with a 95% Wilson interval; n is the cases the rate is taken among.`,
    note: pattern.withheld ? NOT_PUBLISHED : null,
    columns: [
      { key: 'measure', label: 'Measure', kind: 'text' },
      ...GRID_COLUMNS,
      { key: 'n', label: 'n (cases)', kind: 'count' },
      { key: 'count', label: 'With the outcome', kind: 'count' },
      { key: 'rate', label: 'Rate', kind: 'rate' },
      { key: 'ci_low', label: '95% interval from', kind: 'rate' },
      { key: 'ci_high', label: '95% interval to', kind: 'rate' },
    ],
    rows: positions().map(({ i, j, category, band }) => {
      const hidden = pattern.withheld || pattern.hidden[i][j];
      const row: Record<string, Cell> = { measure: definition.label, category, band };
      if (hidden) {
        return {
          ...row,
          n: SECONDARY_MARK,
          count: pattern.withheld ? SECONDARY_MARK : display(countTotals[i][j], true, threshold),
          rate: SECONDARY_MARK,
          ci_low: SECONDARY_MARK,
          ci_high: SECONDARY_MARK,
        };
      }
      const interval = wilsonInterval(countTotals[i][j], nTotals[i][j]);
      return {
        ...row,
        n: nTotals[i][j],
        count: countTotals[i][j],
        rate: round4(interval.rate),
        ci_low: round4(interval.ciLow),
        ci_high: round4(interval.ciHigh),
      };
    }),
  };
}

/** Overall n of a measure as published (the grand total under its pattern). */
export function publishedTotal(grids: OutcomeGrids, measure: OutcomeMeasure): number | null {
  const { n, pattern } = grids.measures[measure];
  const totals = withTotals(n);
  const last = totals.length - 1;
  return pattern.withheld || pattern.hidden[last][totals[last].length - 1]
    ? null
    : totals[last][totals[last].length - 1];
}
