import { describe, expect, it } from '@jest/globals';
import { reference } from './fixtures/reference.js';
import { fitLogistic, type BinomialRow, type LogisticFit } from './logistic.js';

const { simple, caseMix } = reference;

function expectCloseArrays(actual: number[], expected: number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThan(tolerance));
}

function expectSameFit(a: LogisticFit, b: LogisticFit, tolerance = 1e-9): void {
  expectCloseArrays(a.coefficients, b.coefficients, tolerance);
  expectCloseArrays(a.standardErrors, b.standardErrors, tolerance);
  expect(Math.abs(a.logLikelihood - b.logLikelihood)).toBeLessThan(tolerance * Math.abs(b.logLikelihood));
}

/** One row per case, as if nothing had been grouped. */
function ungroup(rows: readonly BinomialRow[]): BinomialRow[] {
  return rows.flatMap((r) =>
    Array.from({ length: r.trials }, (_, i) => ({ x: r.x, successes: i < r.successes ? 1 : 0, trials: 1 })),
  );
}

const caseMixRows: BinomialRow[] = caseMix.rows.map((r, i) => ({
  x: caseMix.x[i],
  successes: r.successes,
  trials: r.trials,
}));

describe(fitLogistic.name, () => {
  it('matches statsmodels GLM Binomial on grouped data with a continuous and a binary covariate', () => {
    const fit = fitLogistic(simple.rows);
    expect(fit.converged).toBe(true);
    expect(fit.separation).toBe(false);
    expect(fit.kept).toEqual([0, 1]);
    expectCloseArrays(fit.coefficients, simple.coefficients, 1e-6);
    expectCloseArrays(fit.standardErrors, simple.standardErrors, 1e-6);
    expect(fit.logLikelihood).toBeCloseTo(simple.logLikelihood, 6);
    expect(fit.n).toBe(simple.rows.reduce((s, r) => s + r.trials, 0));
  });

  it('matches statsmodels GLM Binomial on the case-mix design with category and funding dummies', () => {
    const fit = fitLogistic(caseMixRows);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(15);
    expectCloseArrays(fit.coefficients, caseMix.coefficients, 1e-6);
    expectCloseArrays(fit.standardErrors, caseMix.standardErrors, 1e-6);
    expect(fit.logLikelihood).toBeCloseTo(caseMix.logLikelihood, 6);
  });

  it('gives the same estimates, standard errors and log-likelihood for grouped rows and one row per case', () => {
    expectSameFit(fitLogistic(ungroup(simple.rows)), fitLogistic(simple.rows));
    expectSameFit(fitLogistic(ungroup(caseMixRows)), fitLogistic(caseMixRows));
  });

  it('ignores rows with no trials', () => {
    const padded = [...simple.rows, { x: [99, 1], successes: 0, trials: 0 }];
    expectSameFit(fitLogistic(padded), fitLogistic(simple.rows));
  });

  it('drops a column with no variation and reports it', () => {
    const fit = fitLogistic(simple.rows.map((r) => ({ ...r, x: [r.x[0], 3, r.x[1]] })));
    expect(fit.droppedConstant).toEqual([1]);
    expect(fit.kept).toEqual([0, 2]);
    expectCloseArrays(fit.coefficients, simple.coefficients, 1e-6);
  });

  it('treats a column as constant when it varies only in rows without trials', () => {
    const rows = [...simple.rows.map((r) => ({ ...r, x: [...r.x, 0] })), { x: [0, 0, 1], successes: 0, trials: 0 }];
    expect(fitLogistic(rows).droppedConstant).toEqual([2]);
  });

  it('drops a column that is a linear combination of the intercept and earlier columns and reports it', () => {
    const fit = fitLogistic(simple.rows.map((r) => ({ ...r, x: [r.x[0], r.x[1], 1 + 2 * r.x[0] - r.x[1]] })));
    expect(fit.droppedCollinear).toEqual([2]);
    expect(fit.kept).toEqual([0, 1]);
    expectCloseArrays(fit.coefficients, simple.coefficients, 1e-6);
  });

  it('drops the last dummy when every level of a factor has one', () => {
    const fit = fitLogistic(simple.rows.map((r) => ({ ...r, x: [r.x[0], r.x[1], 1 - r.x[1]] })));
    expect(fit.droppedCollinear).toEqual([2]);
    expectCloseArrays(fit.standardErrors, simple.standardErrors, 1e-6);
  });

  it('reports complete separation and does not claim convergence', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ x: [i], successes: i >= 5 ? 3 : 0, trials: 3 }));
    const fit = fitLogistic(rows);
    expect(fit.separation).toBe(true);
    expect(fit.converged).toBe(false);
  });

  it('reports quasi-complete separation when one covariate value has both outcomes', () => {
    const rows = [
      { x: [0], successes: 0, trials: 20 },
      { x: [1], successes: 6, trials: 15 },
      { x: [2], successes: 20, trials: 20 },
    ];
    expect(fitLogistic(rows)).toMatchObject({ separation: true, converged: false });
  });

  it('reports quasi-complete separation when one dummy level has only successes', () => {
    const rows = simple.rows.map((r, i) =>
      i % 5 === 0
        ? { x: [r.x[0], r.x[1], 1], successes: r.trials, trials: r.trials }
        : { x: [...r.x, 0], successes: r.successes, trials: r.trials },
    );
    expect(fitLogistic(rows)).toMatchObject({ separation: true, converged: false });
  });

  it('reports separation when every case has the same outcome', () => {
    const rows = simple.rows.map((r) => ({ ...r, successes: 0 }));
    expect(fitLogistic(rows)).toMatchObject({ separation: true, converged: false });
  });

  it('converges without separation when the outcomes overlap in a single case', () => {
    const rows = Array.from({ length: 10 }, (_, i) => ({ x: [i], successes: i >= 5 ? 1 : 0, trials: 1 }));
    rows[4].successes = 1;
    rows[5].successes = 0;
    const fit = fitLogistic(rows);
    expect(fit).toMatchObject({ separation: false, converged: true });
    expect(Number.isFinite(fit.standardErrors[1])).toBe(true);
  });

  it('reports non-convergence, not separation, when the iteration limit comes first', () => {
    expect(fitLogistic(caseMixRows, { maxIterations: 2 })).toMatchObject({
      converged: false,
      separation: false,
      iterations: 2,
    });
  });

  it('returns an empty, unconverged fit when there are no cases', () => {
    expect(fitLogistic([])).toMatchObject({ coefficients: [], converged: false, separation: false, n: 0 });
  });

  it('rejects rows with more successes than trials or ragged covariates', () => {
    expect(() => fitLogistic([{ x: [1], successes: 3, trials: 2 }])).toThrow(RangeError);
    expect(() =>
      fitLogistic([
        { x: [1], successes: 1, trials: 2 },
        { x: [1, 2], successes: 1, trials: 2 },
      ]),
    ).toThrow(RangeError);
  });
});
