/**
 * Fixed fee against need (brief §4), per category: the hours the Legal Help fixed fee pays for (fee ÷
 * the local hourly rate in the fee table) beside the hours closed cases took, how many stayed within
 * that line, positive outcome rates on each side, and escapes. Each case is measured against the fee
 * row in force when it opened.
 *
 * Suppression is all-or-nothing per category: the row's counts, rates and median are published only
 * when the category's closed cases are published (same hidden pattern as the cases table) and every
 * count the row is made of (within, beyond, without a line, positive or not on each side, escaped or
 * not) is 0 or at least the threshold; otherwise every one of them shows "[c]". There is no
 * all-categories row, so a hidden row cannot be worked back from column totals.
 */
import { CATEGORIES, labelOf, type Category } from '@deepvalue/shared';
import type { FeeTable } from '../../analytics/fee-rates.service.js';
import { wilsonInterval } from '../../analytics/statistics/wilson.js';
import type { FeeLineRow } from '../evidence.repository.js';
import { SECONDARY_MARK } from '../suppression.js';
import type { Cell, PackTable } from '../pack-types.js';

export const HOURLY_RATE_MISSING = 'Enter the local hourly rate in the fee table to draw the fee line.';
const NO_FEE = 'No fixed fee for this category in the fee table.';

interface FeeInForce {
  fixedFeeGbp: number;
  hourlyRateGbp: number | null;
}

function inForce(tables: FeeTable[], category: Category, asOf: string): FeeInForce[] {
  return tables.flatMap((table) => {
    let found: (FeeInForce & { effectiveFrom: string }) | null = null;
    for (const row of table.rows) {
      if (row.category !== category || row.effectiveFrom > asOf) continue;
      if (!found || row.effectiveFrom > found.effectiveFrom) found = row;
    }
    return found ? [{ fixedFeeGbp: found.fixedFeeGbp, hourlyRateGbp: found.hourlyRateGbp }] : [];
  });
}

/** One figure when the organisations agree, else "from – to". */
function spread(values: Array<number | null>, places: number): Cell {
  const known = values.filter((v): v is number => v !== null);
  if (known.length === 0 || known.length < values.length) return null;
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  const fmt = (x: number) => Number(x.toFixed(places));
  return lo === hi ? fmt(lo) : `${fmt(lo)} to ${fmt(hi)}`;
}

export function fixedFeeTable(
  rows: FeeLineRow[],
  feeTables: FeeTable[],
  asOf: string,
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
      'Per category: the Legal Help fixed fee in force on the as-of date, the hours it pays for at the local ' +
      'hourly rate, and the hours closed cases actually took (all recorded time). Cases within the line took no ' +
      'more time than the fee pays for; positive outcome rates are among cases with a result.',
    note: null,
    columns: [
      { key: 'category', label: 'Category', kind: 'text' },
      { key: 'fixed_fee_gbp', label: 'Fixed fee £', kind: 'gbp' },
      { key: 'hourly_rate_gbp', label: 'Hourly rate £', kind: 'gbp' },
      { key: 'hours_paid_for', label: 'Hours the fee pays for', kind: 'hours' },
      { key: 'cases', label: 'Closed cases', kind: 'count' },
      { key: 'median_hours', label: 'Median hours taken', kind: 'hours' },
      { key: 'cases_within_fee', label: 'Within the fee', kind: 'count' },
      { key: 'cases_beyond_fee', label: 'Beyond the fee', kind: 'count' },
      { key: 'within_with_result', label: 'Within: with a result', kind: 'count' },
      { key: 'positive_rate_within', label: 'Within: positive rate', kind: 'rate' },
      { key: 'beyond_with_result', label: 'Beyond: with a result', kind: 'count' },
      { key: 'positive_rate_beyond', label: 'Beyond: positive rate', kind: 'rate' },
      { key: 'cases_escaped', label: 'Crossed the escape threshold', kind: 'count' },
      { key: 'note', label: 'Note', kind: 'text' },
    ],
    rows: (onlyCategory ? [onlyCategory] : CATEGORIES).map((category) => {
      const fees = inForce(feeTables, category, asOf);
      const r = rows.find((x) => x.category === category);
      const hoursPaidFor = fees.map((f) => (f.hourlyRateGbp ? f.fixedFeeGbp / f.hourlyRateGbp : null));
      const lined = fees.length > 0 && fees.every((f) => f.hourlyRateGbp !== null);
      const base = {
        category: labelOf(category),
        fixed_fee_gbp: spread(
          fees.map((f) => f.fixedFeeGbp),
          2,
        ),
        hourly_rate_gbp: spread(
          fees.map((f) => f.hourlyRateGbp),
          2,
        ),
        hours_paid_for: spread(hoursPaidFor, 1),
        note: fees.length === 0 ? NO_FEE : lined ? null : HOURLY_RATE_MISSING,
      };
      const cases = r?.cases ?? 0;
      const parts = r
        ? [
            r.within,
            r.beyond,
            r.cases - r.lined,
            r.within - r.withinN,
            r.withinPositive,
            r.withinN - r.withinPositive,
            r.beyond - r.beyondN,
            r.beyondPositive,
            r.beyondN - r.beyondPositive,
            r.escaped,
            r.escapeN - r.escaped,
            r.cases - r.escapeN,
          ]
        : [];
      const hidden = categoryCasesHidden(category) || parts.some(small);
      const counts = (value: () => Cell): Cell => (hidden ? SECONDARY_MARK : value());
      const whenLined = (value: () => Cell): Cell => (lined && r ? counts(value) : null);
      return {
        ...base,
        cases: counts(() => cases),
        median_hours: counts(() => (r?.medianHours == null ? null : Number(r.medianHours.toFixed(1)))),
        cases_within_fee: whenLined(() => r!.within),
        cases_beyond_fee: whenLined(() => r!.beyond),
        within_with_result: whenLined(() => r!.withinN),
        positive_rate_within: whenLined(() => rate(r!.withinPositive, r!.withinN)),
        beyond_with_result: whenLined(() => r!.beyondN),
        positive_rate_beyond: whenLined(() => rate(r!.beyondPositive, r!.beyondN)),
        cases_escaped: r && r.escapeN > 0 ? counts(() => r.escaped) : null,
      };
    }),
  };
}
