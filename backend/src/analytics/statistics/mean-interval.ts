/**
 * A mean with its 95% interval from the sums behind it (n, Σx, Σx²): mean ± t(0.975, n − 1) × s ÷ √n,
 * the Student t interval (docs/measures.md). Null with no values; with one value the mean has no
 * interval. Sums of whole-number scores are exact in float8, so the result does not depend on the path.
 */

export interface MeanInterval {
  value: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export function meanInterval({ n, sum, sumsq }: { n: number; sum: number; sumsq: number }): MeanInterval {
  if (n === 0) return { value: null, ciLow: null, ciHigh: null };
  const mean = sum / n;
  if (n === 1) return { value: mean, ciLow: null, ciHigh: null };
  // Rounding can leave a tiny negative sum of squared deviations when every value is the same.
  const variance = Math.max(0, (sumsq - (sum * sum) / n) / (n - 1));
  const half = studentT975(n - 1) * Math.sqrt(variance / n);
  return { value: mean, ciLow: mean - half, ciHigh: mean + half };
}

const t975 = new Map<number, number>();

/** The 0.975 quantile of Student's t with `df` degrees of freedom, by bisection on its distribution function. */
export function studentT975(df: number): number {
  const known = t975.get(df);
  if (known !== undefined) return known;
  const value = bisectT975(df);
  t975.set(df, value);
  return value;
}

function bisectT975(df: number): number {
  let low = 0;
  let high = 64;
  for (let i = 0; i < 200 && high - low > 1e-12; i++) {
    const mid = (low + high) / 2;
    if (studentTUpperTail(mid, df) > 0.025) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/** P(T > t) for t ≥ 0: half the regularised incomplete beta I_x(df/2, 1/2) with x = df / (df + t²). */
function studentTUpperTail(t: number, df: number): number {
  return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** Regularised incomplete beta I_x(a, b) by its continued fraction (modified Lentz). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast for x < (a + 1) / (a + b + 2); otherwise use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
  if (x > (a + 1) / (a + b + 2)) return 1 - (front * betaFraction(1 - x, b, a)) / b;
  return (front * betaFraction(x, a, b)) / a;
}

function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let result = d;
  for (let m = 1; m <= 300; m++) {
    for (const numerator of [
      (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)),
      -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1)),
    ]) {
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + numerator / c;
      if (Math.abs(c) < tiny) c = tiny;
      result *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return result;
}

/** ln Γ(z) for z > 0 (Lanczos, g = 7, 9 terms). */
function logGamma(z: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const w = z - 1;
  let s = g[0];
  for (let i = 1; i < 9; i++) s += g[i] / (w + i);
  const t = w + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (w + 0.5) * Math.log(t) - t + Math.log(s);
}
