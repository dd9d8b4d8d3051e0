/**
 * The cases table and one time-against-outcome table per outcome measure: each figure for all
 * categories by band of relationship time, and per category for all bands, with the overall total.
 * The figures are the pack's cells as disclosure/published-outcomes.ts rounds them (disclosure/rounding.ts):
 * every count rounded to the threshold's base, totals the sums of the rounded bands, rates and intervals
 * from rounded figures, one category base for every figure of the pack, small bands merged with a
 * neighbour and labelled.
 *
 */
import { BANDS, CATEGORIES, MEASURES, labelOf, type OutcomeMeasure, type PackRate } from '@deepvalue/shared';
import type { RoundedOutcomes } from '../../disclosure/published-outcomes.js';
import { MIN_RATE_N, NOT_PUBLISHED_MARK, type RoundedRate, type RoundedRateTable } from '../../disclosure/rounding.js';
import { type Cell, type PackColumn, type PackTable } from '@deepvalue/shared';
import { sheetName } from './sheet-name.js';

export const ALL_CATEGORIES = 'All categories';
export const ALL_BANDS = 'All bands';

export const GRID_COLUMNS: PackColumn[] = [
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
        cases: cases.byCategory[i] ?? NOT_PUBLISHED_MARK,
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

function rateCells(r: RoundedRate | null, withUnknown: boolean): Record<string, Cell> {
  const unknown: Record<string, Cell> = withUnknown
    ? { not_recorded: r === null ? NOT_PUBLISHED_MARK : (r.unknown ?? null) }
    : {};
  if (r === null)
    return {
      n: NOT_PUBLISHED_MARK,
      ...unknown,
      count: NOT_PUBLISHED_MARK,
      rate: NOT_PUBLISHED_MARK,
      ci_low: NOT_PUBLISHED_MARK,
      ci_high: NOT_PUBLISHED_MARK,
    };
  return {
    n: r.n,
    ...unknown,
    count: r.count,
    rate: round4(r.rate),
    ci_low: round4(r.ciLow),
    ci_high: round4(r.ciHigh),
  };
}

export function timeVsOutcomeTable(rounded: RoundedOutcomes, measure: OutcomeMeasure): PackTable {
  return rateByBandTable(rounded.measures[measure], rounded.base, {
    name: MEASURE_FILE_NAMES[measure],
    sheet: SHEETS[measure],
    ...MEASURES[measure],
    unit: 'cases',
    notRecorded: OUTCOME_NOT_RECORDED[measure],
  });
}

/** What each outcome table's "Not recorded" holds (outcomeNotRecorded works it out). */
const OUTCOME_NOT_RECORDED: Record<OutcomeMeasure, string> = {
  positive_outcome:
    'closed cases without a result to rate: withdrawn, lost contact or none recorded; the closed cases less n, ' +
    'both as published',
  accepted: 'not asked or not recorded; the closed cases less n, both as published',
  avoided_appeal:
    'negative outcomes where whether an appeal was avoided is not known; the negative outcomes (positive ' +
    "outcome's n less its count) less n, all as published",
  problem_uncovered: 'every closed case counts, so none; the closed cases less n, both as published',
  bounce_back:
    'not followed up, or closed less than six months before the as-of date, too soon to tell; the closed cases ' +
    'less n, both as published',
};

export const PACK_RATE_FILE_NAMES: Record<PackRate, string> = {
  bounce_out: 'by-band-bounce-out',
  referral_completion: 'by-band-referral-completion',
  confidence_improved: 'by-band-confidence-improved',
  would_seek_advice_earlier: 'by-band-would-seek-advice-earlier',
  could_handle_similar: 'by-band-could-handle-similar',
  full_disclosure: 'by-band-full-disclosure',
  outcome_sustained: 'by-band-outcome-sustained',
  new_problem_at_follow_up: 'by-band-new-problem-at-follow-up',
};

/** A rate beyond the outcome measures by band (PACK_RATES), under the same rounding. */
export function packRateTable(rounded: RoundedOutcomes, rate: PackRate): PackTable {
  const definition = RATE_DEFINITIONS[rate];
  return rateByBandTable(rounded.rates[rate], rounded.base, {
    name: PACK_RATE_FILE_NAMES[rate],
    sheet: sheetName(definition.label),
    label: definition.label,
    definition: definition.definition,
    unit: rate === 'referral_completion' ? 'referrals' : 'cases',
    notRecorded: rate === 'referral_completion' ? 'rounded the same way' : 'the closed cases less n, both as published',
  });
}

const RATE_DEFINITIONS: Record<PackRate, { label: string; definition: string }> = {
  bounce_out: MEASURES.bounce_out,
  referral_completion: MEASURES.referral_completion,
  confidence_improved: MEASURES.confidence_improved,
  would_seek_advice_earlier: MEASURES.would_seek_advice_earlier,
  could_handle_similar: MEASURES.could_handle_similar,
  full_disclosure: MEASURES.full_disclosure,
  outcome_sustained: MEASURES.outcome_sustained,
  new_problem_at_follow_up: MEASURES.new_problem_at_follow_up,
};

function rateByBandTable(
  table: RoundedRateTable,
  base: number,
  about: {
    name: string;
    sheet: string;
    label: string;
    definition: string;
    unit: 'cases' | 'referrals';
    /** How "Not recorded" is worked out, when the table shows it. */
    notRecorded?: string;
  },
): PackTable {
  const withUnknown = about.notRecorded !== undefined;
  const merged = table.groups.filter((g) => g.from !== g.to).map((g) => `"${g.label}"`);
  return {
    name: about.name,
    sheet: about.sheet,
    title: `${about.label} by relationship time`,
    description:
      `${about.definition} Rates with a 95% Wilson interval, computed from the rounded count and n; n is the ` +
      `${about.unit} the rate is taken among. ${roundingNote(base)} A band with fewer than ${MIN_RATE_N} ${about.unit} ` +
      'is merged with its neighbour' +
      (merged.length ? `: here ${merged.join(' and ')} ${merged.length === 1 ? 'is' : 'are'} merged bands.` : '.') +
      ` A category with fewer than ${MIN_RATE_N} ${about.unit} has no rate.` +
      (withUnknown
        ? ` "Not recorded" is the ${about.unit} where this was not recorded, left out of n and never counted as "no" ` +
          `(${about.notRecorded}).`
        : ''),
    note: null,
    columns: [
      { key: 'measure', label: 'Measure', kind: 'text' },
      ...GRID_COLUMNS,
      { key: 'n', label: `n (${about.unit})`, kind: 'count' },
      ...(withUnknown ? [{ key: 'not_recorded', label: 'Not recorded', kind: 'count' as const }] : []),
      { key: 'count', label: 'With the outcome', kind: 'count' },
      { key: 'rate', label: 'Rate', kind: 'rate' },
      { key: 'ci_low', label: '95% interval from', kind: 'rate' },
      { key: 'ci_high', label: '95% interval to', kind: 'rate' },
    ],
    rows: [
      ...table.groups.map((g) => ({
        measure: about.label,
        category: ALL_CATEGORIES,
        band: g.label,
        ...rateCells(g, withUnknown),
      })),
      { measure: about.label, category: ALL_CATEGORIES, band: ALL_BANDS, ...rateCells(table.overall, withUnknown) },
      ...CATEGORIES.map((c, i) => ({
        measure: about.label,
        category: labelOf(c),
        band: ALL_BANDS,
        ...rateCells(table.byCategory[i], withUnknown),
      })),
    ],
  };
}

/** Overall n of a measure as published (the sum of its rounded bands). */
export function publishedTotal(rounded: RoundedOutcomes, measure: OutcomeMeasure): number {
  return rounded.measures[measure].overall.n;
}
