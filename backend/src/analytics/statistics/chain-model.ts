/**
 * The relationship chain (seeds 000 and 004; docs/measures.md): relationship time → trust and disclosure → problems
 * uncovered and outcomes understood → acceptance → fewer appeals. Each link is a regression of one step on the
 * one before, holding the case mix of the time-vs-outcome model (category, vulnerability flags, funding stream)
 * and, for links that do not start at time, relationship time too, so a link is the association beyond what time
 * and case mix already account for. Scores (trust, understanding, 1–5) are modelled linearly (a difference in
 * points); yes/no steps by logistic regression (an odds ratio). Intervals are Wald, 95%.
 *
 * The mediation estimate is the product of coefficients on the log-odds scale: a = change in understanding per
 * doubling of time (linear), b = log-odds of acceptance per point of understanding with time held (logistic),
 * indirect = a·b, direct = time's own coefficient beside understanding, total = indirect + direct. Its intervals
 * come from a percentile bootstrap over cases, drawn from a seeded generator so the same cases give the same
 * figures every time.
 */
import type { ChainLink, ChainLinkKey, ChainMediation, Estimate } from '@deepvalue/shared';
import { Random } from '../../interchange/prng.js';
import { fitLinear, type LinearFit } from './linear.js';
import { fitLogistic, type LogisticFit } from './logistic.js';
import {
  MIN_CASES_PER_OUTCOME,
  MIN_MODEL_CASES,
  TIME_TERM,
  log2RelationshipTime,
  nonReferenceLevels,
} from './time-vs-outcome-model.js';
import { Z95 } from './wilson.js';

/** One closed case, as the chain reads it. Null: not recorded. */
export interface ChainCase {
  relationshipMinutes: number;
  category: string;
  vulnerabilityCount: number;
  fundingStream: string;
  /** Adviser-assessed trust, 1–5. */
  trust: number | null;
  disclosure: 'yes' | 'partly' | 'no' | null;
  problemUncovered: boolean;
  /** Client understood the outcome, 1–5. */
  understood: number | null;
  accepted: boolean | null;
  /** The case's outcome was negative (the cases the appeal step is about). */
  negativeOutcome: boolean;
  /** Negative outcomes with an appeal status recorded: whether an appeal or complaint was lodged. Else null. */
  appealLodged: boolean | null;
}

export const BOOTSTRAP_SEED = 15;
export const BOOTSTRAP_REPLICATES = 500;

interface LinkSpec {
  key: ChainLinkKey;
  from: string;
  to: string;
  per: string;
  kind: 'odds_ratio' | 'difference';
  exposureName: string;
  exposure: (c: ChainCase) => number | null;
  outcome: (c: ChainCase) => number | null;
  /** The cases the link is about, where not every closed case (its unknown counts only these). */
  about?: (c: ChainCase) => boolean;
  /** Hold relationship time as a covariate (every link that does not start from it). */
  holdTime: boolean;
  /** Odds-ratio links: the exposure values at which to give the predicted share, in words and on the model's scale. */
  predictAt?: Array<{ at: string; value: number }>;
}

const yesNo = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
const time = (c: ChainCase) => log2RelationshipTime(c.relationshipMinutes);

