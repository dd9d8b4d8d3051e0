/**
 * Ordinary least squares with case weights (a weight w stands for w identical cases, as a bootstrap draw
 * does), intercept added. Standard errors are the classical ones, σ²(XᵀWX)⁻¹ with σ² = Σw·e² / (Σw − p), as
 * statsmodels' OLS reports by default; a column with no variation or one the others span is dropped.
 */
import { independentColumns, invertCholesky, solveCholesky } from './logistic.js';

export interface LinearRow {
  /** Covariates without the intercept. */
  x: readonly number[];
  y: number;
  /** How many cases the row stands for; 0 leaves it out. */
  weight: number;
}

export interface LinearFit {
  /** coefficients[k + 1] and standardErrors[k + 1] belong to input column kept[k]. */
  kept: number[];
  droppedConstant: number[];
  droppedCollinear: number[];
  /** Intercept first; empty when there were too few cases to fit. */
  coefficients: number[];
  standardErrors: number[];
  /** Total weight (cases). */
  n: number;
}

export function fitLinear(rows: readonly LinearRow[]): LinearFit {
  const width = rows[0]?.x.length ?? 0;
  for (const r of rows) {
    if (r.x.length !== width || !r.x.every(Number.isFinite) || !Number.isFinite(r.y) || !(r.weight >= 0)) {
      throw new RangeError(`fitLinear: invalid row ${JSON.stringify(r)}`);
    }
  }
  const used = rows.filter((r) => r.weight > 0);
  const n = used.reduce((sum, r) => sum + r.weight, 0);
  const columns = [...Array(width).keys()];
  const droppedConstant = columns.filter((j) => used.every((r) => r.x[j] === used[0].x[j]));
  const { kept, collinear } = independentColumns(
    used.map((r) => ({ x: r.x, successes: 0, trials: r.weight })),
    columns.filter((j) => !droppedConstant.includes(j)),
  );
  const base = { kept, droppedConstant, droppedCollinear: collinear, n };
  const p = kept.length + 1;
  if (used.length === 0 || n <= p) return { ...base, coefficients: [], standardErrors: [] };

  const design = used.map((r) => [1, ...kept.map((j) => r.x[j])]);
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  used.forEach((r, i) => {
    const row = design[i];
    for (let a = 0; a < p; a++) {
      xty[a] += r.weight * row[a] * r.y;
      for (let b = 0; b <= a; b++) xtx[a][b] += r.weight * row[a] * row[b];
    }
  });
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) xtx[b][a] = xtx[a][b];
  const beta = solveCholesky(xtx, xty);
  const inverse = invertCholesky(xtx);
  if (!beta || !inverse) return { ...base, coefficients: [], standardErrors: [] };
  let sse = 0;
  used.forEach((r, i) => {
    const e = r.y - design[i].reduce((s, v, k) => s + v * beta[k], 0);
    sse += r.weight * e * e;
  });
  const variance = sse / (n - p);
  return { ...base, coefficients: beta, standardErrors: inverse.map((row, k) => Math.sqrt(variance * row[k])) };
}
