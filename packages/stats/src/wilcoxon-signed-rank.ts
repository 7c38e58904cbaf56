// Wilcoxon signed-rank test for paired data, as R's wilcox.test(after, before, paired = TRUE) (R 4.2 stats):
// V is the sum of the ranks of |d| over the positive differences d = after - before, zero differences are
// dropped first, the exact signed-rank distribution is used when n < 50 and there are no ties or zeros, and
// otherwise the normal approximation with tie correction and the continuity correction sign(z) * 0.5.
import { normalCdf, normalQuantile } from './distributions.ts';
import { StatsInputError } from './errors.ts';
import { sortedAscending } from './moments.ts';
import { medianOfSorted } from './quantile.ts';
import { sign, signif } from './r-helpers.ts';
import { averageRanks, tieCorrectionSum } from './rank.ts';
import type { TestResult } from './result.ts';
import { pSignRank, qSignRank } from './signrank-distribution.ts';
import { assertConfLevel, pairedDifferences } from './validate.ts';
import { uniroot } from './zeroin.ts';

export interface WilcoxonSignedRankOptions {
  /** Force (true) or refuse (false) the exact p-value; by default exact when n < 50. Ties or zeros always fall back to the normal approximation, as in R. */
  exact?: boolean;
  /** Continuity correction in the normal approximation (R's correct = TRUE). */
  correct?: boolean;
  /** Also compute the Hodges-Lehmann pseudo-median and its confidence interval (R's conf.int = TRUE). */
  confInt?: boolean;
  confLevel?: number;
}

export interface WilcoxonSignedRankResult extends TestResult {
  test: 'wilcoxon';
  /** V: the sum of the ranks of the positive differences. */
  statistic: number;
  exact: boolean;
  /** Number of pairs. */
  n: number;
  /** Pairs with a zero difference, dropped before ranking. */
  zeros: number;
  /** Whether some |differences| are tied. */
  ties: boolean;
  /** With confInt: the (pseudo)median of the differences and its interval; confLevel is the level R could achieve. */
  estimate?: number;
  ciLower?: number;
  ciUpper?: number;
  confLevel?: number;
  /** R's warnings, e.g. "cannot compute exact p-value with ties". */
  warnings: string[];
}

const TOL_ROOT = 1e-4; // wilcox.test's tol.root

/** Standardised signed-rank statistic of x - mu (the function R's uniroot inverts for the interval). */
function standardisedStatistic(x: readonly number[], mu: number, correct: boolean): number {
  const shifted = x.map((value) => value - mu).filter((value) => value !== 0);
  const n = shifted.length;
  const { ranks, tieSizes } = averageRanks(shifted.map(Math.abs));
  let positiveRankSum = 0;
  for (let i = 0; i < n; i++) if (shifted[i]! > 0) positiveRankSum += ranks[i]!;
  const z = positiveRankSum - (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieCorrectionSum(tieSizes) / 48);
  const correction = correct ? sign(z) * 0.5 : 0;
  return (z - correction) / sigma;
}

function exactInterval(x: readonly number[], confLevel: number) {
  const n = x.length;
  const alpha = 1 - confLevel;
  const walshSums: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) walshSums.push(x[i]! + x[j]!);
  const walsh = sortedAscending(walshSums).map((value) => value / 2);
  let qu = qSignRank(alpha / 2, n);
  if (qu === 0) qu = 1;
  const ql = (n * (n + 1)) / 2 - qu;
  const achievedAlpha = 2 * pSignRank(Math.trunc(qu) - 1, n);
  const warnings: string[] = [];
  let achievedLevel = confLevel;
  if (achievedAlpha - alpha > alpha / 2) {
    warnings.push('requested conf.level not achievable');
    achievedLevel = 1 - signif(achievedAlpha, 2);
  }
  return {
    estimate: medianOfSorted(walsh),
    ciLower: walsh[qu - 1]!,
    ciUpper: walsh[ql]!,
    confLevel: achievedLevel,
    warnings,
  };
}