export const CHAIN_LINKS: readonly LinkSpec[] = [
  {
    key: 'time_trust',
    from: 'Relationship time',
    to: 'Trust established (adviser’s score, 1–5)',
    per: 'each doubling of relationship time',
    kind: 'difference',
    exposureName: TIME_TERM,
    exposure: time,
    outcome: (c) => c.trust,
    holdTime: false,
  },
  {
    key: 'time_disclosure',
    from: 'Relationship time',
    to: 'Client disclosed the full picture',
    per: 'each doubling of relationship time',
    kind: 'odds_ratio',
    exposureName: TIME_TERM,
    exposure: time,
    outcome: (c) => (c.disclosure === null ? null : c.disclosure === 'yes' ? 1 : 0),
    holdTime: false,
    predictAt: [
      { at: '1 hour of relationship time', value: log2RelationshipTime(60) },
      { at: '4 hours', value: log2RelationshipTime(240) },
    ],
  },
  {
    key: 'disclosure_problem_uncovered',
    from: 'Client disclosed the full picture',
    to: 'An underlying problem uncovered',
    per: 'full disclosure against partial or none',
    kind: 'odds_ratio',
    exposureName: 'full disclosure',
    exposure: (c) => (c.disclosure === null ? null : c.disclosure === 'yes' ? 1 : 0),
    outcome: (c) => (c.problemUncovered ? 1 : 0),
    holdTime: true,
    predictAt: [
      { at: 'part or none of the story', value: 0 },
      { at: 'the full picture', value: 1 },
    ],
  },
  {
    key: 'trust_understood',
    from: 'Trust established',
    to: 'Client understood the outcome (1–5)',
    per: 'each point of trust',
    kind: 'difference',
    exposureName: 'trust',
    exposure: (c) => c.trust,
    outcome: (c) => c.understood,
    holdTime: true,
  },
  {
    key: 'understood_accepted',
    from: 'Client understood the outcome',
    to: 'Client accepted the outcome',
    per: 'each point of understanding',
    kind: 'odds_ratio',
    exposureName: 'understood',
    exposure: (c) => c.understood,
    outcome: (c) => yesNo(c.accepted),
    holdTime: true,
    predictAt: [
      { at: 'understanding 2 of 5', value: 2 },
      { at: '4 of 5', value: 4 },
    ],
  },
  {
    // An avoided appeal needs acceptance by definition, and a client who accepted hardly ever appeals (the models
    // would separate), so the last step is how understanding a negative outcome goes with appeals actually lodged.
    key: 'understood_appeal_lodged',
    from: 'Client understood a negative outcome',
    to: 'An appeal or complaint lodged',
    per: 'each point of understanding',
    kind: 'odds_ratio',
    exposureName: 'understood',
    exposure: (c) => (c.appealLodged === null ? null : c.understood),
    outcome: (c) => yesNo(c.appealLodged),
    about: (c) => c.negativeOutcome,
    holdTime: true,
    predictAt: [
      { at: 'understanding 2 of 5', value: 2 },
      { at: '4 of 5', value: 4 },
    ],
  },
];

/** Case-mix columns named as the time-vs-outcome model names them; reference levels are the most frequent. */
class CaseMix {
  readonly names: string[];
  private readonly categoryColumn: Map<string, number>;
  private readonly fundingColumn: Map<string, number>;

  constructor(cases: readonly ChainCase[]) {
    const categories = nonReferenceLevels(
      cases,
      (c) => c.category,
      () => 1,
    );
    const fundings = nonReferenceLevels(
      cases,
      (c) => c.fundingStream,
      () => 1,
    );
    this.names = [
      ...categories.map((c) => `category: ${c}`),
      'vulnerability flags',
      ...fundings.map((f) => `funding: ${f}`),
    ];
    this.categoryColumn = new Map(categories.map((c, i) => [c, i]));
    this.fundingColumn = new Map(fundings.map((f, i) => [f, categories.length + 1 + i]));
  }

  columns(c: ChainCase): number[] {
    const x = new Array<number>(this.names.length).fill(0);
    x[this.categoryColumn.size] = c.vulnerabilityCount;
    const [k, f] = [this.categoryColumn.get(c.category), this.fundingColumn.get(c.fundingStream)];
    if (k !== undefined) x[k] = 1;
    if (f !== undefined) x[f] = 1;
    return x;
  }
}

