// Shapiro-Wilk normality test: Royston's algorithm AS R94 (Applied Statistics 1995, 44(4), 547-551) as R's
// shapiro.test runs it (src/library/stats/src/swilk.c), including the approximated coefficients, the exact
// p-value for n = 3 and the polynomial normalising transformations for 4 <= n <= 11 and n >= 12.

import { normalQuantile, normalUpperTail } from './distributions.ts';
import { StatsInputError } from './errors.ts';
import { sortedAscending } from './moments.ts';
import { assertFiniteValues } from './validate.ts';

export interface ShapiroWilkResult {
  test: 'shapiro-wilk';
  method: 'Shapiro-Wilk normality test';
  statistic: number;
  pValue: number;
  n: number;
}

/** Polynomial with coefficients in increasing order (AS 181.2 poly). */
function poly(coefficients: readonly number[], x: number): number {
  const order = coefficients.length;
  let result = coefficients[0]!;
  if (order > 1) {
    let p = x * coefficients[order - 1]!;
    for (let j = order - 2; j > 0; j--) p = (p + coefficients[j]!) * x;
    result += p;
  }
  return result;
}

const C1 = [0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056];
const C2 = [0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633];
const C3 = [0.544, -0.39978, 0.025054, -6.714e-4];
const C4 = [1.3822, -0.77857, 0.062767, -0.0020322];
const C5 = [-1.5861, -0.31082, -0.083751, 0.0038915];
const C6 = [-0.4803, -0.082676, 0.0030302];
const G = [-2.273, 0.459];
const SMALL = 1e-19;

/** Royston's approximation of the coefficients a[1..n/2] (1-based; a[0] unused), as swilk computes them. */
function coefficients(n: number): number[] {
  const half = Math.floor(n / 2);
  const a = new Array<number>(half + 1).fill(0);
  if (n === 3) {
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: AS R94 uses this rounded sqrt(1/2)
    a[1] = 0.70710678;
    return a;
  }
  const an25 = n + 0.25;
  let summ2 = 0;
  for (let i = 1; i <= half; i++) {
    a[i] = normalQuantile((i - 0.375) / an25);
    summ2 += a[i]! * a[i]!;
  }
  summ2 *= 2;
  const ssumm2 = Math.sqrt(summ2);
  const rsn = 1 / Math.sqrt(n);
  const a1 = poly(C1, rsn) - a[1]! / ssumm2;
  let first: number;
  let fac: number;
  if (n > 5) {
    first = 3;
    const a2 = -a[2]! / ssumm2 + poly(C2, rsn);
    fac = Math.sqrt((summ2 - 2 * (a[1]! * a[1]!) - 2 * (a[2]! * a[2]!)) / (1 - 2 * (a1 * a1) - 2 * (a2 * a2)));
    a[2] = a2;
  } else {
    first = 2;
    fac = Math.sqrt((summ2 - 2 * (a[1]! * a[1]!)) / (1 - 2 * (a1 * a1)));
  }
  a[1] = a1;
  for (let i = first; i <= half; i++) a[i] = a[i]! / -fac;
  return a;
}

/** W and its p-value for an ascending sample, 3 <= n <= 5000 (swilk with n1 = n, no censoring). */
function swilk(x: readonly number[]): { w: number; pw: number } {
  const n = x.length;
  const a = coefficients(n);
  const range = x[n - 1]! - x[0]!;
  if (range < SMALL) throw new StatsInputError('Shapiro-Wilk: the values have (almost) no spread');

  // The mean of the signed coefficients and of the range-scaled data, walking both ends as swilk does.
  let xx = x[0]! / range;
  let sx = xx;
  let sa = -a[1]!;
  for (let i = 1, j = n - 1; i < n; j--) {
    const xi = x[i]! / range;
    sx += xi;
    i++;
    if (i !== j) sa += Math.sign(i - j) * a[Math.min(i, j)]!;
    xx = xi;
  }
  sa /= n;
  sx /= n;

  // W as the squared correlation between data and coefficients.
  let ssa = 0;
  let ssx = 0;
  let sax = 0;
  for (let i = 0, j = n - 1; i < n; i++, j--) {
    const asa = i !== j ? Math.sign(i - j) * a[1 + Math.min(i, j)]! - sa : -sa;
    const xsx = x[i]! / range - sx;
    ssa += asa * asa;
    ssx += xsx * xsx;
    sax += asa * xsx;
  }
  // w1 = 1 - W, computed this way to avoid rounding error when W is very close to 1.
  const ssassx = Math.sqrt(ssa * ssx);
  const w1 = ((ssassx - sax) * (ssassx + sax)) / (ssa * ssx);
  const w = 1 - w1;

  if (n === 3) {
    // Exact p-value for n = 3: (6 / pi) (asin(sqrt(W)) - asin(sqrt(3/4))).
    const pi6 = 1.90985931710274;
    const stqr = 1.0471975511966;
    return { w, pw: Math.max(pi6 * (Math.asin(Math.sqrt(w)) - stqr), 0) };
  }
  let y = Math.log(w1);
  const logN = Math.log(n);
  let m: number;
  let s: number;
  if (n <= 11) {
    const gamma = poly(G, n);
    if (y >= gamma) return { w, pw: 1e-99 }; // swilk's "obvious" value for W far in the tail
    y = -Math.log(gamma - y);
    m = poly(C3, n);
    s = Math.exp(poly(C4, n));
  } else {
    m = poly(C5, logN);
    s = Math.exp(poly(C6, logN));
  }
  return { w, pw: normalUpperTail((y - m) / s) };
}

/** R's shapiro.test(values). Throws outside 3 <= n <= 5000 or when all values are identical. */
export function shapiroWilk(values: readonly number[]): ShapiroWilkResult {
  assertFiniteValues(values, 'values');
  const n = values.length;
  if (n < 3 || n > 5000) {
    throw new StatsInputError(`Shapiro-Wilk needs between 3 and 5000 values (got ${n})`);
  }
  let x = sortedAscending(values);
  const range = x[n - 1]! - x[0]!;
  if (range === 0) throw new StatsInputError('Shapiro-Wilk: all values are identical, so normality cannot be tested');
  // shapiro.test rescales tiny ranges before calling swilk.
  if (range < 1e-10) x = x.map((value) => value / range);
  const { w, pw } = swilk(x);
  return { test: 'shapiro-wilk', method: 'Shapiro-Wilk normality test', statistic: w, pValue: pw, n };
}
