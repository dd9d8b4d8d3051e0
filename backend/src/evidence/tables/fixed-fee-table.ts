/**
 * Fixed fee against need (brief §4), per category: the hours the Legal Help fixed fee pays for (fee ÷
 * the local hourly rate in the fee table) beside the hours closed cases took, how many stayed within
 * that line, positive outcome rates on each side, and escapes. Each case is measured against the fee
 * row in force when it opened; the fee shown is every row in force during the period.
 *
 * Suppression: nothing of a category is published unless its closed cases are (same hidden pattern as
 * the cases table). Then each group of figures is published whole or not at all, and only when every
 * count it is made of is 0 or at least the threshold: within / beyond / without a fee line (they add up
 * to the cases); positive / not positive / without a result on both sides together (each side adds up
 * to its cases, and both sides to the category's published positive outcome figures); escaped / not /
 * without an escape line. A hidden group shows "[c]" throughout, so with at least two
 * unknowns per sum nothing can be worked back; there is no all-categories row to subtract from.
 */
import { CATEGORIES, labelOf, type Category } from '@deepvalue/shared';
import type { FeeTable } from '../../analytics/fee-rates.service.js';
import { wilsonInterval } from '../../analytics/statistics/wilson.js';
import type { FeeLineRow } from '../evidence.repository.js';
import { display } from '../linked-suppression.js';
import { SECONDARY_MARK } from '../suppression.js';
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
  categoryCasesHidden: (category: Category) => boolean,
  threshold: number,
  onlyCategory?: Category,
): PackTable {
  const small = (x: number) => x >= 1 && x < threshold;
  const rate = (count: number, n: number) => {
    const r = wilsonInterval(count, n).rate;
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
      'pays for. Positive outcome rates are among cases with a result.',
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
      const cases = r?.cases ?? 0;
      const casesHidden = categoryCasesHidden(category);
      // Each group of figures is published whole or not at all; the counts it is made of add up to a
      // figure published elsewhere (the category's cases, or this row's within / beyond counts).
      const group = (parts: number[], value: () => Cell): Cell =>
        casesHidden || parts.some(small) ? SECONDARY_MARK : value();
      const sides = r ? [r.within, r.beyond, r.cases - r.lined] : [];
      // Both sides together: the category's positive outcome rate is published, so one side would give the other.
      const outcomeParts = () => [
        ...[r!.within - r!.withinN, r!.withinPositive, r!.withinN - r!.withinPositive],
        ...[r!.beyond - r!.beyondN, r!.beyondPositive, r!.beyondN - r!.beyondPositive],
      ];
      const whenLined = (parts: () => number[], value: () => Cell): Cell => (lined && r ? group(parts(), value) : null);
      return {
        ...base,
        cases: casesHidden ? display(cases, true, threshold) : cases,
        median_hours: group([], () => (r?.medianHours == null ? null : Number(r.medianHours.toFixed(1)))),
        cases_within_fee: whenLined(
          () => sides,
          () => r!.within,
        ),
        cases_beyond_fee: whenLined(
          () => sides,
          () => r!.beyond,
        ),
        within_with_result: whenLined(outcomeParts, () => r!.withinN),
        positive_rate_within: whenLined(outcomeParts, () => rate(r!.withinPositive, r!.withinN)),
        beyond_with_result: whenLined(outcomeParts, () => r!.beyondN),
        positive_rate_beyond: whenLined(outcomeParts, () => rate(r!.beyondPositive, r!.beyondN)),
        cases_escaped:
          r && r.escapeN > 0 ? group([r.escaped, r.escapeN - r.escaped, r.cases - r.escapeN], () => r.escaped) : null,
      };
    }),
  };
}