/** Fits one link of the chain on the cases where both of its ends are recorded. */
export function chainLink(spec: LinkSpec, cases: readonly ChainCase[]): ChainLink {
  const sample = cases.filter((c) => spec.exposure(c) !== null && spec.outcome(c) !== null);
  const n = sample.length;
  const base = { key: spec.key, from: spec.from, to: spec.to, per: spec.per, kind: spec.kind };
  const about = spec.about ? cases.filter(spec.about).length : cases.length;
  const none = { ...base, estimate: null, ciLow: null, ciHigh: null, n, unknown: about - n };
  const notFitted = { ...none, covariates: [], converged: false, separation: false };

  const successes = sample.reduce((s, c) => s + spec.outcome(c)!, 0);
  const tooFew =
    n < MIN_MODEL_CASES || (spec.kind === 'odds_ratio' && Math.min(successes, n - successes) < MIN_CASES_PER_OUTCOME);
  if (tooFew) {
    const each = spec.kind === 'odds_ratio' ? ` (${successes} yes, ${n - successes} no)` : '';
    return {
      ...notFitted,
      note:
        `Too few cases with both recorded: ${n}${each}; it needs at least ${MIN_MODEL_CASES}` +
        (spec.kind === 'odds_ratio' ? ` and at least ${MIN_CASES_PER_OUTCOME} of each answer.` : '.'),
    };
  }

  const mix = new CaseMix(sample);
  const names = [spec.exposureName, ...(spec.holdTime ? [TIME_TERM] : []), ...mix.names];
  const x = (c: ChainCase) => [spec.exposure(c)!, ...(spec.holdTime ? [time(c)] : []), ...mix.columns(c)];
  const linear = spec.kind === 'difference';
  const fit: LinearFit | LogisticFit = linear
    ? fitLinear(sample.map((c) => ({ x: x(c), y: spec.outcome(c)!, weight: 1 })))
    : fitLogistic(sample.map((c) => ({ x: x(c), successes: spec.outcome(c)!, trials: 1 })));
  const covariates = fit.kept.filter((j) => j !== 0).map((j) => names[j]);
  // Least squares has a closed form: it always "converges" once it has a fit.
  const converged = linear ? fit.coefficients.length > 0 : (fit as LogisticFit).converged;
  const separation = linear ? false : (fit as LogisticFit).separation;
  const fitted = { ...none, covariates, converged, separation };

  if (fit.kept[0] !== 0) {
    return { ...fitted, note: `Every case had the same ${spec.from.toLowerCase()}, so there is no link to estimate.` };
  }
  if (separation) {
    return {
      ...fitted,
      note: 'In some group of cases every client gave the same answer (for example, all accepted), so these records cannot put a figure on this step (statisticians call this separation). A wider date range or fewer filters may help.',
    };
  }
  if (!converged) return { ...fitted, note: 'The model did not settle on an answer.' };

  const [beta, se] = [fit.coefficients[1], fit.standardErrors[1]];
  const predicted = spec.predictAt && predictedShares(fit, sample.map(x), spec.predictAt);
  const notUsed = [...fit.droppedConstant, ...fit.droppedCollinear].filter((j) => j !== 0).map((j) => names[j]);
  const scale = spec.kind === 'odds_ratio' ? Math.exp : (v: number) => v;
  return {
    ...fitted,
    estimate: scale(beta),
    ciLow: scale(beta - Z95 * se),
    ciHigh: scale(beta + Z95 * se),
    ...(predicted && { predicted }),
    ...(notUsed.length > 0 && {
      note: `Not adjusted for ${notUsed.join(', ')} (no variation, or fixed by the others).`,
    }),
  };
}

/**
 * A logistic fit's predicted share at each of the exposure's `points` (column 0), every other kept column at
 * its mean over the rows fitted: the average case mix.
 */
function predictedShares(
  fit: { kept: number[]; coefficients: number[] },
  rows: number[][],
  points: ReadonlyArray<{ at: string; value: number }>,
): Array<{ at: string; rate: number }> {
  const mean = (j: number) => rows.reduce((s, r) => s + r[j], 0) / rows.length;
  const rest = fit.kept.reduce((s, j, k) => (j === 0 ? s : s + fit.coefficients[k + 1] * mean(j)), fit.coefficients[0]);
  const slope = fit.coefficients[fit.kept.indexOf(0) + 1];
  return points.map(({ at, value }) => ({ at, rate: 1 / (1 + Math.exp(-(rest + slope * value))) }));
}

export function relationshipChain(cases: readonly ChainCase[]): ChainLink[] {
  return CHAIN_LINKS.map((spec) => chainLink(spec, cases));
}

