/**
 * What the pack publishes of its cells (analytics/measure-cells.repository.ts), rounded as every figure
 * that leaves a provider (rounding.ts, means.ts): every count rounded to the threshold's base, totals the
 * sums of the rounded bands, rates and intervals from rounded figures, one category base for every figure,
 * small bands merged with a neighbour and labelled. The evidence pack's tables and a commissioner's
 * time-vs-outcome screen both publish from this, so they agree cell for cell.
 */
import { BANDS, CATEGORIES, OUTCOME_MEASURES, PACK_MEANS, PACK_RATES } from '@deepvalue/shared';
import type { OutcomeMeasure, PackMean, PackRate } from '@deepvalue/shared';

import type { MeasureCell } from '../analytics/measure-cells.repository.js';
import { roundedMeans, type MeanScale, type RoundedMeanTable } from './means.js';
import {
  publishedLess,
  ratesOf,
  roundFigures,
  roundedRates,
  type FigureCounts,
  type RoundedFigure,
  type RoundedRateTable,
} from './rounding.js';

/**
 * Each mean's scale (means.ts): the coarsest grain its per-case values can sit on (RQI: 25,
 * since a case's index can rest on one 1–5 item; continuity: 1, a lead adviser doing all or none), its
 * range, and the finest step shown.
 */
export const PACK_MEAN_SCALES: Record<PackMean, MeanScale> = {
  rqi: { grain: 25, min: 0, max: 100, finestStep: 0.1 },
  continuity: { grain: 1, min: 0, max: 1, finestStep: 0.001 },
  bounce_in: { grain: 1, min: 0, max: 3, finestStep: 0.01 },
  confidence_change: { grain: 1, min: -4, max: 4, finestStep: 0.01 },
  understood: { grain: 1, min: 1, max: 5, finestStep: 0.01 },
  trust: { grain: 1, min: 1, max: 5, finestStep: 0.01 },
  // A case's value is the mean of its answers, but can rest on one 1–5 answer.
  did_not_repeat_story: { grain: 1, min: 1, max: 5, finestStep: 0.01 },
};

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
  /** Per category (CATEGORIES order): left out by the pack's category filter, so known to a reader to hold nothing. */
  knownZero: boolean[];
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
  return { base, knownZero, cases, measures, figures: published, rates, means };
}
