/**
 * The case-mix-adjusted estimate beside "time against outcome" (docs/measures.md): a logistic regression of the outcome on
 * log2(max(relationship minutes, 15) / 60), category, vulnerability flags and funding stream, fitted on rows that
 * group cases by covariate pattern.
 */
import { labelOf, type AdjustedEstimate, type PredictedRate } from '@deepvalue/shared';
import { fitLogistic, type BinomialRow, type LogisticFit } from './logistic.js';
import { Z95 } from './wilson.js';

/** Relationship time below this counts as this much, so the log term stays finite and a few minutes don't dominate. */
export const TIME_FLOOR_MINUTES = 15;
export const MIN_MODEL_CASES = 30;
export const MIN_CASES_PER_OUTCOME = 5;

export const TIME_TERM = 'log2 relationship time';

/** Relationship times the predicted rates are given at: half an hour to eight hours. */
export const PREDICTION_MINUTES = [30, 60, 120, 240, 480] as const;

interface CaseMix {
  category: string;
  vulnerabilityCount: number;
  fundingStream: string;
  /** Cases with the outcome. */
  successes: number;
  /** Cases in the group. */
  trials: number;
}
export type TimeOutcomeRow = CaseMix & ({ relationshipMinutes: number } | { log2Time: number });

export function log2RelationshipTime(minutes: number): number {
  return Math.log2(Math.max(minutes, TIME_FLOOR_MINUTES) / 60);
}

export function adjustedTimeEstimate(rows: readonly TimeOutcomeRow[]): AdjustedEstimate {
  return timeModel(rows).estimate;
}

interface TimeModel {
  estimate: AdjustedEstimate;
  /** Present when the estimate is a number. */
  model?: { used: TimeOutcomeRow[]; design: BinomialRow[]; fit: LogisticFit };
}

function timeModel(rows: readonly TimeOutcomeRow[]): TimeModel {
  // The fit sums over rows, so rows are put in one canonical order: the same cases give the same bits.
  const used = canonicalOrder(rows.filter((r) => r.trials > 0));
  const n = used.reduce((sum, r) => sum + r.trials, 0);
  const successes = used.reduce((sum, r) => sum + r.successes, 0);
  const noEstimate = { oddsRatioPerDoubling: null, ciLow: null, ciHigh: null, n, converged: false, separation: false };

  if (n < MIN_MODEL_CASES || Math.min(successes, n - successes) < MIN_CASES_PER_OUTCOME) {
    const estimate: AdjustedEstimate = {
      ...noEstimate,
      covariates: [],
      iterations: 0,
      note:
        `Too few cases for the adjusted estimate: ${n} cases, ${successes} with the outcome and ${n - successes} ` +
        `without (it needs at least ${MIN_MODEL_CASES} cases and at least ${MIN_CASES_PER_OUTCOME} of each).`,
    };
    return { estimate };
  }

  const { names, design, references } = buildDesign(used);
  const fit = fitLogistic(design);
  const covariates = fit.kept.map((j) => names[j]);
  const { converged, separation, iterations } = fit;
  const fitted = { ...noEstimate, covariates, converged, separation, iterations, references };

  // The time term is column 0; it can only go missing by having no variation (or, in theory, almost none).
  if (fit.kept[0] !== 0) {
    const note =
      `Every case had the same relationship time (${TIME_FLOOR_MINUTES} minutes or less counts as ` +
      `${TIME_FLOOR_MINUTES}), so there is no difference in time to estimate an effect from.`;
    return { estimate: { ...fitted, note } };
  }
  if (separation) return { estimate: { ...fitted, note: separationNote(used) } };
  if (!converged) {
    return { estimate: { ...fitted, note: `No estimate: the model did not settle within ${iterations} iterations.` } };
  }

  const [beta, se] = [fit.coefficients[1], fit.standardErrors[1]];
  const mix = caseMixOf(used, design, fit);
  const notUsed = notUsedNote(names, fit.droppedConstant, fit.droppedCollinear);
  const estimate: AdjustedEstimate = {
    ...fitted,
    oddsRatioPerDoubling: Math.exp(beta),
    ciLow: Math.exp(beta - Z95 * se),
    ciHigh: Math.exp(beta + Z95 * se),
    ...(notUsed && { note: notUsed }),
    predictedRates: PREDICTION_MINUTES.map((minutes) => predictedRateOfMix(mix, fit, minutes)),
  };
  return { estimate, model: { used, design, fit } };
}

/**
 * The fitted model itself, for figures read off it (strictly-necessary.ts): the rows in canonical order, their
 * design (column 0 is log2 time) and the fit; or, when adjustedTimeEstimate gives no number, its reason.
 */