function approximateInterval(x: readonly number[], confLevel: number, correct: boolean) {
  const warnings: string[] = [];
  const sorted = sortedAscending(x);
  const muMin = sorted[0]!;
  const muMax = sorted[sorted.length - 1]!;
  const atMin = standardisedStatistic(x, muMin, correct);
  const atMax = Number.isFinite(atMin) ? standardisedStatistic(x, muMax, correct) : Number.NaN;
  if (!Number.isFinite(atMax)) {
    // All differences equal: R gives the midrange and no interval.
    warnings.push('cannot compute confidence interval when all observations are zero or tied');
    return { estimate: (muMin + muMax) / 2, ciLower: Number.NaN, ciUpper: Number.NaN, confLevel: 0, warnings };
  }
  let alpha = 1 - confLevel;
  let level = confLevel;
  // Widen alpha until the interval ends lie inside [min, max], as R does.
  for (let guard = 0; guard < 64; guard++) {
    const minDiff = atMin + normalQuantile(alpha / 2); // Wmumin - qnorm(alpha/2, lower.tail = FALSE)
    const maxDiff = atMax - normalQuantile(alpha / 2);
    if (minDiff < 0 || maxDiff > 0) alpha *= 2;
    else break;
  }
  if (alpha >= 1 || 1 - confLevel < alpha * 0.75) {
    level = 1 - Math.min(1, alpha);
    warnings.push('requested conf.level not achievable');
  }
  const root = (zq: number) =>
    uniroot((d) => standardisedStatistic(x, d, correct) - zq, muMin, muMax, {
      fLower: atMin - zq,
      fUpper: atMax - zq,
      tol: TOL_ROOT,
    }).root;
  let ciLower: number;
  let ciUpper: number;
  if (alpha < 1) {
    ciLower = root(-normalQuantile(alpha / 2));
    ciUpper = root(normalQuantile(alpha / 2));
  } else {
    ciLower = medianOfSorted(sorted);
    ciUpper = ciLower;
  }
  // R sets correct <- FALSE before solving for the estimate, so the pseudo-median ignores the continuity correction.
  const estimate = uniroot((d) => standardisedStatistic(x, d, false), muMin, muMax, { tol: TOL_ROOT }).root;
  return { estimate, ciLower, ciUpper, confLevel: level, warnings };
}

/** R's wilcox.test(after, before, paired = TRUE, exact, correct, conf.int, conf.level), two-sided. */
export function wilcoxonSignedRank(
  before: readonly number[],
  after: readonly number[],
  options: WilcoxonSignedRankOptions = {},
): WilcoxonSignedRankResult {
  const correct = options.correct ?? true;
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel);
  const differences = pairedDifferences(before, after);
  const x = differences.filter((d) => d !== 0);
  const zeros = differences.length - x.length;
  const n = x.length;
  if (n === 0) {
    throw new StatsInputError('All differences are zero, so the Wilcoxon signed-rank test cannot be computed');
  }
  const exactRequested = options.exact ?? n < 50;
  const { ranks, tieSizes } = averageRanks(x.map(Math.abs));
  let v = 0;
  for (let i = 0; i < n; i++) if (x[i]! > 0) v += ranks[i]!;
  const ties = tieSizes.some((size) => size > 1);
  const warnings: string[] = [];
  const common = { test: 'wilcoxon' as const, statistic: v, n: differences.length, zeros, ties };

  if (exactRequested && !ties && zeros === 0) {
    const p = v > (n * (n + 1)) / 4 ? pSignRank(v - 1, n, false) : pSignRank(v, n);
    const result: WilcoxonSignedRankResult = {
      ...common,
      method: 'Wilcoxon signed rank exact test',
      pValue: Math.min(2 * p, 1),
      exact: true,
      warnings,
    };
    if (!options.confInt) return result;
    const interval = exactInterval(x, confLevel);
    warnings.push(...interval.warnings);
    return { ...result, ...interval, warnings };
  }

  const z0 = v - (n * (n + 1)) / 4;
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieCorrectionSum(tieSizes) / 48);
  const correction = correct ? sign(z0) * 0.5 : 0;
  const z = (z0 - correction) / sigma;
  const pValue = 2 * Math.min(normalCdf(z), normalCdf(-z));
  let interval: ReturnType<typeof approximateInterval> | undefined;
  if (options.confInt) {
    interval = approximateInterval(x, confLevel, correct);
    warnings.push(...interval.warnings);
  }
  if (exactRequested && ties) {
    warnings.push('cannot compute exact p-value with ties');
    if (options.confInt) warnings.push('cannot compute exact confidence interval with ties');
  }
  if (exactRequested && zeros > 0) {
    warnings.push('cannot compute exact p-value with zeroes');
    if (options.confInt) warnings.push('cannot compute exact confidence interval with zeroes');
  }
  const result: WilcoxonSignedRankResult = {
    ...common,
    method: correct ? 'Wilcoxon signed rank test with continuity correction' : 'Wilcoxon signed rank test',
    pValue,
    exact: false,
    warnings,
  };
  if (!interval) return result;
  const { warnings: _ignored, ...estimate } = interval;
  return { ...result, ...estimate };
}
