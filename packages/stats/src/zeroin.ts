// R's uniroot(): Brent's zero finder as R_zeroin2 in src/library/stats/src/zeroin.c (Forsythe, Malcolm & Moler),
// step for step, because R reports roots only to its tolerance (default .Machine$double.eps^0.25) and matching
// R's numbers means taking the same steps, not finding a more precise root.

export interface UnirootOptions {
  /** f(lower) and f(upper) when already known (R passes them to skip two evaluations). */
  fLower?: number;
  fUpper?: number;
  /** R's default tol = .Machine$double.eps^0.25. */
  tol?: number;
  maxIterations?: number;
}

export interface UnirootResult {
  root: number;
  iterations: number;
  converged: boolean;
}

const DBL_EPSILON = 2 ** -52;
export const UNIROOT_DEFAULT_TOL = DBL_EPSILON ** 0.25;

export function uniroot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  options: UnirootOptions = {},
): UnirootResult {
  if (!(lower < upper)) throw new Error('uniroot: lower < upper is not fulfilled');
  const fLower = options.fLower ?? f(lower);
  const fUpper = options.fUpper ?? f(upper);
  if (Number.isNaN(fLower) || Number.isNaN(fUpper)) throw new Error('uniroot: f() is NaN at an end point');
  if (Math.sign(fLower) * Math.sign(fUpper) > 0)
    throw new Error('uniroot: f() values at end points not of opposite sign');
  const tol = options.tol ?? UNIROOT_DEFAULT_TOL;
  const maxIterations = options.maxIterations ?? 1000;

  let a = lower;
  let b = upper;
  let fa = fLower;
  let fb = fUpper;
  let c = a;
  let fc = fa;
  if (fa === 0) return { root: a, iterations: 0, converged: true };
  if (fb === 0) return { root: b, iterations: 0, converged: true };

  for (let iteration = 1; iteration <= maxIterations + 1; iteration++) {
    const previousStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * DBL_EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolerance || fb === 0) {
      return { root: b, iterations: iteration - 1, converged: true };
    }
    if (Math.abs(previousStep) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      // Interpolation may be tried: linear with two distinct points, inverse quadratic with three.
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qa = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
        q = (qa - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolerance * q) / 2 && p < Math.abs((previousStep * q) / 2)) {
        newStep = p / q;
      }
    }
    if (Math.abs(newStep) < tolerance) newStep = newStep > 0 ? tolerance : -tolerance;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, iterations: maxIterations, converged: false };
}
