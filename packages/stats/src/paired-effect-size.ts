// Standardised mean change for paired data, standardised by the SD of the differences ("change-score
// standardisation"): Cohen's dz = mean(d) / sd(d), and Hedges' correction g = J(n - 1) dz.
// The interval is the large-sample one metafor uses for measure "SMCC" (Gibbons, Hedeker & Davis 1993;
// Borenstein et al. 2009): var(g) = 1/n + g^2 / (2n), CI = g -/+ z(1 - alpha/2) sqrt(var). It is an
// approximation (the exact interval needs the noncentral t distribution), reported for g only.
import { normalQuantile } from './distributions.ts';
import { StatsInputError } from './errors.ts';
import { hedgesCorrection } from './hedges-correction.ts';
import { mean, standardDeviation } from './moments.ts';
import { assertConfLevel, pairedDifferences } from './validate.ts';

export interface PairedEffectSize {
  /** Cohen's dz: mean difference (after - before) divided by the SD of the differences. */
  dz: number;
  /** Hedges-corrected dz (metafor's SMCC yi). */
  hedgesGz: number;
  /** The correction factor J(n - 1). */
  correction: number;
  /** Large-sample sampling variance of hedgesGz (metafor's SMCC vi). */
  variance: number;
  ciLower: number;
  ciUpper: number;
  confLevel: number;
  n: number;
  method: string;
}

export function pairedEffectSize(
  before: readonly number[],
  after: readonly number[],
  options: { confLevel?: number } = {},
): PairedEffectSize {
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel);
  const differences = pairedDifferences(before, after);
  const n = differences.length;
  if (n < 3) throw new StatsInputError(`The paired effect size needs at least 3 pairs (got ${n})`);
  const sd = standardDeviation(differences);
  if (sd === 0) {
    throw new StatsInputError('All differences are equal (SD 0), so the standardised effect size is undefined');
  }
  const dz = mean(differences) / sd;
  const correction = hedgesCorrection(n - 1);
  const hedgesGz = correction * dz;
  const variance = 1 / n + hedgesGz ** 2 / (2 * n);
  const halfWidth = -normalQuantile((1 - confLevel) / 2) * Math.sqrt(variance);
  return {
    dz,
    hedgesGz,
    correction,
    variance,
    ciLower: hedgesGz - halfWidth,
    ciUpper: hedgesGz + halfWidth,
    confLevel,
    n,
    method:
      "Standardised mean change (SD of differences): Cohen's dz, Hedges' correction, large-sample CI (metafor SMCC)",
  };
}
