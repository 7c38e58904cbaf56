// Pearson's chi-square test of independence, as R's chisq.test(table, correct): expected counts from the margins,
// Yates' continuity correction min(0.5, |O - E|) for 2 x 2 tables by default, df = (r - 1)(c - 1).
import { assertTable, type ContingencyTable, expectedCounts, margins } from './contingency-table.ts';
import { chiSquareUpperTail } from './distributions.ts';
import { StatsInputError } from './errors.ts';
import type { TestResult } from './result.ts';

export interface ChiSquareResult extends TestResult {
  test: 'chi-square';
  df: number;
  /** Total count. */
  n: number;
  expected: number[][];
  /** Whether Yates' correction changed the statistic (R names it in the method only then). */
  yates: boolean;
  /** R's "Chi-squared approximation may be incorrect" when an expected count is below 5. */
  warnings: string[];
}

export function chiSquareTest(table: ContingencyTable, options: { correct?: boolean } = {}): ChiSquareResult {
  const correct = options.correct ?? true;
  assertTable(table);
  const { rows, columns, total } = margins(table);
  if (total === 0) throw new StatsInputError('The table is empty (all counts are 0)');
  rows.forEach((sum, i) => {
    if (sum === 0) throw new StatsInputError(`Row ${i + 1} has no observations, so expected counts are 0`);
  });
  columns.forEach((sum, j) => {
    if (sum === 0) throw new StatsInputError(`Column ${j + 1} has no observations, so expected counts are 0`);
  });
  const expected = expectedCounts(table);
  const twoByTwo = table.length === 2 && columns.length === 2;
  let yatesCorrection = 0;
  if (correct && twoByTwo) {
    yatesCorrection = 0.5;
    table.forEach((row, i) => {
      row.forEach((count, j) => {
        yatesCorrection = Math.min(yatesCorrection, Math.abs(count - expected[i]![j]!));
      });
    });
  }
  let statistic = 0;
  table.forEach((row, i) => {
    row.forEach((count, j) => {
      const e = expected[i]![j]!;
      statistic += (Math.abs(count - e) - yatesCorrection) ** 2 / e;
    });
  });
  const df = (table.length - 1) * (columns.length - 1);
  const warnings = expected.some((row) => row.some((e) => e < 5)) ? ['Chi-squared approximation may be incorrect'] : [];
  return {
    test: 'chi-square',
    method:
      yatesCorrection > 0
        ? "Pearson's Chi-squared test with Yates' continuity correction"
        : "Pearson's Chi-squared test",
    statistic,
    df,
    pValue: chiSquareUpperTail(statistic, df),
    n: total,
    expected,
    yates: yatesCorrection > 0,
    warnings,
  };
}
