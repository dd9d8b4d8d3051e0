/**
 * Means (RQI, continuity, bounce-in, change in confidence) published by band of relationship time under
 * the same disclosure control as the rates (reasoning in docs/decisions.md, "Means under rounding"):
 *
 * - n and the cases not recorded are counts, rounded and bounds-checked like every count (roundFigures);
 *   bands whose rounded n is below MIN_RATE_N are merged with a neighbour; a group or category below it
 *   has no mean.
 * - The mean must not give the true n back (an exact n beside the rounded closed cases and cases not
 *   recorded can pin a count of 1–4). A mean is Σ ÷ n, and Σ is a multiple of the per-case value's grain
 *   g: the coarsest lattice the value can sit on (1 for a count of organisations, a change on a 1–5 scale
 *   or a share that is all or nothing; 25 for RQI, which can rest on a single 1–5 item). Rounded to a step
 *   p with p × n ≥ g for every n the rounded n can stand for, some multiple of g divided by each such n
 *   rounds to the published mean: every n stays possible. So p is the first of 1, 2, 5 × 10^k at least
 *   g ÷ (the smallest n the rounded n can stand for), and never finer than the measure's own step.
 * - The 95% interval must add nothing: one from the data's standard deviation tells n apart near the
 *   ends of the scale (a few low values among many at the top fix both the mean and the spread by n;
 *   means.spec.ts found such cases). So it is mean ± t(R − 1) × s_max ÷ √R with R the rounded n and s_max
 *   the largest standard deviation values on the scale can have at this mean ((max − mean)(mean − min) ×
 *   R ÷ (R − 1), Bhatia–Davis): a conservative interval, a function of the published mean and n only,
 *   widened outwards to the step and kept inside the scale.
 */
import { studentT975 } from '../analytics/statistics/mean-interval.js';
import {
  MIN_RATE_N,
  mergeSmallBands,
  publishedLess,
  roundFigures,
  roundedRange,
  sumOver,
  type BandGroup,
  type FigureCounts,
  type RoundedFigure,
} from './rounding.js';

/** The per-case value's scale: the grain its sums move in, its range, and the finest step shown. */
export interface MeanScale {
  grain: number;
  min: number;
  max: number;
  finestStep: number;
}

export interface RoundedMean {
  /** Rounded n (the sum of the rounded bands for a group). */
  n: number;
  /** Rounded cases in scope where the value is not recorded. */
  unknown: number;
  /** Null when the rounded n is below MIN_RATE_N. */
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** The step the mean and its interval are rounded to. */
  step: number | null;
}

export interface RoundedMeanTable {
  groups: Array<BandGroup & RoundedMean>;
  overall: RoundedMean;
  /** Null where the category's counts are not published. */
  byCategory: Array<RoundedMean | null>;
  base: number;
  categoryBase: number;
}

const NICE = [1, 2, 5];

/** The first of …, 0.1, 0.2, 0.5, 1, 2, 5, 10, … that is at least `least` (and at least `finest`). */
export function meanStep(least: number, finest: number): number {
  const target = Math.max(least, finest);
  for (let exponent = Math.floor(Math.log10(target)) - 1; ; exponent++) {
    for (const m of NICE) {
      const step = Number((m * 10 ** exponent).toPrecision(12));
      if (step >= target - 1e-12) return step;
    }
  }
}

const decimalsOf = (step: number) => Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
/** x on a multiple of step; the nudge keeps float noise (1.15 ÷ 0.1 = 11.4999…) from moving a half or a whole. */
const onStep = (x: number, step: number, how: (v: number) => number) =>
  Number((how(x / step + (how === Math.ceil ? -1e-9 : 1e-9)) * step).toFixed(decimalsOf(step)));

/**
 * A mean as published from the true n and Σ and the rounded n (R) with the smallest true n it stands
 * for (nLow).
 */
export function publishMean(
  exact: { n: number; sum: number },
  rounded: { n: number; nLow: number; unknown: number },
  scale: MeanScale,
): RoundedMean {
  const none = { n: rounded.n, unknown: rounded.unknown, mean: null, ciLow: null, ciHigh: null, step: null };
  if (rounded.n < MIN_RATE_N || exact.n === 0) return none;
  const step = meanStep(scale.grain / Math.max(1, rounded.nLow), scale.finestStep);
  const clamp = (x: number) => Math.min(scale.max, Math.max(scale.min, x));
  const mean = clamp(onStep(exact.sum / exact.n, step, Math.round));
  const widest = ((scale.max - mean) * (mean - scale.min) * rounded.n) / (rounded.n - 1);
  const half = (studentT975(rounded.n - 1) * Math.sqrt(widest)) / Math.sqrt(rounded.n);
  return {
    n: rounded.n,
    unknown: rounded.unknown,
    mean,
    ciLow: clamp(onStep(mean - half, step, Math.floor)),
    ciHigh: clamp(onStep(mean + half, step, Math.ceil)),
    step,
  };
}

const lowOf = (rounded: number, base: number) => roundedRange(rounded, base)[0];

/**
 * One mean by band and category: n rounded (bounds-checked by category), the cases not recorded as the
 * published closed cases less it (publishedLess), small bands merged, and each group's mean published
 * by publishMean.
 */
export function roundedMeans(
  n: FigureCounts,
  sum: FigureCounts,
  scale: MeanScale,
  base: number,
  cases: RoundedFigure,
  knownZero: readonly boolean[] = [],
): RoundedMeanTable {
  const [rn]: RoundedFigure[] = roundFigures([n], base, knownZero);
  const ru = publishedLess(cases, rn);
  const groupOf = (from: number, to: number) => {
    let total = 0;
    let exactN = 0;
    let nLow = 0;
    for (let j = from; j <= to; j++) {
      total += sum.byBand[j];
      exactN += n.byBand[j];
      nLow += lowOf(rn.byBand[j], base);
    }
    return { exact: { n: exactN, sum: total }, nLow };
  };
  const groups = mergeSmallBands(rn.byBand).map((g) => {
    const { exact, nLow } = groupOf(g.from, g.to);
    return { ...g, ...publishMean(exact, { n: sumOver(g, rn.byBand), nLow, unknown: sumOver(g, ru.byBand) }, scale) };
  });
  const all = groupOf(0, rn.byBand.length - 1);
  const overall = publishMean(all.exact, { n: rn.total, nLow: all.nLow, unknown: ru.total }, scale);
  const byCategory = rn.byCategory.map((r, i) => {
    const u = ru.byCategory[i];
    if (r === null || u === null) return null;
    return publishMean(
      { n: n.byCategory[i], sum: sum.byCategory[i] },
      { n: r, nLow: lowOf(r, rn.categoryBase), unknown: u },
      scale,
    );
  });
  return { groups, overall, byCategory, base, categoryBase: rn.categoryBase };
}
