/**
 * Disclosure control by rounding and band merging (reasoning in docs/decisions.md), for every
 * figure published outside a provider: commissioners' live reports and every evidence-pack format.
 *
 * - Every count is rounded to the nearest multiple of the base (roundingBaseFor the threshold from
 *   thresholdFor: 5 unless an organisation raised it; halves round up). A rounded count R stands for any true count from
 *   R − ⌊base/2⌋ to R + ⌈base/2⌉ − 1 (for base 5: R − 2 to R + 2), so no count of 1–4 is exact.
 * - Rates and their 95% Wilson intervals are computed from the ROUNDED count and the ROUNDED n, so they
 *   publish nothing beyond the rounded counts (an exact rate beside a rounded n would give a small
 *   complement away: n ≈ 45 at 96% pins the negatives at 2).
 * - A figure is published by band of relationship time and by category. The all-bands total is the SUM
 *   OF THE ROUNDED BANDS (never rounded on its own: four bands of 3 shown as 5 each beside a total of 12
 *   rounded to 10 would pin every band at exactly 3). Categories are rounded on their own, so they need
 *   not add up to the total.
 * - Bands and categories still describe the same cases (Σ bands = Σ categories in truth), so each figure
 *   is checked by bounds (pinnedByBounds): when that would pin any published figure to one value, its
 *   category figures are rounded to a coarser base (2×, then 4×), and failing that not published.
 * - A band whose rounded n is below MIN_RATE_N is merged with its neighbour for that measure, labelled
 *   with the merged range (e.g. "4 h and over"); its figures are the sums of the bands' rounded figures.
 */
import { BANDS } from '@deepvalue/shared';
import { wilsonInterval } from '../analytics/statistics/wilson.js';

/** Shown where a figure is not published ("[c]", as official statistics mark confidential cells). */
export const NOT_PUBLISHED_MARK = '[c]';

/** A band (or category) needs at least this rounded n for a rate to be given. */
export const MIN_RATE_N = 10;

/**
 * The rounding base for a threshold (thresholdFor): the first of 5, 10, 20, 25, 50, 100 that is at least
 * the threshold, so readers see the familiar bases of official statistics (a threshold of 7 rounds to 10).
 */
export function roundingBaseFor(threshold: number): number {
  return [5, 10, 20, 25, 50, 100].find((b) => b >= threshold) ?? Math.ceil(threshold);
}

/** The nearest multiple of `base`, halves rounded up. */
export function roundToBase(count: number, base: number): number {
  if (!Number.isInteger(count) || count < 0) throw new RangeError('counts must be whole numbers ≥ 0');
  if (!Number.isInteger(base) || base < 2) throw new RangeError('the rounding base must be a whole number ≥ 2');
  return Math.floor((count + base / 2) / base) * base;
}

/** The true counts a rounded figure can stand for: [low, high]. */
export function roundedRange(rounded: number, base: number): [number, number] {
  return [Math.max(0, rounded - Math.floor(base / 2)), rounded + Math.ceil(base / 2) - 1];
}

export interface RoundedRate {
  n: number;
  count: number;
  /** From the rounded count and n; null when the rounded n is below MIN_RATE_N. */
  rate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Rounded units in scope where the thing is not recorded (left out of n), where the table shows it. */
  unknown?: number;
}

/** A rate and its Wilson interval from rounded figures (a function of the published counts only). */
export function rateOfRounded(count: number, n: number): RoundedRate {
  const c = Math.min(count, n);
  if (n < MIN_RATE_N) return { n, count: c, rate: null, ciLow: null, ciHigh: null };
  return { n, count: c, ...wilsonInterval(c, n) };
}

/** A figure as counted: by band (BANDS order), by category, and the total (Σ bands = Σ categories). */
export interface FigureCounts {
  byBand: readonly number[];
  byCategory: readonly number[];
}