export function fitTimeModel(
  rows: readonly TimeOutcomeRow[],
): { note: string } | { used: TimeOutcomeRow[]; design: BinomialRow[]; fit: LogisticFit } {
  const { estimate, model } = timeModel(rows);
  return model ?? { note: estimate.note ?? 'No adjusted estimate.' };
}

/**
 * The design rows grouped by their covariates other than time: with every case given the same time, rows that
 * differ only in time predict the same, so predictions sum over a few hundred groups instead of every pattern.
 * Each group's x is the kept columns with the time column left for the caller (intercept first).
 */
function caseMixOf(
  used: readonly TimeOutcomeRow[],
  design: readonly BinomialRow[],
  fit: LogisticFit,
): Array<{ x: number[]; trials: number }> {
  const groups = new Map<string, { x: number[]; trials: number }>();
  design.forEach((row, i) => {
    // The design's other columns are a function of these three (buildDesign).
    const key = `${used[i].category}\u0000${used[i].vulnerabilityCount}\u0000${used[i].fundingStream}`;
    const group = groups.get(key);
    if (group) group.trials += row.trials;
    else groups.set(key, { x: [1, ...fit.kept.map((j) => (j === 0 ? 0 : row.x[j]))], trials: row.trials });
  });
  return [...groups.values()];
}

/**
 * The average predicted probability if every case had `minutes` of relationship time, each case keeping its own
 * covariates; the interval is the delta method on the log-odds of that average, so it stays within 0–100%.
 */
function predictedRateOfMix(
  mix: ReadonlyArray<{ x: number[]; trials: number }>,
  fit: LogisticFit,
  minutes: number,
): PredictedRate {
  const t = log2RelationshipTime(minutes);
  const width = fit.coefficients.length;
  const timeAt = fit.kept.indexOf(0) + 1;
  const gradient = new Array<number>(width).fill(0);
  let [sum, cases] = [0, 0];
  for (const group of mix) {
    const x = group.x;
    if (timeAt > 0) x[timeAt] = t;
    let eta = 0;
    for (let k = 0; k < width; k++) eta += x[k] * fit.coefficients[k];
    const p = 1 / (1 + Math.exp(-eta));
    sum += group.trials * p;
    cases += group.trials;
    for (let k = 0; k < width; k++) gradient[k] += group.trials * p * (1 - p) * x[k];
  }
  const rate = sum / cases;
  // d logit(rate) / d beta = (d rate / d beta) / (rate (1 − rate)).
  const g = gradient.map((v) => v / cases / (rate * (1 - rate)));
  const variance = fit.covariance
    ? g.reduce((s, gi, a) => s + gi * g.reduce((t2, gj, b) => t2 + fit.covariance![a][b] * gj, 0), 0)
    : NaN;
  const logit = Math.log(rate / (1 - rate));
  const back = (v: number) => 1 / (1 + Math.exp(-v));
  const half = Z95 * Math.sqrt(variance);
  return { minutes, rate, ciLow: back(logit - half), ciHigh: back(logit + half) };
}

/**
 * Columns: time term, category dummies, vulnerability flags, funding dummies. Each reference level is the most
 * frequent by cases (ties alphabetical) and gets no dummy; the other levels follow in alphabetical order.
 */
function buildDesign(rows: readonly TimeOutcomeRow[]): {
  names: string[];
  design: BinomialRow[];
  references: { category: string; fundingStream: string };
} {
  const categories = nonReferenceLevels(
    rows,
    (r) => r.category,
    (r) => r.trials,
  );
  const fundings = nonReferenceLevels(
    rows,
    (r) => r.fundingStream,
    (r) => r.trials,
  );
  const references = {
    category: rows.map((r) => r.category).find((c) => !categories.includes(c))!,
    fundingStream: rows.map((r) => r.fundingStream).find((f) => !fundings.includes(f))!,
  };
  const names = [
    TIME_TERM,
    ...categories.map((c) => `category: ${c}`),
    'vulnerability flags',
    ...fundings.map((f) => `funding: ${f}`),
  ];
  // Column positions of each dummy, so a row is filled in place (this runs for tens of thousands of rows).
  const categoryColumn = new Map(categories.map((c, i) => [c, 1 + i]));
  const vulnerabilityColumn = 1 + categories.length;
  const fundingColumn = new Map(fundings.map((f, i) => [f, vulnerabilityColumn + 1 + i]));
  const design = rows.map((r) => {
    const x = new Array<number>(names.length).fill(0);
    x[0] = timeOf(r);
    x[vulnerabilityColumn] = r.vulnerabilityCount;
    const [c, f] = [categoryColumn.get(r.category), fundingColumn.get(r.fundingStream)];
    if (c !== undefined) x[c] = 1;
    if (f !== undefined) x[f] = 1;
    return { x, successes: r.successes, trials: r.trials };
  });
  return { names, design, references };
}

