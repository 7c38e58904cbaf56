// Two independent groups, R's t.test(group1, group2, var.equal): Welch's test with Satterthwaite degrees of
// freedom by default, Student's pooled-variance test with varEqual. The difference is group1 - group2.
import { tQuantile, tTwoSidedP } from './distributions.ts';
import { StatsInputError } from './errors.ts';
import { mean, variance } from './moments.ts';
import type { TestResult } from './result.ts';
import { assertConfLevel, assertFiniteValues } from './validate.ts';

export interface TwoSampleTTestOptions {
  /** Pool the variances (Student's t-test); false gives Welch's test, as R's default. */
  varEqual?: boolean;
  confLevel?: number;
}

export interface TwoSampleTTestResult extends TestResult {
  test: 'welch' | 'student';
  method: 'Welch Two Sample t-test' | 'Two Sample t-test';
  df: number;
  /** n1 + n2. */
  n: number;
  n1: number;
  n2: number;
  mean1: number;
  mean2: number;
  /** mean1 - mean2. */
  estimate: number;
  ciLower: number;
  ciUpper: number;
  confLevel: number;
  stderr: number;
}

export function twoSampleTTest(
  group1: readonly number[],
  group2: readonly number[],
  options: TwoSampleTTestOptions = {},
): TwoSampleTTestResult {
  const varEqual = options.varEqual ?? false;
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel);
  assertFiniteValues(group1, 'group1');
  assertFiniteValues(group2, 'group2');
  const n1 = group1.length;
  const n2 = group2.length;
  // R's minimum sizes: Welch needs a variance in each group; Student needs one pooled degree of freedom.
  const minimum = varEqual ? 1 : 2;
  if (n1 < minimum) throw new StatsInputError(`group1 needs at least ${minimum} values (got ${n1})`);
  if (n2 < minimum) throw new StatsInputError(`group2 needs at least ${minimum} values (got ${n2})`);
  if (varEqual && n1 + n2 < 3) throw new StatsInputError('Student t-test needs at least 3 values in total');

  const mean1 = mean(group1);
  const mean2 = mean(group2);
  let df: number;
  let stderr: number;
  if (varEqual) {
    df = n1 + n2 - 2;
    let pooled = 0;
    if (n1 > 1) pooled += (n1 - 1) * variance(group1);
    if (n2 > 1) pooled += (n2 - 1) * variance(group2);
    pooled /= df;
    stderr = Math.sqrt(pooled * (1 / n1 + 1 / n2));
  } else {
    const stderr1 = Math.sqrt(variance(group1) / n1);
    const stderr2 = Math.sqrt(variance(group2) / n2);
    stderr = Math.sqrt(stderr1 ** 2 + stderr2 ** 2);
    df = stderr ** 4 / (stderr1 ** 4 / (n1 - 1) + stderr2 ** 4 / (n2 - 1));
  }
  if (stderr < 10 * Number.EPSILON * Math.max(Math.abs(mean1), Math.abs(mean2)) || stderr === 0) {
    throw new StatsInputError('The data are essentially constant (no spread in either group), so t cannot be computed');
  }
  const t = (mean1 - mean2) / stderr;
  const quantile = tQuantile(1 - (1 - confLevel) / 2, df);
  return {
    test: varEqual ? 'student' : 'welch',
    method: varEqual ? 'Two Sample t-test' : 'Welch Two Sample t-test',
    statistic: t,
    df,
    pValue: tTwoSidedP(t, df),
    n: n1 + n2,
    n1,
    n2,
    mean1,
    mean2,
    estimate: mean1 - mean2,
    ciLower: (t - quantile) * stderr,
    ciUpper: (t + quantile) * stderr,
    confLevel,
    stderr,
  };
}

/** Welch's t-test, R's t.test(group1, group2). */
export function welchTTest(
  group1: readonly number[],
  group2: readonly number[],
  options: { confLevel?: number } = {},
): TwoSampleTTestResult {
  return twoSampleTTest(group1, group2, { ...options, varEqual: false });
}

/** Student's pooled-variance t-test, R's t.test(group1, group2, var.equal = TRUE). */
export function studentTTest(
  group1: readonly number[],
  group2: readonly number[],
  options: { confLevel?: number } = {},
): TwoSampleTTestResult {
  return twoSampleTTest(group1, group2, { ...options, varEqual: true });
}
