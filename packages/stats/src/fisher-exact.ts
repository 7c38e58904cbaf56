// Fisher's exact test, as R's fisher.test(table) (R 4.2 stats).
// 2 x 2: the conditional (noncentral hypergeometric) distribution of the top-left count given the margins; the
// two-sided p-value sums the probabilities <= the observed one times 1 + 1e-7 (R's relErr); the odds ratio is the
// conditional maximum-likelihood estimate and its interval inverts the one-sided tests, both found with R's
// uniroot (default tolerance) so the numbers are R's.
// R x C: every table with the observed margins is enumerated (R uses the FEXACT network algorithm, which gives the
// same sum); tables with probability <= observed x (1 + 1e-7) count as at least as extreme.
import binomcoefln from '@stdlib/math-base-special-binomcoefln';
import gammaln from '@stdlib/math-base-special-gammaln';
import { assertTable, type ContingencyTable, margins } from './contingency-table.ts';
import { StatsInputError, TableTooLargeError } from './errors.ts';
import type { TestResult } from './result.ts';
import { assertConfLevel } from './validate.ts';
import { uniroot } from './zeroin.ts';

export interface FisherExactResult extends TestResult {
  test: 'fisher';
  method: "Fisher's Exact Test for Count Data";
  /** Probability of the observed table given its margins: the quantity the two-sided test orders tables by. */
  statistic: number;
  n: number;
  /** 2 x 2 only: conditional MLE of the odds ratio (0 or Infinity at the edges of the support, as in R). */
  estimate?: number;
  ciLower?: number;
  ciUpper?: number;
  confLevel?: number;
}

const RELATIVE_ERROR = 1 + 1e-7;
const DBL_EPSILON = 2 ** -52;
/** Above this many tables the R x C enumeration refuses (the chi-square test is the practical choice then). */
export const MAX_ENUMERATED_TABLES = 2_000_000;

/** The conditional distribution of the top-left count of a 2 x 2 table, as fisher.test builds it. */
function twoByTwoModel(table: ContingencyTable) {
  const a = table[0]![0]!;
  const m = a + table[1]![0]!; // first column total
  const n = table[0]![1]! + table[1]![1]!; // second column total
  const k = a + table[0]![1]!; // first row total
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const support: number[] = [];
  for (let s = lo; s <= hi; s++) support.push(s);
  const logdc = support.map((s) => binomcoefln(m, s) + binomcoefln(n, k - s) - binomcoefln(m + n, k));

  const dnhyper = (ncp: number): number[] => {
    const d = support.map((s, i) => logdc[i]! + Math.log(ncp) * s);
    const top = d.reduce((max, value) => (value > max ? value : max), Number.NEGATIVE_INFINITY);
    const scaled = d.map((value) => Math.exp(value - top));
    const total = scaled.reduce((sum, value) => sum + value, 0);
    return scaled.map((value) => value / total);
  };
  const mnhyper = (ncp: number): number => {
    if (ncp === 0) return lo;
    if (ncp === Number.POSITIVE_INFINITY) return hi;
    return dnhyper(ncp).reduce((sum, p, i) => sum + support[i]! * p, 0);
  };
  const pnhyper = (q: number, ncp: number, upperTail = false): number => {
    if (ncp === 0) return upperTail ? Number(q <= lo) : Number(q >= lo);
    if (ncp === Number.POSITIVE_INFINITY) return upperTail ? Number(q <= hi) : Number(q >= hi);
    // ncp = 1 is R's phyper: the central hypergeometric distribution, summed the same way.
    const d = dnhyper(ncp);
    return d.reduce((sum, p, i) => sum + ((upperTail ? support[i]! >= q : support[i]! <= q) ? p : 0), 0);
  };
  return { a, lo, hi, dnhyper, mnhyper, pnhyper };
}

function fisherTwoByTwo(table: ContingencyTable, confLevel: number) {
  const { a, lo, hi, dnhyper, mnhyper, pnhyper } = twoByTwoModel(table);
  const d = dnhyper(1);
  const observed = d[a - lo]!;
  const pValue = d.reduce((sum, p) => sum + (p <= observed * RELATIVE_ERROR ? p : 0), 0);

  const mle = (): number => {
    if (a === lo) return 0;
    if (a === hi) return Number.POSITIVE_INFINITY;
    const mu = mnhyper(1);
    if (mu > a) return uniroot((t) => mnhyper(t) - a, 0, 1).root;
    if (mu < a) return 1 / uniroot((t) => mnhyper(1 / t) - a, DBL_EPSILON, 1).root;
    return 1;
  };
  const upperLimit = (alpha: number): number => {
    if (a === hi) return Number.POSITIVE_INFINITY;
    const p = pnhyper(a, 1);
    if (p < alpha) return uniroot((t) => pnhyper(a, t) - alpha, 0, 1).root;
    if (p > alpha) return 1 / uniroot((t) => pnhyper(a, 1 / t) - alpha, DBL_EPSILON, 1).root;
    return 1;
  };
  const lowerLimit = (alpha: number): number => {
    if (a === lo) return 0;
    const p = pnhyper(a, 1, true);
    if (p > alpha) return uniroot((t) => pnhyper(a, t, true) - alpha, 0, 1).root;
    if (p < alpha) return 1 / uniroot((t) => pnhyper(a, 1 / t, true) - alpha, DBL_EPSILON, 1).root;
    return 1;
  };
  const alpha = (1 - confLevel) / 2;
  return {
    statistic: observed,
    pValue,
    estimate: mle(),
    ciLower: lowerLimit(alpha),
    ciUpper: upperLimit(alpha),
  };
}

