// Study-level effect sizes for meta-analysis, following metafor's escalc() conventions:
// MD  = mean1 - mean2, vi = sd1^2/n1 + sd2^2/n2;
// SMD = Hedges' g (exact gamma correction, pooled SD), vi = 1/n1 + 1/n2 + g^2 / (2 (n1 + n2)) (vtype "LS");
// RR / OR = log risk ratio / log odds ratio, with 0.5 added to every cell of a study that has a zero cell.
import { StatsInputError } from './errors.ts';
import { logOddsRatio, logRiskRatio } from './risk-measures.ts';
import { standardisedMeanDifference } from './two-group-effect-size.ts';

/** An effect size and its sampling variance, the input of metaAnalysis (metafor's yi and vi). */
export interface EffectSize {
  yi: number;
  vi: number;
}

/** Group summaries of a study with a continuous outcome (group 1 is the intervention). */
export interface ContinuousStudy {
  mean1: number;
  sd1: number;
  n1: number;
  mean2: number;
  sd2: number;
  n2: number;
}

/** Event counts of a study with a binary outcome (group 1 is the intervention). */
export interface BinaryStudy {
  events1: number;
  n1: number;
  events2: number;
  n2: number;
}

export type Measure = 'MD' | 'SMD' | 'RR' | 'OR';

function assertNumbers(study: object, index: number, names: readonly string[]): void {
  for (const name of names) {
    const value = (study as Record<string, unknown>)[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new StatsInputError(`Study ${index + 1}: ${name} is ${String(value)}, not a finite number`);
    }
  }
}

function assertContinuous(study: ContinuousStudy, index: number): void {
  assertNumbers(study, index, ['mean1', 'sd1', 'n1', 'mean2', 'sd2', 'n2']);
  if (study.sd1 < 0 || study.sd2 < 0) throw new StatsInputError(`Study ${index + 1}: a standard deviation is negative`);
  if (study.n1 <= 0 || study.n2 <= 0) throw new StatsInputError(`Study ${index + 1}: a group size is not positive`);
}

function assertBinary(study: BinaryStudy, index: number): void {
  assertNumbers(study, index, ['events1', 'n1', 'events2', 'n2']);
  for (const [events, n] of [
    [study.events1, study.n1],
    [study.events2, study.n2],
  ] as const) {
    if (events < 0 || n < 0 || events > n) {
      throw new StatsInputError(
        `Study ${index + 1}: events must be between 0 and the group size (got ${events} of ${n})`,
      );
    }
  }
}

export function meanDifferenceEffect(study: ContinuousStudy): EffectSize {
  return { yi: study.mean1 - study.mean2, vi: study.sd1 ** 2 / study.n1 + study.sd2 ** 2 / study.n2 };
}

export function standardisedMeanDifferenceEffect(study: ContinuousStudy): EffectSize {
  const smd = standardisedMeanDifference(study);
  return { yi: smd.hedgesG, vi: smd.variance };
}

function cells(study: BinaryStudy) {
  return { ai: study.events1, bi: study.n1 - study.events1, ci: study.events2, di: study.n2 - study.events2 };
}

export function logRiskRatioEffect(study: BinaryStudy): EffectSize {
  const { yi, vi } = logRiskRatio(cells(study));
  return { yi, vi };
}

export function logOddsRatioEffect(study: BinaryStudy): EffectSize {
  const { yi, vi } = logOddsRatio(cells(study));
  return { yi, vi };
}

/** metafor's escalc(measure, ...) for a list of studies. */
export function escalc(measure: 'MD' | 'SMD', studies: readonly ContinuousStudy[]): EffectSize[];
export function escalc(measure: 'RR' | 'OR', studies: readonly BinaryStudy[]): EffectSize[];
export function escalc(measure: Measure, studies: readonly (ContinuousStudy | BinaryStudy)[]): EffectSize[] {
  return studies.map((study, index) => {
    switch (measure) {
      case 'MD':
        assertContinuous(study as ContinuousStudy, index);
        return meanDifferenceEffect(study as ContinuousStudy);
      case 'SMD':
        assertContinuous(study as ContinuousStudy, index);
        return standardisedMeanDifferenceEffect(study as ContinuousStudy);
      case 'RR':
        assertBinary(study as BinaryStudy, index);
        return logRiskRatioEffect(study as BinaryStudy);
      case 'OR':
        assertBinary(study as BinaryStudy, index);
        return logOddsRatioEffect(study as BinaryStudy);
      default:
        throw new StatsInputError(`Unknown measure ${String(measure)}`);
    }
  });
}