/** Path coefficients of one fit of the mediation models: null when either model gives no finite answer. */
interface Paths {
  a: number;
  aSe: number;
  b: number;
  bSe: number;
  direct: number;
}

/**
 * The cases of the mediation models grouped by identical rows (a group of k cases is one row of weight k), so a
 * bootstrap replicate refits a few hundred rows instead of every case: the same fit, much faster.
 */
interface MediationData {
  /** Time and case-mix columns of each group. */
  x: number[][];
  understood: number[];
  accepted: number[];
  /** Cases in each group. */
  size: Int32Array;
  /** The group of each case, in case order (the bootstrap draws cases). */
  groupOf: Int32Array;
}

function mediationData(sample: readonly ChainCase[], mix: CaseMix): MediationData {
  const index = new Map<string, number>();
  const data: MediationData = {
    x: [],
    understood: [],
    accepted: [],
    size: new Int32Array(0),
    groupOf: new Int32Array(sample.length),
  };
  const sizes: number[] = [];
  sample.forEach((c, i) => {
    const x = [time(c), ...mix.columns(c)];
    const key = `${c.understood}|${c.accepted}|${x.join(',')}`;
    let g = index.get(key);
    if (g === undefined) {
      g = data.x.length;
      index.set(key, g);
      data.x.push(x);
      data.understood.push(c.understood!);
      data.accepted.push(c.accepted ? 1 : 0);
      sizes.push(0);
    }
    sizes[g]++;
    data.groupOf[i] = g;
  });
  data.size = Int32Array.from(sizes);
  return data;
}

/** Path coefficients from one fit of the two models (weights: cases per group), or null when either has no answer. */
function paths(
  data: MediationData,
  weights: Int32Array,
  start?: number[],
): (Paths & { coefficients: number[] }) | null {
  const a = fitLinear(data.x.map((x, g) => ({ x, y: data.understood[g], weight: weights[g] })));
  const b = fitLogistic(
    data.x.map((x, g) => ({
      x: [data.understood[g], ...x],
      successes: data.accepted[g] * weights[g],
      trials: weights[g],
    })),
    { start },
  );
  // Column 0 is time in the understanding model; columns 0 and 1 are understanding and time in the acceptance model.
  if (a.kept[0] !== 0 || a.coefficients.length === 0) return null;
  if (b.kept[0] !== 0 || b.kept[1] !== 1 || !b.converged) return null;
  return {
    a: a.coefficients[1],
    aSe: a.standardErrors[1],
    b: b.coefficients[1],
    bSe: b.standardErrors[1],
    direct: b.coefficients[2],
    coefficients: b.coefficients,
  };
}

/** Linear interpolation between order statistics (as PostgreSQL's percentile_cont). */
function quantile(sorted: readonly number[], p: number): number {
  const position = p * (sorted.length - 1);
  const [lo, hi] = [Math.floor(position), Math.ceil(position)];
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (position - lo);
}

const NO_ESTIMATE: Estimate = { estimate: null, ciLow: null, ciHigh: null };

export const MEDIATION_METHOD =
  'Product of coefficients on the log-odds scale. Path a: change in the understanding score (1–5) per doubling of ' +
  'relationship time (linear regression). Path b: log-odds of acceptance per point of understanding with ' +
  'relationship time held (logistic regression). Indirect = a × b; direct = the time coefficient of the acceptance ' +
  'model; total = indirect + direct; share through understanding = indirect ÷ total. Both models hold category, ' +
  'vulnerability flags and funding stream and use the cases with both understanding and acceptance recorded. ' +
  'Intervals for indirect, direct, total and share are percentile bootstrap intervals over cases, from a seeded ' +
  'generator, so the same cases always give the same figures.';

