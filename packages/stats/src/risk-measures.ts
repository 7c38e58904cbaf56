// Risk ratio and odds ratio of a 2 x 2 table with Wald intervals on the log scale, computed as metafor's
// escalc(measure = "RR" / "OR") does: when a cell is 0, 0.5 is added to every cell of that table
// (add = 1/2, to = "only0"), yi is the log ratio and vi its large-sample variance.
import { assertTable, assertTwoByTwo, type ContingencyTable } from './contingency-table.ts';
import { normalQuantile } from './distributions.ts';
import { assertConfLevel } from './validate.ts';

/** A 2 x 2 table as metafor names it: ai, bi = events and non-events in group 1; ci, di in group 2. */
export interface TwoByTwoCells {
  ai: number;
  bi: number;
  ci: number;
  di: number;
}

export interface LogRatio {
  /** Log risk ratio or log odds ratio. */
  yi: number;
  /** Its sampling variance. */
  vi: number;
  /** Whether 0.5 was added to every cell because one was 0. */
  zeroCellCorrection: boolean;
}

function withZeroCellCorrection(cells: TwoByTwoCells): { cells: TwoByTwoCells; corrected: boolean } {
  const { ai, bi, ci, di } = cells;
  if (ai !== 0 && bi !== 0 && ci !== 0 && di !== 0) return { cells, corrected: false };
  return { cells: { ai: ai + 0.5, bi: bi + 0.5, ci: ci + 0.5, di: di + 0.5 }, corrected: true };
}

export function logRiskRatio(raw: TwoByTwoCells): LogRatio {
  const { cells, corrected } = withZeroCellCorrection(raw);
  const n1 = cells.ai + cells.bi;
  const n2 = cells.ci + cells.di;
  return {
    yi: Math.log(cells.ai / n1) - Math.log(cells.ci / n2),
    vi: 1 / cells.ai - 1 / n1 + 1 / cells.ci - 1 / n2,
    zeroCellCorrection: corrected,
  };
}

export function logOddsRatio(raw: TwoByTwoCells): LogRatio {
  const { cells, corrected } = withZeroCellCorrection(raw);
  const p1 = cells.ai / (cells.ai + cells.bi);
  const p2 = cells.ci / (cells.ci + cells.di);
  return {
    yi: Math.log(p1 / (1 - p1)) - Math.log(p2 / (1 - p2)),
    vi: 1 / cells.ai + 1 / cells.bi + 1 / cells.ci + 1 / cells.di,
    zeroCellCorrection: corrected,
  };
}

export interface RatioEstimate {
  measure: 'risk-ratio' | 'odds-ratio';
  /** The ratio (group 1 relative to group 2). */
  estimate: number;
  logEstimate: number;
  /** Variance and standard error of the log ratio. */
  variance: number;
  se: number;
  /** Wald interval, exp(log ratio -/+ z se). */
  ciLower: number;
  ciUpper: number;
  confLevel: number;
  zeroCellCorrection: boolean;
  method: string;
}

function cellsOf(table: ContingencyTable): TwoByTwoCells {
  assertTable(table);
  assertTwoByTwo(table);
  return { ai: table[0]![0]!, bi: table[0]![1]!, ci: table[1]![0]!, di: table[1]![1]! };
}

function ratioEstimate(
  measure: RatioEstimate['measure'],
  log: LogRatio,
  confLevel: number,
  method: string,
): RatioEstimate {
  const se = Math.sqrt(log.vi);
  const z = -normalQuantile((1 - confLevel) / 2);
  return {
    measure,
    estimate: Math.exp(log.yi),
    logEstimate: log.yi,
    variance: log.vi,
    se,
    ciLower: Math.exp(log.yi - z * se),
    ciUpper: Math.exp(log.yi + z * se),
    confLevel,
    zeroCellCorrection: log.zeroCellCorrection,
    method,
  };
}

/** Risk ratio of a 2 x 2 table [[events1, nonEvents1], [events2, nonEvents2]]: risk in group 1 / risk in group 2. */
export function riskRatio(table: ContingencyTable, options: { confLevel?: number } = {}): RatioEstimate {
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel);
  return ratioEstimate(
    'risk-ratio',
    logRiskRatio(cellsOf(table)),
    confLevel,
    'Risk ratio, Wald CI on the log scale (metafor RR)',
  );
}

/** Sample odds ratio of a 2 x 2 table [[events1, nonEvents1], [events2, nonEvents2]] with its Wald interval. */
export function oddsRatio(table: ContingencyTable, options: { confLevel?: number } = {}): RatioEstimate {
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel);
  return ratioEstimate(
    'odds-ratio',
    logOddsRatio(cellsOf(table)),
    confLevel,
    'Odds ratio, Wald CI on the log scale (metafor OR)',
  );
}
