// Inverse-variance meta-analysis of effect sizes yi with sampling variances vi, as metafor's rma(yi, vi, method)
// (metafor 3.8, intercept-only model, z-based inference):
// FE   - fixed effect, weights 1/vi;
// DL   - DerSimonian-Laird tau^2 = max(0, (Q - (k - 1)) / (sum w - sum w^2 / sum w));
// REML - restricted maximum likelihood by Fisher scoring, started (as metafor does) at the Hedges estimator
//        max(0, var(yi) - mean(vi)), steps halved to keep tau^2 >= 0, stopped when tau^2 changes by <= 1e-5,
//        followed by metafor's check that the likelihood is not higher at tau^2 = 0.
// Q, I^2 and H^2 follow metafor: for FE, I^2 = (Q - df)/Q; for random effects, I^2 = tau^2 / (tau^2 + v) with the
// "typical" within-study variance v = (k - 1) / (sum w - sum w^2 / sum w). The prediction interval is predict()'s:
// estimate -/+ z sqrt(se^2 + tau^2).
import { chiSquareUpperTail, normalQuantile, normalUpperTail } from './distributions.ts';
import { StatsInputError } from './errors.ts';
import type { EffectSize } from './meta-effect-sizes.ts';
import { assertConfLevel } from './validate.ts';

export type MetaMethod = 'FE' | 'DL' | 'REML';

export interface MetaAnalysisOptions {
  /** metafor's default is REML. */
  method?: MetaMethod;
  confLevel?: number;
}

export interface MetaAnalysisResult {
  method: MetaMethod;
  k: number;
  estimate: number;
  se: number;
  zval: number;
  pValue: number;
  ciLower: number;
  ciUpper: number;
  confLevel: number;
  /** Between-study variance (0 for FE) and its square root. */
  tau2: number;
  tau: number;
  /** Percent of total variability due to heterogeneity, and total / sampling variability. */
  I2: number;
  H2: number;
  /** Cochran's Q with df = k - 1 and its p-value. */
  Q: number;
  Qdf: number;
  QpValue: number;
  /** Random-effects models only: where the true effect of a new study is expected to lie. */
  predictionLower?: number;
  predictionUpper?: number;
  /** Weight of each study in percent, 100 w_i / sum w. */
  weights: number[];
  /** REML only: Fisher scoring iterations. */
  iterations?: number;
  warnings: string[];
}

const REML_THRESHOLD = 1e-5;
const REML_MAX_ITERATIONS = 100;
const LL0_TOLERANCE = 2 ** (-52 / 4); // .Machine$double.eps^0.25

interface WeightSums {
  s1: number;
  s2: number;
  s3: number;
  /** Weighted mean of y. */
  mean: number;
}

function weightSums(y: readonly number[], w: readonly number[]): WeightSums {
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let wy = 0;
  for (let i = 0; i < w.length; i++) {
    const wi = w[i]!;
    s1 += wi;
    s2 += wi * wi;
    s3 += wi * wi * wi;
    wy += wi * y[i]!;
  }
  return { s1, s2, s3, mean: wy / s1 };
}

/** y'Py with P = W - w w'/sum w: the weighted residual sum of squares (Q when w = 1/vi). */
function residualSumOfSquares(y: readonly number[], w: readonly number[], sums: WeightSums): number {
  let total = 0;
  for (let i = 0; i < w.length; i++) total += w[i]! * (y[i]! - sums.mean) ** 2;
  return total;
}

/** tr(P) = sum w - sum w^2 / sum w. */
function traceP(sums: WeightSums): number {
  return sums.s1 - sums.s2 / sums.s1;
}

function dersimonianLaird(y: readonly number[], v: readonly number[]): number {
  const w = v.map((vi) => 1 / vi);
  const sums = weightSums(y, w);
  return Math.max(0, (residualSumOfSquares(y, w, sums) - (y.length - 1)) / traceP(sums));
}

function remlLogLikelihood(y: readonly number[], v: readonly number[], tau2: number): number {
  const w = v.map((vi) => 1 / (vi + tau2));
  const sums = weightSums(y, w);
  let logVariances = 0;
  for (const vi of v) logVariances += Math.log(vi + tau2);
  const k = y.length;
  return (
    -0.5 * (k - 1) * Math.log(2 * Math.PI) -
    0.5 * logVariances -
    0.5 * Math.log(sums.s1) -
    0.5 * residualSumOfSquares(y, w, sums)
  );
}

