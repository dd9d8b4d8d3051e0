/**
 * "Strictly necessary" relationship time per category (seed 000 asks how much time is strictly necessary; issue
 * 15). From the case-mix-adjusted positive-outcome model of time against outcome: the organisation's typical rate
 * is the median case's predicted probability of a positive outcome; for each category, the relationship time at
 * which the category's predicted rate — every case of the category given that time, keeping its own
 * vulnerabilities and funding, averaged — reaches it. Only within the relationship times recorded: the model is
 * not extrapolated. The interval is the delta method on log2 time through the implicit equation, with the target
 * taken as given (its own uncertainty is not included).
 */
import type { StrictlyNecessaryTime } from '@deepvalue/shared';
import { percentileFromCounts } from './percentile.js';
import {
  TIME_FLOOR_MINUTES,
  fitTimeModel,
  log2RelationshipTime,
  type TimeOutcomeRow,
} from './time-vs-outcome-model.js';
import { Z95 } from './wilson.js';

const sigmoid = (v: number) => 1 / (1 + Math.exp(-v));

export function strictlyNecessaryTimes(rows: readonly TimeOutcomeRow[]): Map<string, StrictlyNecessaryTime> {
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  const casesOf = (category: string) =>
    rows.filter((r) => r.category === category).reduce((sum, r) => sum + r.trials, 0);
  const none = (note: string) =>
    new Map(
      categories.map((c) => [c, { hours: null, ciLow: null, ciHigh: null, targetRate: null, n: casesOf(c), note }]),
    );

  const model = fitTimeModel(rows);
  if ('note' in model) return none(model.note);
  const { design, fit, used } = model;
  const beta = fit.coefficients;
  const slope = beta[1];
  if (!(slope > 0)) {
    return none('The adjusted model does not show more relationship time going with more positive outcomes here.');
  }
  // Each row's linear predictor without its time term, so a row can be moved to any time.
  const width = beta.length;
  const columnsOf = (x: readonly number[], t: number) => [1, ...fit.kept.map((j) => (j === 0 ? t : x[j]))];
  const rest = design.map((row) => columnsOf(row.x, 0).reduce((s, v, k) => s + v * beta[k], 0));
  const own = design.map((row, i) => sigmoid(rest[i] + slope * row.x[0]));
  const targetRate = percentileFromCounts(
    own.map((p, i) => ({ value: p, n: design[i].trials })),
    0.5,
  )!;
  const tMin = log2RelationshipTime(TIME_FLOOR_MINUTES);
  const tMax = Math.max(...design.map((r) => r.x[0]));
  const longest = (2 ** tMax).toLocaleString('en-GB', { maximumFractionDigits: 1 });

  const result = new Map<string, StrictlyNecessaryTime>();
  for (const category of categories) {
    // The category's rows grouped by their covariates other than time (every case is moved to the same time, so
    // rows differing only in time move together): a few dozen groups instead of thousands of patterns.
    const groups = new Map<string, { i: number; trials: number }>();
    used.forEach((r, i) => {
      if (r.category !== category) return;
      const key = columnsOf(design[i].x, 0).join(',');
      const group = groups.get(key);
      if (group) group.trials += design[i].trials;
      else groups.set(key, { i, trials: design[i].trials });
    });
    const members = [...groups.values()];
    const n = members.reduce((sum, g) => sum + g.trials, 0);
    const rateAt = (t: number) => members.reduce((s, g) => s + g.trials * sigmoid(rest[g.i] + slope * t), 0) / n;
    const base = { targetRate, n };
    if (rateAt(tMin) >= targetRate) {
      result.set(category, {
        ...base,
        hours: TIME_FLOOR_MINUTES / 60,
        ciLow: null,
        ciHigh: null,
        note: `Already at the typical rate with ${TIME_FLOOR_MINUTES} minutes or less of relationship time.`,
      });
      continue;
    }
    if (rateAt(tMax) < targetRate) {
      result.set(category, {
        ...base,
        hours: null,
        ciLow: null,
        ciHigh: null,
        note: `Not reached within the longest relationship time recorded (${longest} hours); the model is not extended beyond it.`,
      });
      continue;
    }
    let [low, high] = [tMin, tMax];
    for (let k = 0; k < 100 && high - low > 1e-12; k++) {
      const mid = (low + high) / 2;
      if (rateAt(mid) < targetRate) low = mid;
      else high = mid;
    }
    const t = (low + high) / 2;
    // Implicit function: G(t, β) = target, so dt/dβ = −(∂G/∂β) / (∂G/∂t).
    const dBeta = new Array<number>(width).fill(0);
    let dT = 0;
    for (const { i, trials } of members) {
      const p = sigmoid(rest[i] + slope * t);
      const w = (trials * p * (1 - p)) / n;
      columnsOf(design[i].x, t).forEach((v, k) => (dBeta[k] += w * v));
      dT += w * slope;
    }
    const g = dBeta.map((v) => -v / dT);
    const cov = fit.covariance;
    const se = cov
      ? Math.sqrt(g.reduce((s, ga, a) => s + ga * g.reduce((s2, gb, b) => s2 + cov[a][b] * gb, 0), 0))
      : NaN;
    const hours = (v: number) => 2 ** v;
    result.set(category, {
      ...base,
      hours: hours(t),
      ciLow: Number.isFinite(se) ? hours(t - Z95 * se) : null,
      ciHigh: Number.isFinite(se) ? hours(t + Z95 * se) : null,
    });
  }
  return result;
}