export interface RoundedFigure {
  byBand: number[];
  /** The sum of the rounded bands. */
  total: number;
  /** Null where not published (the bounds check found no safe base). */
  byCategory: Array<number | null>;
  /** The base the categories were rounded to (the band base, or coarser when the check needed it). */
  categoryBase: number;
}

/**
 * Round figures that share their categories' fate (a count and its n) and check each by bounds.
 * `knownZero[i]` marks categories a reader knows are empty whatever the rounding says (e.g. all but
 * the one a category filter keeps). Categories are rounded at the first base of base, 2×base and
 * 4×base at which no figure is pinned, or not published.
 */
export function roundFigures(
  figures: readonly FigureCounts[],
  base: number,
  knownZero: readonly boolean[] = [],
): RoundedFigure[] {
  const banded = figures.map((f) => f.byBand.map((x) => roundToBase(x, base)));
  const safeAt = (categoryBase: number) =>
    figures.every((f, k) => {
      const ranges = [
        banded[k].map((r) => roundedRange(r, base)),
        f.byCategory.map((x, i): [number, number] =>
          knownZero[i] ? [0, 0] : roundedRange(roundToBase(x, categoryBase), categoryBase),
        ),
      ];
      return !pinnedByBounds(ranges);
    });
  const categoryBase = [base, 2 * base, 4 * base].find(safeAt);
  return figures.map((f, k) => ({
    byBand: banded[k],
    total: banded[k].reduce((a, b) => a + b, 0),
    byCategory: f.byCategory.map((x) => (categoryBase === undefined ? null : roundToBase(x, categoryBase))),
    categoryBase: categoryBase ?? base,
  }));
}

/**
 * True when several ways of splitting the same total (each a list of [low, high] ranges of its parts),
 * read together, leave some part or the total with exactly one possible value. For one shared total
 * and box ranges this is exact: the total lies in the intersection of [Σ low, Σ high] of every way, and a
 * part in [total − Σ others' high, total − Σ others' low]; a single value appears only where the
 * intersection is a point or a part's range closes up against it.
 */
export function pinnedByBounds(ways: ReadonlyArray<ReadonlyArray<readonly [number, number]>>): boolean {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const totalLow = Math.max(...ways.map((way) => sum(way.map((r) => r[0]))));
  const totalHigh = Math.min(...ways.map((way) => sum(way.map((r) => r[1]))));
  if (totalLow >= totalHigh) return true;
  for (const way of ways) {
    const lows = sum(way.map((r) => r[0]));
    const highs = sum(way.map((r) => r[1]));
    for (const [low, high] of way) {
      if (low === high) continue; // known before anything was published (a known zero)
      const partLow = Math.max(low, totalLow - (highs - high));
      const partHigh = Math.min(high, totalHigh - (lows - low));
      if (partLow >= partHigh) return true;
    }
  }
  return false;
}

/**
 * What is left of a published whole after a published part (closed cases less a measure's n): the
 * cases not recorded, worked out from published figures only, so it publishes nothing new. Rounding to
 * one base keeps order, so a band's difference is never below 0; categories (perhaps rounded to other
 * bases) are floored at 0. The total is the sum of the bands, as every total is.
 */
export function publishedLess(whole: RoundedFigure, part: RoundedFigure): RoundedFigure {
  const byBand = whole.byBand.map((w, j) => Math.max(0, w - part.byBand[j]));
  return {
    byBand,
    total: byBand.reduce((a, b) => a + b, 0),
    byCategory: whole.byCategory.map((w, i) => {
      const p = part.byCategory[i];
      return w === null || p === null ? null : Math.max(0, w - p);
    }),
    categoryBase: Math.max(whole.categoryBase, part.categoryBase),
  };
}

/** Consecutive bands [from, to] (indexes into BANDS) published as one group. */
export interface BandGroup {
  from: number;
  to: number;
  label: string;
}

const hours = (minutes: number) => String(minutes / 60);

