// Mann-Whitney U test (Wilcoxon rank-sum), as R's wilcox.test(group1, group2) (R 4.2 stats): W is the rank sum
// of group1 minus n1(n1 + 1)/2, the exact distribution is used when both groups have fewer than 50 values and
// there are no ties, otherwise the normal approximation with tie correction and continuity correction sign(z) * 0.5.
import { normalCdf, normalQuantile } from './distributions.ts';
import { StatsInputError } from './errors.ts';
import { extent, sortedAscending } from './moments.ts';
import { medianOfSorted } from './quantile.ts';
import { sign } from './r-helpers.ts';
import { averageRanks, tieCorrectionSum } from './rank.ts';
import type { TestResult } from './result.ts';
import { assertConfLevel, assertFiniteValues, assertMinLength } from './validate.ts';
import { pWilcox, qWilcox } from './wilcox-distribution.ts';
import { uniroot } from './zeroin.ts';

export interface MannWhitneyOptions {
  /** Force (true) or refuse (false) the exact p-value; by default exact when both groups have fewer than 50 values. Ties always fall back to the normal approximation, as in R. */
  exact?: boolean;
  correct?: boolean;
  /** Also compute the Hodges-Lehmann difference in location and its interval (R's conf.int = TRUE). */
  confInt?: boolean;
  confLevel?: number;
}

export interface MannWhitneyResult extends TestResult {
  test: 'mann-whitney';
  /** W = U of group1: its rank sum minus n1(n1 + 1)/2. */
  statistic: number;
  exact: boolean;
  n: number;
  n1: number;
  n2: number;
  ties: boolean;
  /** With confInt: R's "difference in location" (group1 - group2) and its interval. */
  estimate?: number;
  ciLower?: number;
  ciUpper?: number;
  confLevel?: number;
  warnings: string[];
}

const TOL_ROOT = 1e-4; // wilcox.test's tol.root

/** Standardised W for group1 shifted by -mu (the function R inverts for the interval). */
function standardisedStatistic(
  group1: readonly number[],
  group2: readonly number[],
  mu: number,
  correct: boolean,
): number {
  const n1 = group1.length;
  const n2 = group2.length;
  const { ranks, tieSizes } = averageRanks([...group1.map((value) => value - mu), ...group2]);
  let rankSum = 0;
  for (let i = 0; i < n1; i++) rankSum += ranks[i]!;
  const dz = rankSum - (n1 * (n1 + 1)) / 2 - (n1 * n2) / 2;
  const correction = correct ? sign(dz) * 0.5 : 0;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n1 + n2 + 1 - tieCorrectionSum(tieSizes) / ((n1 + n2) * (n1 + n2 - 1))));
  return (dz - correction) / sigma;
}

function exactInterval(group1: readonly number[], group2: readonly number[], confLevel: number) {
  const n1 = group1.length;
  const n2 = group2.length;
  const alpha = 1 - confLevel;
  const differences: number[] = [];
  for (const y of group2) for (const x of group1) differences.push(x - y);
  const sorted = sortedAscending(differences);
  let qu = qWilcox(alpha / 2, n1, n2);
  if (qu === 0) qu = 1;
  const ql = n1 * n2 - qu;
  const achievedAlpha = 2 * pWilcox(Math.trunc(qu) - 1, n1, n2);
  const warnings: string[] = [];
  let level = confLevel;
  if (achievedAlpha - alpha > alpha / 2) {
    warnings.push('Requested conf.level not achievable');
    level = 1 - achievedAlpha;
  }
  return {
    estimate: medianOfSorted(sorted),
    ciLower: sorted[qu - 1]!,
    ciUpper: sorted[ql]!,
    confLevel: level,
    warnings,
  };
}

