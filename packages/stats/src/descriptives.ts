import { tQuantile } from './distributions.ts';
import { mean, sortedAscending, standardDeviation } from './moments.ts';
import { medianOfSorted, quantileType7 } from './quantile.ts';
import { assertConfLevel, assertFiniteValues, assertMinLength } from './validate.ts';

export interface Description {
  n: number;
  mean: number;
  /** Sample standard deviation (denominator n - 1); NaN for n = 1. */
  sd: number;
  median: number;
  /** First and third quartiles, R's default quantile type 7. */
  q1: number;
  q3: number;
  iqr: number;
  min: number;
  max: number;
  /** t-based confidence interval of the mean (R's t.test(x)$conf.int); NaN for n = 1. */
  ciLower: number;
  ciUpper: number;
  confLevel: number;
}

export function describe(values: readonly number[], options: { confLevel?: number } = {}): Description {
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel);
  assertFiniteValues(values, 'values');
  assertMinLength(values, 1, 'describe');
  const n = values.length;
  const sorted = sortedAscending(values);
  const centre = mean(values);
  const sd = standardDeviation(values);
  const q1 = quantileType7(sorted, 0.25);
  const q3 = quantileType7(sorted, 0.75);
  const halfWidth = n > 1 ? tQuantile(1 - (1 - confLevel) / 2, n - 1) * (sd / Math.sqrt(n)) : Number.NaN;
  return {
    n,
    mean: centre,
    sd,
    median: medianOfSorted(sorted),
    q1,
    q3,
    iqr: q3 - q1,
    min: sorted[0]!,
    max: sorted[n - 1]!,
    ciLower: centre - halfWidth,
    ciUpper: centre + halfWidth,
    confLevel,
  };
}