export function bandGroupLabel(from: number, to: number): string {
  if (from === to) return BANDS[from].label;
  const low = BANDS[from].minMinutes;
  const high = BANDS[to].maxMinutes;
  if (low === 0 && high === null) return 'All relationship times';
  if (low === 0) return `under ${hours(high!)} h`;
  if (high === null) return `${hours(low)} h and over`;
  return `${hours(low)}–${hours(high)} h`;
}

/**
 * Merge bands whose rounded n is below MIN_RATE_N with a neighbour until every group has enough (or
 * one group is left): a group at either end joins its only neighbour, one in the middle the smaller
 * neighbour (the lower band on a tie). Decided on rounded figures only, so the grouping reveals nothing more.
 */
export function mergeSmallBands(roundedN: readonly number[]): BandGroup[] {
  const groups = roundedN.map((n, j) => ({ from: j, to: j, n }));
  for (;;) {
    const k = groups.findIndex((g) => g.n < MIN_RATE_N);
    if (k < 0 || groups.length === 1) break;
    const previous = groups[k - 1];
    const next = groups[k + 1];
    const withPrevious = !next || (previous !== undefined && previous.n <= next.n);
    const [a, b] = withPrevious ? [k - 1, k] : [k, k + 1];
    groups.splice(a, 2, { from: groups[a].from, to: groups[b].to, n: groups[a].n + groups[b].n });
  }
  return groups.map((g) => ({ from: g.from, to: g.to, label: bandGroupLabel(g.from, g.to) }));
}

/** Sum rounded band figures over a group. */
export function sumOver(group: BandGroup, byBand: readonly number[]): number {
  let total = 0;
  for (let j = group.from; j <= group.to; j++) total += byBand[j];
  return total;
}

export interface RoundedRateTable {
  groups: Array<BandGroup & RoundedRate>;
  overall: RoundedRate;
  byCategory: Array<RoundedRate | null>;
  base: number;
  categoryBase: number;
}

/**
 * One measure as published from its rounded count and n (rounded together by roundFigures): bands
 * merged where the rounded n is too small, and every rate from rounded figures.
 */
export function ratesOf(c: RoundedFigure, m: RoundedFigure, base: number, u?: RoundedFigure): RoundedRateTable {
  const groups = mergeSmallBands(m.byBand).map((g) => ({
    ...g,
    ...rateOfRounded(sumOver(g, c.byBand), sumOver(g, m.byBand)),
    ...(u && { unknown: sumOver(g, u.byBand) }),
  }));
  const byCategory = m.byCategory.map((mn, i) => {
    const cc = c.byCategory[i];
    const uc = u?.byCategory[i];
    if (mn === null || cc === null || uc === null) return null;
    return { ...rateOfRounded(cc, mn), ...(uc !== undefined && { unknown: uc }) };
  });
  const overall = { ...rateOfRounded(c.total, m.total), ...(u && { unknown: u.total }) };
  return { groups, overall, byCategory, base, categoryBase: m.categoryBase };
}

/**
 * One measure on its own: the count and its n rounded together, then ratesOf. The units not recorded,
 * when given: a count of their own rounded with them (`unknown`: referrals not recorded, whose whole is
 * never published), or the published whole less the rounded n (`outOf`: closed cases as the cases table
 * publishes them). Never a rounded count of cases not recorded beside rounded cases and n: read with
 * n + not recorded = cases across bands and categories, three figures rounded apart can pin a count
 * (rounding-attacker-tables.spec.ts found it).
 */
export function roundedRates(
  count: FigureCounts,
  n: FigureCounts,
  base: number,
  knownZero: readonly boolean[] = [],
  notRecorded?: { unknown: FigureCounts } | { outOf: RoundedFigure },
): RoundedRateTable {
  const own = notRecorded && 'unknown' in notRecorded ? [notRecorded.unknown] : [];
  const [c, m, u] = roundFigures([count, n, ...own], base, knownZero);
  const derived = notRecorded && 'outOf' in notRecorded ? publishedLess(notRecorded.outOf, m) : u;
  return ratesOf(c, m, base, derived);
}
