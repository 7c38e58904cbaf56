import { tQuantile, tTwoSidedP } from './distributions.ts';
import { StatsInputError } from './errors.ts';
import { mean, standardDeviation } from './moments.ts';
import type { TestResult } from './result.ts';
import { assertConfLevel, pairedDifferences } from './validate.ts';

export interface PairedTTestResult extends TestResult {
  test: 't';
  method: 'Paired t-test';
  df: number;
  n: number;
  /** Mean of the differences after - before. */
  estimate: number;
  ciLower: number;
  ciUpper: number;
  confLevel: number;
  /** Standard error of the mean difference. */
  stderr: number;
  /** Cohen's dz = mean(diff) / sd(diff). */
  effectSize: number;
}

/** R's t.test(after, before, paired = TRUE, conf.level): two-sided test of the mean difference after - before. */
export function pairedTTest(
  before: readonly number[],
  after: readonly number[],
  options: { confLevel?: number } = {},
): PairedTTestResult {
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel);
  const differences = pairedDifferences(before, after);
  const n = differences.length;
  const meanDifference = mean(differences);
  const sd = standardDeviation(differences);
  const stderr = sd / Math.sqrt(n);
  // Same guard as t.test: a standard error that is only rounding noise makes t meaningless.
  if (stderr < 10 * Number.EPSILON * Math.abs(meanDifference) || stderr === 0) {
    throw new StatsInputError(
      'The differences are essentially constant (all equal), so the paired t-test cannot be computed',
    );
  }
  const t = meanDifference / stderr;
  const df = n - 1;
  const quantile = tQuantile(1 - (1 - confLevel) / 2, df);
  return {
    test: 't',
    method: 'Paired t-test',
    statistic: t,
    df,
    pValue: tTwoSidedP(t, df),
    n,
    estimate: meanDifference,
    ciLower: (t - quantile) * stderr,
    ciUpper: (t + quantile) * stderr,
    confLevel,
    stderr,
    effectSize: meanDifference / sd,
  };
}