function restrictedMaximumLikelihood(y: readonly number[], v: readonly number[]) {
  const k = y.length;
  const centre = y.reduce((a, b) => a + b, 0) / k;
  const centred = y.map((yi) => yi - centre); // metafor iterates on the centred yi
  // Hedges estimator as the starting value: (sum (y - mean y)^2 - (1 - 1/k) sum v) / (k - 1).
  const sumSquares = centred.reduce((total, yi) => total + yi * yi, 0);
  const sumV = v.reduce((a, b) => a + b, 0);
  let tau2 = Math.max(0, (sumSquares - (sumV - sumV / k)) / (k - 1));
  let change = REML_THRESHOLD + 1;
  let iterations = 0;
  while (change > REML_THRESHOLD) {
    iterations++;
    if (iterations > REML_MAX_ITERATIONS) {
      throw new StatsInputError('REML (Fisher scoring) did not converge in 100 iterations; try DL');
    }
    const previous = tau2;
    const w = v.map((vi) => 1 / (vi + tau2));
    const sums = weightSums(centred, w);
    // y'PPy = sum (w_i (y_i - weighted mean))^2; tr(PP) = sum w^2 - 2 sum w^3 / sum w + (sum w^2 / sum w)^2.
    let yPPy = 0;
    for (let i = 0; i < k; i++) yPPy += (w[i]! * (centred[i]! - sums.mean)) ** 2;
    const trPP = sums.s2 - (2 * sums.s3) / sums.s1 + (sums.s2 / sums.s1) ** 2;
    let adjustment = (yPPy - traceP(sums)) / trPP;
    if (Number.isNaN(adjustment)) adjustment = 0;
    while (tau2 + adjustment < 0) adjustment /= 2;
    tau2 += adjustment;
    change = Math.abs(previous - tau2);
  }
  const warnings: string[] = [];
  // metafor's ll0check: a likelihood higher at tau^2 = 0 means Fisher scoring stopped at a local maximum.
  if (remlLogLikelihood(centred, v, 0) - remlLogLikelihood(centred, v, tau2) > LL0_TOLERANCE && tau2 > REML_THRESHOLD) {
    warnings.push('Fisher scoring may have stopped at a local maximum; tau^2 set to 0 (as metafor does)');
    tau2 = 0;
  }
  return { tau2: Math.max(0, tau2), iterations, warnings };
}

export function metaAnalysis(studies: readonly EffectSize[], options: MetaAnalysisOptions = {}): MetaAnalysisResult {
  const method = options.method ?? 'REML';
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel);
  if (!['FE', 'DL', 'REML'].includes(method)) throw new StatsInputError(`Unknown method ${String(method)}`);
  if (studies.length < 2) throw new StatsInputError(`A meta-analysis needs at least 2 studies (got ${studies.length})`);
  studies.forEach((study, i) => {
    if (!Number.isFinite(study.yi)) throw new StatsInputError(`Study ${i + 1}: yi is ${String(study.yi)}`);
    if (!(Number.isFinite(study.vi) && study.vi > 0)) {
      throw new StatsInputError(`Study ${i + 1}: vi is ${String(study.vi)}; sampling variances must be positive`);
    }
  });
  const y = studies.map((study) => study.yi);
  const v = studies.map((study) => study.vi);
  const k = y.length;

  let tau2 = 0;
  let iterations: number | undefined;
  const warnings: string[] = [];
  if (method === 'DL') tau2 = dersimonianLaird(y, v);
  if (method === 'REML') {
    const reml = restrictedMaximumLikelihood(y, v);
    tau2 = reml.tau2;
    iterations = reml.iterations;
    warnings.push(...reml.warnings);
  }

  const w = v.map((vi) => 1 / (vi + tau2));
  const sums = weightSums(y, w);
  const estimate = sums.mean;
  const se = Math.sqrt(1 / sums.s1);
  const zval = estimate / se;
  const crit = -normalQuantile((1 - confLevel) / 2);

  // Heterogeneity always uses the fixed-effect weights.
  const fixedWeights = v.map((vi) => 1 / vi);
  const fixedSums = weightSums(y, fixedWeights);
  const Q = Math.max(0, residualSumOfSquares(y, fixedWeights, fixedSums));
  const Qdf = k - 1;
  let I2: number;
  let H2: number;
  if (method === 'FE') {
    I2 = Math.max(0, (100 * (Q - Qdf)) / Q);
    H2 = Q / Qdf;
  } else {
    const typicalVariance = Qdf / traceP(fixedSums);
    I2 = (100 * tau2) / (typicalVariance + tau2);
    H2 = tau2 / typicalVariance + 1;
  }

  const result: MetaAnalysisResult = {
    method,
    k,
    estimate,
    se,
    zval,
    pValue: 2 * normalUpperTail(Math.abs(zval)),
    ciLower: estimate - crit * se,
    ciUpper: estimate + crit * se,
    confLevel,
    tau2,
    tau: Math.sqrt(tau2),
    I2,
    H2,
    Q,
    Qdf,
    QpValue: chiSquareUpperTail(Q, Qdf),
    weights: w.map((wi) => (100 * wi) / sums.s1),
    warnings,
  };
  if (method !== 'FE') {
    const predictionSe = Math.sqrt(se ** 2 + tau2);
    result.predictionLower = estimate - crit * predictionSe;
    result.predictionUpper = estimate + crit * predictionSe;
  }
  if (iterations !== undefined) result.iterations = iterations;
  return result;
}
