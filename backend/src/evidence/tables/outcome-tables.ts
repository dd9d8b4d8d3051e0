/**
 * The cases table and one time-against-outcome table per outcome measure: each figure for all
 * categories by band of relationship time, and per category for all bands, with the overall total.
 * Suppressed as linked tables (linked-suppression.ts):
 *   - the closed cases share one pattern with problem uncovered (whose n is the closed cases), so the
 *     same numbers are hidden in both or neither;
 *   - each measure's figures share one pattern, starting from the cases pattern, among its count, its
 *     complement (n − count) and the cases left out of its denominator (its base − n, e.g. closed cases
 *     without a result), so none of them can be worked out from what is published.
 */
import { BANDS, CATEGORIES, MEASURES, OUTCOME_MEASURES, labelOf, type OutcomeMeasure } from '@deepvalue/shared';
import { wilsonInterval } from '../../analytics/statistics/wilson.js';
import type { MeasureCell } from '../evidence.repository.js';
import {
  display,
  jointMarginPattern,
  marginsOf,
  minusMargins,
  type MarginPattern,
  type Margins,
} from '../linked-suppression.js';
import { SECONDARY_MARK } from '../suppression.js';
import { NOT_PUBLISHED, type Cell, type PackColumn, type PackTable } from '@deepvalue/shared';

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

/** A published position: all categories by band, each category for all bands, and the total. */
interface Position {
  category: string;
  band: string;
  value: (m: Margins) => number;
  hidden: (p: MarginPattern) => boolean;
}

function positions(): Position[] {
  return [
    ...BANDS.map((b, j): Position => ({
      category: ALL_CATEGORIES,
      band: b.label,
      value: (m) => m.byBand[j],
      hidden: (p) => p.withheld || p.byBand[j],
    })),
    { category: ALL_CATEGORIES, band: ALL_BANDS, value: (m) => m.total, hidden: (p) => p.withheld || p.total },
    ...CATEGORIES.map((c, i): Position => ({
      category: labelOf(c),
      band: ALL_BANDS,
      value: (m) => m.byCategory[i],
      hidden: (p) => p.withheld || p.byCategory[i],
    })),
  ];
}

const GRID_COLUMNS: PackColumn[] = [
  { key: 'category', label: 'Category', kind: 'text' },
  { key: 'band', label: 'Relationship time', kind: 'text' },
];

const round4 = (x: number | null) => (x === null ? null : Number(x.toFixed(4)));

export function casesTable(grids: OutcomeGrids, threshold: number): PackTable {
  const pattern = grids.casesPattern;
  return {
    name: 'cases',
    sheet: 'Cases',
    title: 'Closed cases by relationship time and category',
    description:
      'Closed cases in the period whose client consented to evidence use: all categories by band of ' +
      'relationship time, and each category for all bands.',
    note: pattern.withheld ? NOT_PUBLISHED : null,
    columns: [...GRID_COLUMNS, { key: 'cases', label: 'Closed cases', kind: 'count' }],
    rows: positions().map((p) => ({
      category: p.category,
      band: p.band,
      cases: pattern.withheld ? SECONDARY_MARK : display(p.value(grids.cases), p.hidden(pattern), threshold),
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
    rows: positions().map((p) => {
      const row: Record<string, Cell> = { measure: definition.label, category: p.category, band: p.band };
      if (p.hidden(pattern)) {
        return {
          ...row,
          n: SECONDARY_MARK,
          count: pattern.withheld ? SECONDARY_MARK : display(p.value(count), true, threshold),
          rate: SECONDARY_MARK,
          ci_low: SECONDARY_MARK,
          ci_high: SECONDARY_MARK,
        };
      }
      const interval = wilsonInterval(p.value(count), p.value(n));
      return {
        ...row,
        n: p.value(n),
        count: p.value(count),
        rate: round4(interval.rate),
        ci_low: round4(interval.ciLow),
        ci_high: round4(interval.ciHigh),
      };
    }),
  };
}

/** Overall n of a measure as published, or null when it is hidden. */
export function publishedTotal(grids: OutcomeGrids, measure: OutcomeMeasure): number | null {
  const { n, pattern } = grids.measures[measure];
  return pattern.withheld || pattern.total ? null : n.total;
}

/** Whether a category's closed cases are hidden (the fixed-fee table follows the cases pattern). */
export function categoryHidden(grids: OutcomeGrids, index: number): boolean {
  return grids.casesPattern.withheld || grids.casesPattern.byCategory[index];
}
