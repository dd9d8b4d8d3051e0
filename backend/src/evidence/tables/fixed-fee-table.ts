/**
 * Fixed fee against need (docs/measures.md), per category: the hours the Legal Help fixed fee pays for (fee ÷
 * the local hourly rate in the fee table) beside the hours closed cases took, how many stayed within
 * that line, positive outcome rates on each side, and escapes. Each case is measured against the fee
 * row in force when it opened; the fee shown is every row in force during the period.
 *
 * Disclosure (disclosure/rounding.ts): every count is rounded as the cases table rounds its categories
 * (the same base), and rates come from the rounded counts, so this table adds no exact count to what the
 * outcome tables publish. Within and beyond add up to a category's lined cases; with two rounded parts
 * and a rounded total no part can be pinned by bounds (that needs four parts at base 5). A category the
 * cases table does not publish shows "[c]"; a median of hours needs 10 or more cases (rounded).
 */
import { CATEGORIES, labelOf, type Category } from '@deepvalue/shared';
import type { FeeTable } from '../../analytics/fee-rates.service.js';
import type { FeeLineRow } from '../evidence.repository.js';
import { MIN_RATE_N, rateOfRounded, roundToBase } from '../../disclosure/rounding.js';
import { NOT_PUBLISHED_MARK } from '../../disclosure/rounding.js';
import type { Cell, PackTable } from '@deepvalue/shared';

export const HOURLY_RATE_MISSING = 'Enter the local hourly rate in the fee table to draw the fee line.';
const NO_FEE = 'No fixed fee for this category in the fee table.';

interface FeeInForce {
  fixedFeeGbp: number;
  hourlyRateGbp: number | null;
}

/** Every organisation's fee rows for the category that were in force at some time in the period. */
function inForceDuring(tables: FeeTable[], category: Category, from: string, to: string): FeeInForce[] {
  return tables.flatMap((table) => {
    const rows = table.rows
      .filter((row) => row.category === category)
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
    return rows.filter((row, k) => row.effectiveFrom <= to && (rows[k + 1]?.effectiveFrom ?? '9999-12-31') > from);
  });
}

/** The lowest and highest of the figures (organisations and fee changes differ), or nulls when any is missing. */
function range(values: Array<number | null>, places: number): [Cell, Cell] {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0 || known.length < values.length) return [null, null];
  const fmt = (x: number) => Number(x.toFixed(places));
  return [fmt(Math.min(...known)), fmt(Math.max(...known))];
}

const pair = (name: string, suffix: string, [min, max]: [Cell, Cell]) => ({
  [`${name}_min${suffix}`]: min,
  [`${name}_max${suffix}`]: max,
});

export function fixedFeeTable(
  rows: FeeLineRow[],
  feeTables: FeeTable[],
  period: { from: string; to: string },
  /** A category's closed cases as the cases table publishes them (null: not published). */
  publishedCases: (category: Category) => number | null,
  /** The base the cases table rounds categories to. */
  base: number,
  onlyCategory?: Category,
): PackTable {
  const rounded = (x: number) => roundToBase(x, base);
  const rate = (count: number, n: number) => {
    const r = rateOfRounded(rounded(count), rounded(n)).rate;
    return r === null ? null : Number(r.toFixed(4));
  };
  return {
    name: 'fixed-fee-vs-need',
    sheet: 'Fixed fee vs need',
    title: 'Fixed fee against need',
    description:
      'Per category: the Legal Help fixed fee in force during the period (lowest and highest when it changed), the hours it ' +
      'pays for at the local hourly rate, and the hours closed cases actually took (all recorded time). Each case ' +
      'is measured against the fee in force when it opened: within the line it took no more time than the fee ' +
      'pays for. Positive outcome rates are among cases with a result. ' +
      `Counts are rounded to the nearest ${base} and rates worked out from the rounded counts.`,
    note: null,
    columns: [
      { key: 'category', label: 'Category', kind: 'text' },
      { key: 'fixed_fee_min_gbp', label: 'Fixed fee £ (lowest)', kind: 'gbp' },
      { key: 'fixed_fee_max_gbp', label: 'Fixed fee £ (highest)', kind: 'gbp' },
      { key: 'hourly_rate_min_gbp', label: 'Hourly rate £ (lowest)', kind: 'gbp' },
      { key: 'hourly_rate_max_gbp', label: 'Hourly rate £ (highest)', kind: 'gbp' },
      { key: 'hours_paid_for_min', label: 'Hours the fee pays for (lowest)', kind: 'hours' },
      { key: 'hours_paid_for_max', label: 'Hours the fee pays for (highest)', kind: 'hours' },
      { key: 'cases', label: 'Closed cases', kind: 'count' },
      { key: 'median_hours', label: 'Median hours taken', kind: 'hours' },
      { key: 'cases_within_fee', label: 'Within the fee', kind: 'count' },
      { key: 'cases_beyond_fee', label: 'Beyond the fee', kind: 'count' },
      { key: 'within_with_result', label: 'Within: with a result', kind: 'count' },
      { key: 'positive_rate_within', label: 'Within: positive rate', kind: 'rate' },
      { key: 'beyond_with_result', label: 'Beyond: with a result', kind: 'count' },
      { key: 'positive_rate_beyond', label: 'Beyond: positive rate', kind: 'rate' },
      { key: 'cases_escaped', label: 'Escaped the fixed fee', kind: 'count' },
      { key: 'note', label: 'Note', kind: 'text' },
    ],
    rows: (onlyCategory ? [onlyCategory] : CATEGORIES).map((category) => {
      const fees = inForceDuring(feeTables, category, period.from, period.to);
      const r = rows.find((x) => x.category === category);
      const hoursPaidFor = fees.map((f) => (f.hourlyRateGbp ? f.fixedFeeGbp / f.hourlyRateGbp : null));
      const lined = fees.length > 0 && fees.every((f) => f.hourlyRateGbp !== null);
      const base = {
        category: labelOf(category),
        ...pair(
          'fixed_fee',
          '_gbp',
          range(
            fees.map((f) => f.fixedFeeGbp),
            2,
          ),
        ),
        ...pair(
          'hourly_rate',
          '_gbp',
          range(
            fees.map((f) => f.hourlyRateGbp),
            2,
          ),
        ),
        ...pair('hours_paid_for', '', range(hoursPaidFor, 1)),
        note: fees.length === 0 ? NO_FEE : lined ? null : HOURLY_RATE_MISSING,
      };
      const cases = publishedCases(category);
      const shown = (value: () => Cell): Cell => (cases === null ? NOT_PUBLISHED_MARK : value());
      const whenLined = (value: () => Cell): Cell => (lined && r ? shown(value) : null);
      return {
        ...base,
        cases: cases ?? NOT_PUBLISHED_MARK,
        median_hours: shown(() =>
          r?.medianHours == null || (cases ?? 0) < MIN_RATE_N ? null : Number(r.medianHours.toFixed(1)),
        ),
        cases_within_fee: whenLined(() => rounded(r!.within)),
        cases_beyond_fee: whenLined(() => rounded(r!.beyond)),
        within_with_result: whenLined(() => rounded(r!.withinN)),
        positive_rate_within: whenLined(() => rate(r!.withinPositive, r!.withinN)),
        beyond_with_result: whenLined(() => rounded(r!.beyondN)),
        positive_rate_beyond: whenLined(() => rate(r!.beyondPositive, r!.beyondN)),
        cases_escaped: r && r.escapeN > 0 ? shown(() => rounded(r.escaped)) : null,
      };
    }),
  };
}