export function mediation(
  cases: readonly ChainCase[],
  options: { seed?: number; replicates?: number } = {},
): ChainMediation {
  const seed = options.seed ?? BOOTSTRAP_SEED;
  const replicates = options.replicates ?? BOOTSTRAP_REPLICATES;
  const sample = cases.filter((c) => c.understood !== null && c.accepted !== null);
  const n = sample.length;
  const accepted = sample.filter((c) => c.accepted).length;
  const empty: ChainMediation = {
    n,
    unknown: cases.length - n,
    timeToUnderstanding: NO_ESTIMATE,
    understandingToAcceptance: NO_ESTIMATE,
    indirectOddsRatio: NO_ESTIMATE,
    directOddsRatio: NO_ESTIMATE,
    totalOddsRatio: NO_ESTIMATE,
    shareThroughUnderstanding: NO_ESTIMATE,
    bootstrap: { seed, replicates: 0, failed: 0 },
    covariates: [],
    method: MEDIATION_METHOD,
  };
  if (n < MIN_MODEL_CASES || Math.min(accepted, n - accepted) < MIN_CASES_PER_OUTCOME) {
    return {
      ...empty,
      note:
        `Too few cases with both understanding and acceptance recorded: ${n} (${accepted} accepted); it needs at ` +
        `least ${MIN_MODEL_CASES} and at least ${MIN_CASES_PER_OUTCOME} accepting and not accepting.`,
    };
  }

  const mix = new CaseMix(sample);
  const data = mediationData(sample, mix);
  const covariates = [TIME_TERM, ...mix.names];
  const point = paths(data, data.size);
  if (!point) {
    return {
      ...empty,
      covariates,
      note: 'These records cannot put a figure on it: relationship time or understanding did not vary, or in some group of cases every client gave the same answer about accepting the outcome (statisticians call this separation). A wider date range or fewer filters may help.',
    };
  }

  const draws = { indirect: [] as number[], direct: [] as number[], total: [] as number[], share: [] as number[] };
  let failed = 0;
  const weights = new Int32Array(data.size.length);
  for (let r = 0; r < replicates; r++) {
    const random = new Random(seed, r, 0);
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[data.groupOf[random.int(n)]]++;
    // Starting from the whole sample's fit, a replicate settles in fewer steps (the answer does not depend on it).
    const p = paths(data, weights, point.coefficients);
    if (!p) {
      failed++;
      continue;
    }
    const indirect = p.a * p.b;
    draws.indirect.push(indirect);
    draws.direct.push(p.direct);
    draws.total.push(indirect + p.direct);
    draws.share.push(indirect / (indirect + p.direct));
  }
  const interval = (values: number[], scale: (v: number) => number) => {
    if (values.length === 0) return { ciLow: null, ciHigh: null };
    const sorted = [...values].sort((x, y) => x - y);
    return { ciLow: scale(quantile(sorted, 0.025)), ciHigh: scale(quantile(sorted, 0.975)) };
  };
  const indirect = point.a * point.b;
  const total = indirect + point.direct;
  const totalInterval = interval(draws.total, Math.exp);
  const unclear = totalInterval.ciLow !== null && totalInterval.ciLow <= 1 && totalInterval.ciHigh! >= 1;
  return {
    ...empty,
    timeToUnderstanding: {
      estimate: point.a,
      ciLow: point.a - Z95 * point.aSe,
      ciHigh: point.a + Z95 * point.aSe,
    },
    understandingToAcceptance: {
      estimate: Math.exp(point.b),
      ciLow: Math.exp(point.b - Z95 * point.bSe),
      ciHigh: Math.exp(point.b + Z95 * point.bSe),
    },
    indirectOddsRatio: { estimate: Math.exp(indirect), ...interval(draws.indirect, Math.exp) },
    directOddsRatio: { estimate: Math.exp(point.direct), ...interval(draws.direct, Math.exp) },
    totalOddsRatio: { estimate: Math.exp(total), ...totalInterval },
    shareThroughUnderstanding: { estimate: indirect / total, ...interval(draws.share, (v) => v) },
    bootstrap: { seed, replicates, failed },
    covariates,
    ...(unclear && {
      note:
        'The overall link between relationship time and acceptance is not clearly different from none in these ' +
        'cases, so the share through understanding cannot be read with confidence.',
    }),
  };
}
