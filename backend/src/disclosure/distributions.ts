/**
 * Distributions (counts of cases or underlying problems over the parts of a grouping) published under
 * the same rounding as every other pack count (rounding.ts; reasoning in docs/decisions.md,
 * "Distributions under rounding"):
 *
 * - every count is rounded to the base; a group's total is the sum of its rounded parts, and a share is
 *   taken from the rounded count and that total, with its Wilson interval (rateOfRounded), so a share
 *   publishes nothing beyond the rounded counts;
 * - a distribution's units are part of a whole the pack publishes elsewhere (the cases with the
 *   story recorded are some of the closed cases). Read together, a whole and its part can pin counts
 *   when the part's counts, each at the lowest value its rounding allows, already reach the highest the
 *   whole allows: then everything in both sits at that extreme. When several ways of dividing the same
 *   units are published (underlying problems by action, by result and by time before they surfaced),
 *   they are checked together by bounds (pinnedByBounds), as bands and categories are;
 * - a table whose counts would be pinned at the base is rounded to a coarser one (2×, then 4× the base),
 *   and failing that not published;
 * - where the units come in clusters (underlying problems, several to a case), a share's interval allows for
 *   a cluster's units being alike (analytics/statistics/cluster-share-interval.ts): Wilson's at the rounded
 *   total ÷ a design effect. The design effect comes from the true counts per case, so it is published
 *   only coarsened: one per way of dividing the units, the largest of its parts', rounded up to a quarter
 *   (publishedDesignEffect). It widens intervals; it is no count and adds nothing a count could be pinned by.
 */
import { Z95, wilsonScore } from '../analytics/statistics/wilson.js';
import {
  MIN_RATE_N,
  pinnedByBounds,
  rateOfRounded,
  roundToBase,
  roundedRange,
  type RoundedFigure,
  type RoundedRate,
} from './rounding.js';

/**
 * The lowest and highest true total a published figure's bands (and categories, where published) allow; a
 * category the pack's filter leaves out (`knownZero`) holds nothing, whatever its rounded figure allows.
 */
export function totalRange(figure: RoundedFigure, base: number, knownZero: readonly boolean[] = []): [number, number] {
  const sum = (xs: Array<[number, number]>): [number, number] => [
    xs.reduce((s, r) => s + r[0], 0),
    xs.reduce((s, r) => s + r[1], 0),
  ];
  const bands = sum(figure.byBand.map((x) => roundedRange(x, base)));
  if (figure.byCategory.some((x) => x === null)) return bands;
  const categories = sum(
    figure.byCategory.map((x, i): [number, number] => (knownZero[i] ? [0, 0] : roundedRange(x!, figure.categoryBase))),
  );
  return [Math.max(bands[0], categories[0]), Math.min(bands[1], categories[1])];
}

/** Σ of the lowest true counts rounded parts allow. */
export function lowestSum(rounded: readonly number[], base: number): number {
  return rounded.reduce((s, r) => s + roundedRange(r, base)[0], 0);
}

/**
 * A part and its whole read together pin counts when the part's lowest possible total reaches the
 * whole's highest (the part cannot be more than the whole).
 */
export function pinsWhole(partLowest: number, wholeHighest: number): boolean {
  return partLowest >= wholeHighest;
}

/**
 * The first of base, 2 × base and 4 × base at which `safe` holds for the counts rounded to it, or null
 * (then the table is not published).
 */
export function safeBase(base: number, safe: (base: number) => boolean): number | null {
  return [base, 2 * base, 4 * base].find(safe) ?? null;
}

/** Several ways of dividing the same units, each rounded to `base`: pinned by bounds when read together? */
export function waysPinned(ways: ReadonlyArray<readonly number[]>, base: number): boolean {
  return pinnedByBounds(ways.map((way) => way.map((x) => roundedRange(roundToBase(x, base), base))));
}

export interface RoundedPart extends RoundedRate {
  /** The rounded count of this part; n is the group's total (the sum of its rounded parts). */
  count: number;
}

/** The step a published design effect is rounded up to. */
export const DESIGN_EFFECT_STEP = 0.25;

/** One design effect for several parts: the largest of theirs (null: none), rounded up to the step, at least 1. */
export function publishedDesignEffect(effects: ReadonlyArray<number | null>): number {
  const largest = Math.max(1, ...effects.filter((d): d is number => d !== null));
  return Math.ceil(Number((largest / DESIGN_EFFECT_STEP).toPrecision(12))) * DESIGN_EFFECT_STEP;
}

/**
 * A group's parts as published: rounded counts, and each one's share of their sum with its interval — Wilson's,
 * at the sum ÷ `designEffect` where the units come in clusters (1: independent units, rateOfRounded).
 */
export function sharesOf(counts: readonly number[], base: number, designEffect = 1): RoundedPart[] {
  const rounded = counts.map((x) => roundToBase(x, base));
  const n = rounded.reduce((a, b) => a + b, 0);
  return rounded.map((count) => {
    const r = rateOfRounded(count, n);
    if (designEffect === 1 || n < MIN_RATE_N) return { ...r, count };
    return { ...r, ...wilsonScore(count / n, n / designEffect, Z95), count };
  });
}
