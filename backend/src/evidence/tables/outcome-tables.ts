/**
 * The cases table and one time-against-outcome table per outcome measure: each figure for all
 * categories by band of relationship time, and per category for all bands, with the overall total.
 * Published by rounding (disclosure/rounding.ts): every count rounded to the threshold's
 * base, totals the sums of the rounded bands, rates and intervals from rounded figures, one category
 * base for every figure of the pack, small bands merged with a neighbour and labelled.
 *
 */
import { BANDS, CATEGORIES, MEASURES, OUTCOME_MEASURES, labelOf, type OutcomeMeasure } from '@deepvalue/shared';
import {
  PACK_MEANS,
  PACK_MEAN_SCALES,
  PACK_RATES,
  type MeasureCell,
  type PackMean,
  type PackRate,
} from '../evidence.repository.js';
import { roundedMeans, type RoundedMeanTable } from '../../disclosure/means.js';
import {
  MIN_RATE_N,
  NOT_PUBLISHED_MARK,
  publishedLess,
  ratesOf,
  roundFigures,
  roundedRates,
  type FigureCounts,
  type RoundedFigure,
  type RoundedRate,
  type RoundedRateTable,
} from '../../disclosure/rounding.js';
import { type Cell, type PackColumn, type PackTable } from '@deepvalue/shared';
import { sheetName } from './sheet-name.js';

export const ALL_CATEGORIES = 'All categories';
export const ALL_BANDS = 'All bands';

/** One figure of the cells by band (BANDS order) and by category (CATEGORIES order). */
export function figure(cells: readonly MeasureCell[], value: (cell: MeasureCell) => number): FigureCounts {
  const at = (category: string, band: number) => {
    const cell = cells.find((c) => c.category === category && c.band === band);
    return cell ? value(cell) : 0;
  };
  return {
    byBand: BANDS.map((_, j) => CATEGORIES.reduce((s, c) => s + at(c, j), 0)),
    byCategory: CATEGORIES.map((c) => BANDS.reduce((s, _, j) => s + at(c, j), 0)),
  };
}

/** What the pack publishes of the outcome figures, all rounded together (one category base). */
export interface RoundedOutcomes {
  base: number;
  cases: RoundedFigure;
  measures: Record<OutcomeMeasure, RoundedRateTable>;
  /** Each measure's rounded count and n by band, before bands are merged (pricing reuses them). */
  figures: Record<OutcomeMeasure, { count: RoundedFigure; n: RoundedFigure }>;
  /** The other rates by band (PACK_RATES), rounded the same way (each count with its own n and unknowns). */
  rates: Record<PackRate, RoundedRateTable>;
  /** The means by band (PACK_MEANS): n and unknowns rounded, means published by disclosure/means.ts. */
  means: Record<PackMean, RoundedMeanTable>;
}

/**
 * Each outcome table's "Not recorded": the cases in the measure's scope that are not in its n, worked out
 * from figures the pack already publishes (the whole less n, both as published), so it publishes nothing
 * new. A count of its own, rounded apart, would not do: read with n + not recorded = the whole, three
 * figures rounded apart can pin a count (rounding-attacker-tables.spec.ts found it for the other rates).
 * The whole is the closed cases, except for avoided appeal: the negative outcomes, which positive outcome
 * publishes as its n less its count. OUTCOME_NOT_RECORDED says what each holds.
 */
export function outcomeNotRecorded(
  cases: RoundedFigure,
  figures: Record<OutcomeMeasure, { count: RoundedFigure; n: RoundedFigure }>,
): Record<OutcomeMeasure, RoundedFigure> {
  const positive = figures.positive_outcome;
  const negative = publishedLess(positive.n, positive.count);
  return Object.fromEntries(
    OUTCOME_MEASURES.map((m) => [m, publishedLess(m === 'avoided_appeal' ? negative : cases, figures[m].n)]),
  ) as Record<OutcomeMeasure, RoundedFigure>;
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
  const published = Object.fromEntries(
    OUTCOME_MEASURES.map((m, k) => [m, { count: rest[2 * k], n: rest[2 * k + 1] }]),
  ) as RoundedOutcomes['figures'];
  const notRecorded = outcomeNotRecorded(cases, published);
  const measures = Object.fromEntries(
    OUTCOME_MEASURES.map((m) => [m, ratesOf(published[m].count, published[m].n, base, notRecorded[m])]),
  ) as Record<OutcomeMeasure, RoundedRateTable>;
  // Rounded apart from the outcome figures (their own category base): the bounds check is per figure.
  // Not recorded: referrals as a rounded count of their own; cases as the published cases less n.
  const rates = Object.fromEntries(
    PACK_RATES.map((m) => [
      m,
      roundedRates(
        figure(cells, (c) => c.rates[m].count),
        figure(cells, (c) => c.rates[m].n),
        base,
        knownZero,
        m === 'referral_completion' ? { unknown: figure(cells, (c) => c.rates[m].unknown) } : { outOf: cases },
      ),
    ]),
  ) as Record<PackRate, RoundedRateTable>;
  const means = Object.fromEntries(
    PACK_MEANS.map((m) => [
      m,
      roundedMeans(
        figure(cells, (c) => c.means[m].n),
        figure(cells, (c) => c.means[m].sum),
        PACK_MEAN_SCALES[m],
        base,
        cases,
        knownZero,
      ),
    ]),
  ) as Record<PackMean, RoundedMeanTable>;
  return { base, cases, measures, figures: published, rates, means };
}

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
