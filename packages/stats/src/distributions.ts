// Thin wrappers over the @stdlib distributions, R's normal quantile (AS 241), and the upper tail of the chi-square
// distribution computed directly (1 - cdf would lose every significant digit of a small p-value).
import gammaln from '@stdlib/math-base-special-gammaln';
import normalCdfWithParameters from '@stdlib/stats-base-dists-normal-cdf';
import studentTCdf from '@stdlib/stats-base-dists-t-cdf';
import studentTQuantile from '@stdlib/stats-base-dists-t-quantile';
import { standardNormalQuantile } from './normal-quantile.ts';

export function normalCdf(z: number): number {
  return normalCdfWithParameters(z, 0, 1);
}

/** P(Z > z), computed as P(Z < -z) so small upper tails keep their precision (R's pnorm(lower.tail = FALSE)). */
export function normalUpperTail(z: number): number {
  return normalCdfWithParameters(-z, 0, 1);
}

/** R's qnorm(p) (algorithm AS 241). */
export function normalQuantile(p: number): number {
  return standardNormalQuantile(p);
}

export function tCdf(t: number, df: number): number {
  return studentTCdf(t, df);
}

export function tQuantile(p: number, df: number): number {
  return studentTQuantile(p, df);
}

/** Two-sided p-value of a t statistic: 2 * pt(-|t|, df), as t.test computes it. */
export function tTwoSidedP(t: number, df: number): number {
  return 2 * studentTCdf(-Math.abs(t), df);
}

const EPSILON = 1e-16;
const TINY = 1e-300;

/** Regularized lower incomplete gamma P(a, x) by its power series (used for x < a + 1). */
function lowerGammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let total = term;
  for (let k = 1; k < 10_000; k++) {
    term *= x / (a + k);
    total += term;
    if (Math.abs(term) < Math.abs(total) * EPSILON) break;
  }
  return total * Math.exp(-x + a * Math.log(x) - gammaln(a));
}

/** Regularized upper incomplete gamma Q(a, x) by Lentz's continued fraction (used for x >= a + 1). */
function upperGammaFraction(a: number, x: number): number {
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - gammaln(a)) * h;
}

/** P(X > x) for X ~ chi-square(df): R's pchisq(x, df, lower.tail = FALSE). */
export function chiSquareUpperTail(x: number, df: number): number {
  if (Number.isNaN(x) || !(df > 0)) return Number.NaN;
  if (x <= 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  if (df === 1) return 2 * normalUpperTail(Math.sqrt(x));
  const a = df / 2;
  const half = x / 2;
  return half < a + 1 ? 1 - lowerGammaSeries(a, half) : upperGammaFraction(a, half);
}
