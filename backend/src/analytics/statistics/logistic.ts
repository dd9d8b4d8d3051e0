/**
 * Logistic regression by maximum likelihood (Newton–Raphson, which for the logit link is IRLS) on grouped
 * binomial rows. A row stands for `trials` cases sharing covariates `x`, `successes` of them positive; the
 * likelihood is the sum over cases, so grouped rows give exactly the fit of one row per case.
 */

export interface BinomialRow {
  /** Covariates without the intercept (the fit adds it). */
  x: readonly number[];
  successes: number;
  trials: number;
}

export interface LogisticOptions {
  maxIterations?: number;
  /** Stop when the log-likelihood changes by less than tolerance × (|log-likelihood| + 0.1). */
  tolerance?: number;
  /** Starting coefficients (intercept first, one per kept column), e.g. a nearby fit's; used when the length fits. */
  start?: readonly number[];
}

export interface LogisticFit {
  /** Input columns fitted, in order: coefficients[k + 1] and standardErrors[k + 1] belong to column kept[k]. */
  kept: number[];
  /** Input columns dropped because they take one value only in rows with trials. */
  droppedConstant: number[];
  /** Input columns dropped because they are a linear combination of the intercept and earlier columns. */
  droppedCollinear: number[];
  /** Intercept first, then one per kept column. */
  coefficients: number[];
  /** From the inverse Fisher information at the estimate. */
  standardErrors: number[];
  /** The inverse Fisher information (intercept first, then kept columns); null when it is singular. */
  covariance: number[][] | null;
  /** The iterations reached a finite maximum within tolerance (so never under separation). */
  converged: boolean;
  /** Complete or quasi-complete separation: no finite maximum-likelihood estimate exists. */
  separation: boolean;
  iterations: number;
  /** Case-level log-likelihood Σ y·log p + (1 − y)·log(1 − p); no binomial coefficient, so grouping doesn't change it. */
  logLikelihood: number;
  /** Total trials (cases). */
  n: number;
}

type Matrix = number[][];

/**
 * The design matrix (intercept first, then the kept columns), one row per group with trials. Rows are stored
 * sparse: most covariates are dummies, so a row has a handful of non-zero entries out of a dozen columns. Skipping
 * zeros leaves every sum exactly as it was (adding x · 0 changes nothing) and makes the fit several times faster.
 */
interface Design {
  rows: number;
  width: number;
  /** Row i's non-zero entries are at positions start[i] … start[i + 1] − 1 of column and value, columns ascending. */
  start: Int32Array;
  column: Int32Array;
  value: Float64Array;
  successes: Float64Array;
  trials: Float64Array;
}

function designOf(rows: readonly BinomialRow[], kept: readonly number[]): Design {
  const start = new Int32Array(rows.length + 1);
  const column: number[] = [];
  const value: number[] = [];
  rows.forEach((r, i) => {
    column.push(0);
    value.push(1);
    kept.forEach((j, k) => {
      if (r.x[j] !== 0) {
        column.push(k + 1);
        value.push(r.x[j]);
      }
    });
    start[i + 1] = column.length;
  });
  return {
    rows: rows.length,
    width: kept.length + 1,
    start,
    column: Int32Array.from(column),
    value: Float64Array.from(value),
    successes: Float64Array.from(rows, (r) => r.successes),
    trials: Float64Array.from(rows, (r) => r.trials),
  };
}

/** x_i · beta for row i. */
function rowDot(X: Design, i: number, beta: readonly number[]): number {
  let s = 0;
  for (let e = X.start[i]; e < X.start[i + 1]; e++) s += X.value[e] * beta[X.column[e]];
  return s;
}

/** x_i · beta for every row. */
function linearPredictor(X: Design, beta: readonly number[]): number[] {
  return Array.from({ length: X.rows }, (_, i) => rowDot(X, i, beta));
}

const MAX_STEP_HALVINGS = 30;
/** Relative rounding error allowed in a summed log-likelihood. */
const ROUNDING = 1e-12;
/** A column whose weighted residual, after removing earlier columns, is below this share of its length is collinear. */
const COLLINEAR_TOLERANCE = 1e-8;
/** Converged also needs the Newton step to move every fitted log-odds by less than this (under separation it moves ~1). */
const STILL_MOVING = 1e-6;
/** Relative slack allowed when checking a direction for separation. */
const SEPARATION_SLACK = 1e-3;

