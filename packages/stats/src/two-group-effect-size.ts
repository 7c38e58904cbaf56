// Standardised mean difference for two independent groups: Cohen's d with the pooled SD, Hedges' g = J(n1 + n2 - 2) d
// with the exact gamma-function correction, and the large-sample interval metafor uses for measure "SMD"
// (Hedges 1981; Borenstein et al. 2009): var(g) = 1/n1 + 1/n2 + g^2 / (2 (n1 + n2)), CI = g -/+ z sqrt(var).
import { normalQuantile } from './distributions.ts';
import { StatsInputError } from './errors.ts';
import { hedgesCorrection } from './hedges-correction.ts';
import { mean, variance } from './moments.ts';
import { assertConfLevel, assertFiniteValues } from './validate.ts';

export interface TwoGroupEffectSize {
  /** mean1 - mean2. */
  meanDifference: number;
  /** Pooled standard deviation sqrt(((n1 - 1) s1^2 + (n2 - 1) s2^2) / (n1 + n2 - 2)). */
  pooledSd: number;
  cohenD: number;
  hedgesG: number;
  correction: number;
  /** Large-sample variance of hedgesG (metafor's SMD vi, vtype "LS"). */
  variance: number;
  ciLower: number;
  ciUpper: number;
  confLevel: number;
  n1: number;
  n2: number;
  method: string;
}

/** Hedges' g and its variance from summary statistics, exactly as metafor's escalc(measure = "SMD"). */
export function standardisedMeanDifference(summary: {
  mean1: number;
  sd1: number;
  n1: number;
  mean2: number;
  sd2: number;
  n2: number;
}): { cohenD: number; hedgesG: number; correction: number; pooledSd: number; variance: number } {
  const { mean1, sd1, n1, mean2, sd2, n2 } = summary;
  const m = n1 + n2 - 2;
  const pooledSd = Math.sqrt(((n1 - 1) * sd1 ** 2 + (n2 - 1) * sd2 ** 2) / m);
  const cohenD = (mean1 - mean2) / pooledSd;
  const correction = hedgesCorrection(m);
  const hedgesG = correction * cohenD;
  return { cohenD, hedgesG, correction, pooledSd, variance: 1 / n1 + 1 / n2 + hedgesG ** 2 / (2 * (n1 + n2)) };
}

export function twoGroupEffectSize(
  group1: readonly number[],
  group2: readonly number[],
  options: { confLevel?: number } = {},
): TwoGroupEffectSize {
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel);
  assertFiniteValues(group1, 'group1');
  assertFiniteValues(group2, 'group2');
  const n1 = group1.length;
  const n2 = group2.length;
  if (n1 < 2 || n2 < 2) {
    throw new StatsInputError(
      `The standardised mean difference needs at least 2 values per group (got ${n1} and ${n2})`,
    );
  }
  const mean1 = mean(group1);
  const mean2 = mean(group2);
  const sd1 = Math.sqrt(variance(group1));
  const sd2 = Math.sqrt(variance(group2));
  const smd = standardisedMeanDifference({ mean1, sd1, n1, mean2, sd2, n2 });
  if (smd.pooledSd === 0) {
    throw new StatsInputError('Both groups have no spread (pooled SD 0), so the standardised difference is undefined');
  }
  const halfWidth = -normalQuantile((1 - confLevel) / 2) * Math.sqrt(smd.variance);
  return {
    meanDifference: mean1 - mean2,
    ...smd,
    ciLower: smd.hedgesG - halfWidth,
    ciUpper: smd.hedgesG + halfWidth,
    confLevel,
    n1,
    n2,
    method: "Standardised mean difference (pooled SD): Cohen's d, Hedges' g, large-sample CI (metafor SMD)",
  };
}
