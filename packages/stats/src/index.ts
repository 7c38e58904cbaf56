// @lancar/stats: statistics for the programme's studies, matching R (stats 4.2) and metafor (3.8) numbers.

// Contingency tables
export { type ChiSquareResult, chiSquareTest } from './chi-square-test.ts';
export { type ContingencyTable, expectedCounts } from './contingency-table.ts';
// Description and normality
export { type Description, describe } from './descriptives.ts';
// Shared
export { StatsInputError, TableTooLargeError } from './errors.ts';
export { type FisherExactResult, fisherExact, MAX_ENUMERATED_TABLES } from './fisher-exact.ts';
// Meta-analysis
export { type ForestPlotOptions, type ForestPlotStudy, forestPlot } from './forest-plot.ts';
export { type FunnelPlotOptions, funnelPlot } from './funnel-plot.ts';

// Two independent groups
export { type GroupsAutoOptions, type GroupsAutoResult, groupsAuto } from './groups-auto.ts';
export { type MannWhitneyOptions, type MannWhitneyResult, mannWhitney } from './mann-whitney.ts';
export { type MetaAnalysisOptions, type MetaAnalysisResult, type MetaMethod, metaAnalysis } from './meta-analysis.ts';
export {
  type BinaryStudy,
  type ContinuousStudy,
  type EffectSize,
  escalc,
  logOddsRatioEffect,
  logRiskRatioEffect,
  type Measure,
  meanDifferenceEffect,
  standardisedMeanDifferenceEffect,
} from './meta-effect-sizes.ts';
export { NORMALITY_ALPHA, type NormalityCheck } from './normality.ts';
// Paired data (pre/post)
export { type PairedAutoOptions, type PairedAutoResult, pairedAuto } from './paired-auto.ts';
export { type PairedEffectSize, pairedEffectSize } from './paired-effect-size.ts';
export { type PairedTTestResult, pairedTTest } from './paired-t-test.ts';
export type { PlotLanguage } from './plot-labels.ts';
export type { Bilingual, TestResult } from './result.ts';
export {
  type LogRatio,
  logOddsRatio,
  logRiskRatio,
  oddsRatio,
  type RatioEstimate,
  riskRatio,
  type TwoByTwoCells,
} from './risk-measures.ts';
export { type ShapiroWilkResult, shapiroWilk } from './shapiro-wilk.ts';
export { MIN_EXPECTED_COUNT, type TableAutoResult, tableAuto } from './table-auto.ts';
export { standardisedMeanDifference, type TwoGroupEffectSize, twoGroupEffectSize } from './two-group-effect-size.ts';
export {
  studentTTest,
  type TwoSampleTTestOptions,
  type TwoSampleTTestResult,
  twoSampleTTest,
  welchTTest,
} from './two-sample-t-test.ts';
export {
  type WilcoxonSignedRankOptions,
  type WilcoxonSignedRankResult,
  wilcoxonSignedRank,
} from './wilcoxon-signed-rank.ts';