/** Exact R x C p-value by enumerating the tables with the observed margins; undefined when there are too many. */
export function fisherRxCPValue(
  table: ContingencyTable,
  maxTables = MAX_ENUMERATED_TABLES,
): { pValue: number; observedProbability: number } | undefined {
  // Columns are filled one at a time; put the longer margin in the columns so each step distributes over fewer rows.
  const transposed = table.length > table[0]!.length;
  const cells = transposed ? table[0]!.map((_, j) => table.map((row) => row[j]!)) : table.map((row) => [...row]);
  const { rows, columns, total } = margins(cells);
  const logFactorials = Float64Array.from({ length: total + 1 }, (_, k) => gammaln(k + 1));
  const logFactorial = (k: number) => logFactorials[k]!;
  const constant =
    rows.reduce((sum, r) => sum + logFactorial(r), 0) +
    columns.reduce((sum, c) => sum + logFactorial(c), 0) -
    logFactorial(total);
  const logProbability = (logCells: number) => constant - logCells;
  const observedLog = logProbability(cells.flat().reduce((sum, x) => sum + logFactorial(x), 0));
  const threshold = observedLog + Math.log(RELATIVE_ERROR);

  let pValue = 0;
  let visited = 0;
  const remaining = [...rows];
  const rowCount = rows.length;

  // Distributes column `column`'s total over the rows (row `row` onwards), then moves to the next column.
  const fillColumn = (column: number, row: number, left: number, logCells: number): boolean => {
    if (column === columns.length - 1) {
      // The last column is determined by what the rows still need.
      let last = logCells;
      for (const r of remaining) last += logFactorial(r);
      const logP = logProbability(last);
      if (logP <= threshold) pValue += Math.exp(logP);
      visited++;
      return visited <= maxTables;
    }
    if (row === rowCount - 1) {
      if (left > remaining[row]!) return true;
      remaining[row]! -= left;
      const ok = fillColumn(column + 1, 0, columns[column + 1]!, logCells + logFactorial(left));
      remaining[row]! += left;
      return ok;
    }
    // What the later rows can still absorb bounds this cell from below.
    let capacityAfter = 0;
    for (let i = row + 1; i < rowCount; i++) capacityAfter += remaining[i]!;
    const smallest = Math.max(0, left - capacityAfter);
    const largest = Math.min(left, remaining[row]!);
    for (let x = smallest; x <= largest; x++) {
      remaining[row]! -= x;
      const ok = fillColumn(column, row + 1, left - x, logCells + logFactorial(x));
      remaining[row]! += x;
      if (!ok) return false;
    }
    return true;
  };
  if (!fillColumn(0, 0, columns[0]!, 0)) return undefined;
  return { pValue: Math.min(1, pValue), observedProbability: Math.exp(observedLog) };
}

/** R's fisher.test(table, conf.level): two-sided; odds ratio and interval for 2 x 2 tables. */
export function fisherExact(table: ContingencyTable, options: { confLevel?: number } = {}): FisherExactResult {
  const confLevel = options.confLevel ?? 0.95;
  assertConfLevel(confLevel);
  assertTable(table, { integers: true });
  const { total } = margins(table);
  if (total === 0) throw new StatsInputError('The table is empty (all counts are 0)');
  const common = { test: 'fisher' as const, method: "Fisher's Exact Test for Count Data" as const, n: total };
  if (table.length === 2 && table[0]!.length === 2) {
    return { ...common, ...fisherTwoByTwo(table, confLevel), confLevel };
  }
  const exact = fisherRxCPValue(table);
  if (!exact) {
    throw new TableTooLargeError(
      `The table has more than ${MAX_ENUMERATED_TABLES} possible arrangements, too many for the exact test here; use the chi-square test`,
    );
  }
  return { ...common, statistic: exact.observedProbability, pValue: exact.pValue };
}