export function fitLogistic(rows: readonly BinomialRow[], options: LogisticOptions = {}): LogisticFit {
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-10;
  const width = rows[0]?.x.length ?? 0;
  for (const r of rows) validateRow(r, width);
  const used = rows.filter((r) => r.trials > 0);
  const n = used.reduce((sum, r) => sum + r.trials, 0);

  const columns = [...Array(width).keys()];
  const droppedConstant = columns.filter((j) => used.every((r) => r.x[j] === used[0].x[j]));
  const { kept, collinear } = independentColumns(
    used,
    columns.filter((j) => !droppedConstant.includes(j)),
  );
  const base = { kept, droppedConstant, droppedCollinear: collinear, n };
  if (used.length === 0) {
    return {
      ...base,
      coefficients: [],
      standardErrors: [],
      covariance: null,
      converged: false,
      separation: false,
      iterations: 0,
      logLikelihood: 0,
    };
  }

  const X = designOf(used, kept);
  const successes = used.reduce((sum, r) => sum + r.successes, 0);
  let beta =
    options.start?.length === X.width && options.start.every(Number.isFinite)
      ? [...options.start]
      : Array.from({ length: X.width }, (_, k) => (k === 0 ? Math.log((successes + 0.5) / (n - successes + 0.5)) : 0));
  let ll = logLikelihood(X, beta);
  const history: number[][] = [beta];
  let converged = false;

  while (history.length <= maxIterations) {
    const { score, information } = scoreAndInformation(X, beta);
    const step = solveCholesky(information, score);
    if (!step) break;
    // Step halving keeps every iteration uphill (the log-likelihood is concave, so a full step nearly always is);
    // "uphill" allows for rounding in the sum, else a final, tiny step could be refused near the maximum.
    const noWorseThan = ll - ROUNDING * (Math.abs(ll) + 1);
    let next = beta;
    let nextLl = -Infinity;
    for (let h = 0, t = 1; h <= MAX_STEP_HALVINGS; h++, t /= 2) {
      next = beta.map((b, k) => b + t * step[k]);
      nextLl = logLikelihood(X, next);
      if (nextLl >= noWorseThan) break;
    }
    const change = Math.abs(nextLl - ll);
    if (nextLl >= noWorseThan) [beta, ll] = [next, nextLl];
    history.push(beta);
    // The full Newton step estimates the distance to the maximum: require it to be tiny as well, because under
    // separation the log-likelihood flattens out while the step keeps moving fitted log-odds by about 1.
    if (change <= tolerance * (Math.abs(ll) + 0.1) && maxAbs(linearPredictor(X, step)) <= STILL_MOVING) {
      converged = true;
      break;
    }
  }
  const iterations = history.length - 1;

  // Separation is decided by a certificate rather than by thresholds on sizes: the maximum-likelihood estimate
  // fails to exist exactly when some direction d ≠ 0 has x·d ≥ 0 for every row with successes and x·d ≤ 0 for
  // every row with failures. Newton's iterates then run off to infinity along such a d while the other
  // coefficients settle, so when the fit did not converge (or the information became singular) we take
  // d = the movement over the last five iterations and check those inequalities directly. A d that passes proves
  // separation; an unconverged fit without one is reported as not converged.
  const separation = !converged && separates(X, diff(beta, history[Math.max(0, history.length - 6)]));

  const inverse = invertCholesky(scoreAndInformation(X, beta).information);
  const standardErrors = beta.map((_, k) => (inverse ? Math.sqrt(inverse[k][k]) : NaN));
  return {
    ...base,
    coefficients: beta,
    standardErrors,
    covariance: inverse,
    converged,
    separation,
    iterations,
    logLikelihood: ll,
  };
}

function validateRow(r: BinomialRow, width: number): void {
  const ok =
    r.x.length === width &&
    r.x.every(Number.isFinite) &&
    Number.isFinite(r.trials) &&
    Number.isFinite(r.successes) &&
    r.successes >= 0 &&
    r.successes <= r.trials;
  if (!ok) throw new RangeError(`fitLogistic: invalid row ${JSON.stringify(r)}`);
}

/**
 * Greedy Gram–Schmidt on the columns weighted by √trials (so grouped and per-case data agree), intercept first;
 * a column that earlier ones already span is reported as collinear.
 */
export function independentColumns(
  rows: readonly BinomialRow[],
  candidates: number[],
): { kept: number[]; collinear: number[] } {
  const n = rows.length;
  const weights = Float64Array.from(rows, (r) => Math.sqrt(r.trials));
  const basis: Float64Array[] = [];
  // Typed arrays, normalised in place: the same arithmetic as plain arrays, nearly twice as fast here.
  const addIfIndependent = (v: Float64Array): boolean => {
    const length = Math.sqrt(dot(v, v));
    // Two passes of projection keep the basis orthogonal to working precision.
    for (let pass = 0; pass < 2; pass++) {
      for (const b of basis) {
        const c = dot(v, b);
        for (let i = 0; i < n; i++) v[i] -= c * b[i];
      }
    }
    const residual = Math.sqrt(dot(v, v));
    if (!(residual > COLLINEAR_TOLERANCE * length)) return false;
    for (let i = 0; i < n; i++) v[i] /= residual;
    basis.push(v);
    return true;
  };
  addIfIndependent(weights.slice());
  const kept: number[] = [];
  const collinear: number[] = [];
  for (const j of candidates) {
    const column = new Float64Array(n);
    for (let i = 0; i < n; i++) column[i] = weights[i] * rows[i].x[j];
    if (addIfIndependent(column)) kept.push(j);
    else collinear.push(j);
  }
  return { kept, collinear };
}