function timeOf(r: TimeOutcomeRow): number {
  return 'log2Time' in r ? r.log2Time : log2RelationshipTime(r.relationshipMinutes);
}

/** Rows sorted by pattern, each row's time worked out once rather than in every comparison. */
function canonicalOrder(rows: readonly TimeOutcomeRow[]): TimeOutcomeRow[] {
  return rows
    .map((row) => ({ row, time: timeOf(row) }))
    .sort((a, b) => a.time - b.time || byPattern(a.row, b.row))
    .map(({ row }) => row);
}

function byPattern(a: TimeOutcomeRow, b: TimeOutcomeRow): number {
  return (
    compareText(a.category, b.category) ||
    a.vulnerabilityCount - b.vulnerabilityCount ||
    compareText(a.fundingStream, b.fundingStream) ||
    a.trials - b.trials ||
    a.successes - b.successes
  );
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function nonReferenceLevels<T>(rows: readonly T[], level: (r: T) => string, cases: (r: T) => number): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(level(r), (counts.get(level(r)) ?? 0) + cases(r));
  const ordered = [...counts].sort(([a, na], [b, nb]) => nb - na || compareText(a, b));
  return ordered
    .slice(1)
    .map(([name]) => name)
    .sort();
}

function notUsedNote(names: string[], constant: number[], collinear: number[]): string | undefined {
  const parts = [
    constant.length > 0 && `${constant.map((j) => names[j]).join(', ')} (the same for every case)`,
    collinear.length > 0 && `${collinear.map((j) => names[j]).join(', ')} (fully determined by the other covariates)`,
  ].filter((p): p is string => typeof p === 'string');
  return parts.length > 0 ? `Not adjusted for ${parts.join('; ')}.` : undefined;
}

/**
 * Why a separated model has no estimate, in words: the category or funding stream in which every case had the
 * outcome, or none did (no counts: a group is named, not sized). Without one such group the separation lies
 * in a combination of the covariates, and the note says that.
 */
export function separationNote(rows: readonly TimeOutcomeRow[]): string {
  const groups: string[] = [];
  const look = (key: (r: TimeOutcomeRow) => string, name: (level: string) => string) => {
    const totals = new Map<string, { trials: number; successes: number }>();
    for (const r of rows) {
      const t = totals.get(key(r)) ?? { trials: 0, successes: 0 };
      totals.set(key(r), { trials: t.trials + r.trials, successes: t.successes + r.successes });
    }
    if (totals.size < 2) return; // one level is every case, not a group within them
    for (const [level, t] of [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (t.successes === t.trials) groups.push(`every ${name(level)} had the outcome`);
      else if (t.successes === 0) groups.push(`no ${name(level)} had the outcome`);
    }
  };
  look(
    (r) => r.category,
    (c) => `${labelOf(c)} case`,
  );
  look(
    (r) => r.fundingStream,
    (f) => `case funded by ${labelOf(f)}`,
  );
  const why = groups.length
    ? `${groups.join(', and ')}, so the model could make the odds in that group as large or small as it liked`
    : 'some combination of relationship time, category, vulnerability flags and funding stream told exactly ' +
      'which cases had the outcome';
  return (
    `No estimate: ${why} (separation: no finite answer exists). That is a feature of these cases, not a ` +
    'finding about relationship time. A wider date range or fewer filters may give the groups both outcomes.'
  );
}

/**
 * The separation note for anything read outside the provider (evidence packs in every format, commissioners'
 * screens): no group named (docs/decisions.md). "Every Immigration case had the outcome" is exact where the
 * rounded tables are not (10 of 10 shown can be 8 of 12), and says something about everyone in that group.
 * The provider's managers, who see their own exact figures, keep the named group (separationNote).
 */
export const PUBLISHED_SEPARATION_NOTE =
  'No estimate: for these cases the model has no finite answer (separation). That happens when relationship ' +
  'time or the other things the model allows for tell exactly which cases had the outcome; which ones is not ' +
  'said, because that would say something about every client in a group. It is a feature of these cases, not ' +
  'a finding about relationship time. A wider date range or fewer filters may give an estimate.';

/** An estimate as published outside the provider: a separated model's note names no group. */
export function publishedEstimate(estimate: AdjustedEstimate): AdjustedEstimate {
  return estimate.separation ? { ...estimate, note: PUBLISHED_SEPARATION_NOTE } : estimate;
}