function approximateInterval(
  group1: readonly number[],
  group2: readonly number[],
  confLevel: number,
  correct: boolean,
) {
  const alpha = 1 - confLevel;
  const range1 = extent(group1);
  const range2 = extent(group2);
  const muMin = range1.min - range2.max;
  const muMax = range1.max - range2.min;
  const w = (d: number) => standardisedStatistic(group1, group2, d, correct);
  const atMin = w(muMin);
  const atMax = w(muMax);
  if (!Number.isFinite(atMin) || !Number.isFinite(atMax)) {
    // R stops here ("missing value where TRUE/FALSE needed") after warning that all observations are tied.
    throw new StatsInputError('Cannot compute the confidence interval when all observations are tied');
  }
  const root = (zq: number) => {
    const fLower = atMin - zq;
    if (fLower <= 0) return muMin;
    const fUpper = atMax - zq;
    if (fUpper >= 0) return muMax;
    return uniroot((d) => w(d) - zq, muMin, muMax, { fLower, fUpper, tol: TOL_ROOT }).root;
  };
  const ciLower = root(-normalQuantile(alpha / 2));
  const ciUpper = root(normalQuantile(alpha / 2));
  // R sets correct <- FALSE before solving for the estimate, so it ignores the continuity correction.
  const estimate = uniroot((d) => standardisedStatistic(group1, group2, d, false), muMin, muMax, {
    tol: TOL_ROOT,
  }).root;
  return { estimate, ciLower, ciUpper, confLevel, warnings: [] as string[] };
}

/** R's wilcox.test(group1, group2, exact, correct, conf.int, conf.level), two-sided. */
export function mannWhitney(
  group1: readonly number[],
  group2: readonly number[],
  options: MannWhitneyOptions = {},
): MannWhitneyResult {
  const correct = options.correct ?? true;
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel);
  assertFiniteValues(group1, 'group1');
  assertFiniteValues(group2, 'group2');
  assertMinLength(group1, 1, 'group1');
  assertMinLength(group2, 1, 'group2');
  const n1 = group1.length;
  const n2 = group2.length;
  const exactRequested = options.exact ?? (n1 < 50 && n2 < 50);
  const { ranks, tieSizes } = averageRanks([...group1, ...group2]);
  let rankSum = 0;
  for (let i = 0; i < n1; i++) rankSum += ranks[i]!;
  const statistic = rankSum - (n1 * (n1 + 1)) / 2;
  const ties = tieSizes.some((size) => size > 1);
  const warnings: string[] = [];
  const common = { test: 'mann-whitney' as const, statistic, n: n1 + n2, n1, n2, ties };

  if (exactRequested && !ties) {
    const p = statistic > (n1 * n2) / 2 ? pWilcox(statistic - 1, n1, n2, false) : pWilcox(statistic, n1, n2);
    const result: MannWhitneyResult = {
      ...common,
      method: 'Wilcoxon rank sum exact test',
      pValue: Math.min(2 * p, 1),
      exact: true,
      warnings,
    };
    if (!options.confInt) return result;
    const interval = exactInterval(group1, group2, confLevel);
    return { ...result, ...interval, warnings: [...warnings, ...interval.warnings] };
  }

  const z0 = statistic - (n1 * n2) / 2;
  const sigma = Math.sqrt(((n1 * n2) / 12) * (n1 + n2 + 1 - tieCorrectionSum(tieSizes) / ((n1 + n2) * (n1 + n2 - 1))));
  const correction = correct ? sign(z0) * 0.5 : 0;
  const z = (z0 - correction) / sigma;
  const pValue = 2 * Math.min(normalCdf(z), normalCdf(-z));
  const interval = options.confInt ? approximateInterval(group1, group2, confLevel, correct) : undefined;
  if (exactRequested && ties) {
    warnings.push('cannot compute exact p-value with ties');
    if (options.confInt) warnings.push('cannot compute exact confidence intervals with ties');
  }
  const result: MannWhitneyResult = {
    ...common,
    method: correct ? 'Wilcoxon rank sum test with continuity correction' : 'Wilcoxon rank sum test',
    pValue,
    exact: false,
    warnings,
  };
  if (!interval) return result;
  const { warnings: _none, ...estimate } = interval;
  return { ...result, ...estimate };
}