/** Whether d separates the rows (see the comment in fitLogistic), allowing a small relative slack. */
function separates(X: Design, d: number[]): boolean {
  const eta = linearPredictor(X, d);
  const scale = maxAbs(eta);
  if (!(scale > 0) || !Number.isFinite(scale)) return false;
  return eta.every(
    (e, i) =>
      (X.successes[i] === 0 || e >= -SEPARATION_SLACK * scale) &&
      (X.successes[i] === X.trials[i] || e <= SEPARATION_SLACK * scale),
  );
}

/** log σ(z), accurate for large |z|. */
function logSigmoid(z: number): number {
  return z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z));
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

function logLikelihood(X: Design, beta: number[]): number {
  let ll = 0;
  for (let i = 0; i < X.rows; i++) {
    const eta = rowDot(X, i, beta);
    const [successes, trials] = [X.successes[i], X.trials[i]];
    // Zero counts contribute nothing (avoids 0 × −∞ when a fitted probability rounds to 0 or 1).
    if (successes > 0) ll += successes * logSigmoid(eta);
    if (trials > successes) ll += (trials - successes) * logSigmoid(-eta);
  }
  return ll;
}

function scoreAndInformation(X: Design, beta: number[]): { score: number[]; information: Matrix } {
  const q = beta.length;
  const score = new Array<number>(q).fill(0);
  const information = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  for (let i = 0; i < X.rows; i++) {
    const eta = rowDot(X, i, beta);
    const [p, q1] = [sigmoid(eta), sigmoid(-eta)];
    const [successes, trials] = [X.successes[i], X.trials[i]];
    // successes − trials·p written so it stays accurate (not 0) when p rounds to 1: keeps separation visible.
    const residual = successes * q1 - (trials - successes) * p;
    const weight = trials * p * q1;
    for (let e = X.start[i]; e < X.start[i + 1]; e++) {
      const [a, xa] = [X.column[e], X.value[e]];
      score[a] += xa * residual;
      const row = information[a];
      const wa = weight * xa;
      for (let f = X.start[i]; f <= e; f++) row[X.column[f]] += wa * X.value[f];
    }
  }
  for (let a = 0; a < q; a++) for (let b = 0; b < a; b++) information[b][a] = information[a][b];
  return { score, information };
}

/** Lower-triangular L with A = L·Lᵀ, or null when A is not (numerically) positive definite. */
function cholesky(A: Matrix): Matrix | null {
  const q = A.length;
  const L = Array.from({ length: q }, () => new Array<number>(q).fill(0));
  for (let j = 0; j < q; j++) {
    let pivot = A[j][j];
    for (let k = 0; k < j; k++) pivot -= L[j][k] * L[j][k];
    if (!(pivot > 1e-13 * Math.abs(A[j][j]))) return null;
    L[j][j] = Math.sqrt(pivot);
    for (let i = j + 1; i < q; i++) {
      let s = A[i][j];
      for (let k = 0; k < j; k++) s -= L[i][k] * L[j][k];
      L[i][j] = s / L[j][j];
    }
  }
  return L;
}

function solveWithFactor(L: Matrix, b: number[]): number[] {
  const q = L.length;
  const y = [...b];
  for (let i = 0; i < q; i++) {
    for (let k = 0; k < i; k++) y[i] -= L[i][k] * y[k];
    y[i] /= L[i][i];
  }
  for (let i = q - 1; i >= 0; i--) {
    for (let k = i + 1; k < q; k++) y[i] -= L[k][i] * y[k];
    y[i] /= L[i][i];
  }
  return y;
}

export function solveCholesky(A: Matrix, b: number[]): number[] | null {
  const L = cholesky(A);
  return L && solveWithFactor(L, b);
}

export function invertCholesky(A: Matrix): Matrix | null {
  const L = cholesky(A);
  if (!L) return null;
  return A.map((_, k) =>
    solveWithFactor(
      L,
      A.map((__, i) => (i === k ? 1 : 0)),
    ),
  );
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function diff(a: number[], b: number[]): number[] {
  return a.map((v, i) => v - b[i]);
}

function maxAbs(values: number[]): number {
  return values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}
