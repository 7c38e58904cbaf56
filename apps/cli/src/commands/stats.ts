import { parseArgs } from 'node:util';
import {
  chiSquareTest,
  fisherExact,
  groupsAuto,
  mannWhitney,
  oddsRatio,
  pairedAuto,
  pairedEffectSize,
  pairedTTest,
  StatsInputError,
  shapiroWilk,
  studentTTest,
  type TestResult,
  tableAuto,
  twoGroupEffectSize,
  welchTTest,
  wilcoxonSignedRank,
} from '@lancar/stats';
import { CliError } from '../cli-error.ts';
import { BAD_INPUT, numericColumn, readCsv, textColumn } from '../stats/csv-columns.ts';
import { type Language, languageOf } from '../stats/language.ts';
import { readableTest, type TestOutput, testOutput } from '../stats/test-output.ts';
import { COMMAND_HELP } from '../usage.ts';

const COMMON = {
  file: { type: 'string' },
  test: { type: 'string' },
  json: { type: 'boolean', default: false },
  // R's conf.int: the Hodges-Lehmann estimate and interval of a rank test. Off by default, as in R: on a million
  // values it costs seconds where the test itself takes a fraction of one.
  'conf-int': { type: 'boolean', default: false },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Analysis = (args: string[]) => { output: object; language: Language; json: boolean } | undefined;

/** `lancar stats paired|groups|table|normality`: a test on the columns of a CSV file. */
export async function stats(args: string[]): Promise<number> {
  const [kind, ...rest] = args;
  if (kind === undefined || kind === '--help' || kind === '-h') {
    process.stdout.write(COMMAND_HELP.stats ?? '');
    return kind === undefined ? 2 : 0;
  }
  const analysis = ANALYSES[kind];
  if (!analysis) {
    throw new CliError(`Unknown analysis "${kind}". Use paired, groups, table or normality (lancar stats --help).`, 2);
  }
  let done: ReturnType<Analysis>;
  try {
    done = analysis(rest);
  } catch (error) {
    // The statistics package explains what is wrong with the data; the person fixes the file.
    if (error instanceof StatsInputError) throw new CliError(error.message, BAD_INPUT);
    throw error;
  }
  if (!done) {
    process.stdout.write(COMMAND_HELP[`stats ${kind}`] ?? '');
    return 0;
  }
  process.stdout.write(
    done.json ? `${JSON.stringify(done.output)}\n` : readableTest(done.output as TestOutput, done.language),
  );
  return 0;
}

function required(value: string | undefined, option: string, kind: string): string {
  if (!value) throw new CliError(`--${option} is required (lancar stats ${kind} --help).`, 2);
  return value;
}

function choice<T extends string>(value: string | undefined, allowed: readonly T[], kind: string): T {
  const chosen = required(value, 'test', kind);
  if (!(allowed as readonly string[]).includes(chosen)) {
    throw new CliError(`--test must be one of ${allowed.join(', ')} (got "${chosen}").`, 2);
  }
  return chosen as T;
}

/** An effect size that the data cannot give (too few values, no spread) is left out; the test still reports. */
function unlessUndefined<T>(compute: () => T): T | undefined {
  try {
    return compute();
  } catch (error) {
    if (error instanceof StatsInputError) return undefined;
    throw error;
  }
}

/** Levels of a categorical column in order of first appearance (the order the contract fixes). */
function levelsOf(values: readonly string[]): string[] {
  return [...new Set(values)];
}

const paired: Analysis = (args) => {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, before: { type: 'string' }, after: { type: 'string' } },
    strict: true,
  });
  if (values.help) return undefined;
  const test = choice(values.test, ['t', 'wilcoxon', 'auto'] as const, 'paired');
  const table = readCsv(required(values.file, 'file', 'paired'));
  const before = numericColumn(table, required(values.before, 'before', 'paired'));
  const after = numericColumn(table, required(values.after, 'after', 'paired'));
  const language = languageOf(values.lang);
  const result: TestResult =
    test === 't'
      ? pairedTTest(before, after)
      : test === 'wilcoxon'
        ? wilcoxonSignedRank(before, after, { confInt: values['conf-int'] })
        : pairedAuto(before, after, { wilcoxon: { confInt: values['conf-int'] } });
  // The standardised mean change for every paired test, so a rank test's report carries an effect size too.
  const effect = unlessUndefined(() => pairedEffectSize(before, after));
  const output = testOutput(result, language, {
    ...(effect
      ? {
          effectSize: effect.hedgesGz,
          effectSizeName: 'hedges-gz',
          cohenDz: effect.dz,
          effectSizeCiLower: effect.ciLower,
          effectSizeCiUpper: effect.ciUpper,
        }
      : {}),
    difference: 'after - before',
  });
  return { output, language, json: values.json };
};

const groups: Analysis = (args) => {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, group: { type: 'string' }, value: { type: 'string' } },
    strict: true,
  });
  if (values.help) return undefined;
  const test = choice(values.test, ['welch', 'student', 'mann-whitney', 'auto'] as const, 'groups');
  const table = readCsv(required(values.file, 'file', 'groups'));
  const labels = textColumn(table, required(values.group, 'group', 'groups'));
  const numbers = numericColumn(table, required(values.value, 'value', 'groups'));
  const levels = levelsOf(labels);
  if (levels.length !== 2) {
    throw new CliError(
      `${table.file}: column "${values.group}" must hold exactly two groups; it holds ${levels.length} (${levels.slice(0, 6).join(', ')}${levels.length > 6 ? ', …' : ''}).`,
      BAD_INPUT,
    );
  }
  const [first, second] = levels as [string, string];
  const group1 = numbers.filter((_, i) => labels[i] === first);
  const group2 = numbers.filter((_, i) => labels[i] === second);
  const language = languageOf(values.lang);
  const result: TestResult =
    test === 'welch'
      ? welchTTest(group1, group2)
      : test === 'student'
        ? studentTTest(group1, group2)
        : test === 'mann-whitney'
          ? mannWhitney(group1, group2, { confInt: values['conf-int'] })
          : groupsAuto(group1, group2, { mannWhitney: { confInt: values['conf-int'] } });
  const effect = unlessUndefined(() => twoGroupEffectSize(group1, group2));
  const output = testOutput(result, language, {
    ...(effect
      ? {
          effectSize: effect.hedgesG,
          effectSizeName: 'hedges-g',
          cohenD: effect.cohenD,
          effectSizeCiLower: effect.ciLower,
          effectSizeCiUpper: effect.ciUpper,
          meanDifference: effect.meanDifference,
        }
      : {}),
    groups: [first, second],
    n1: group1.length,
    n2: group2.length,
    difference: `${first} - ${second}`,
  });
  return { output, language, json: values.json };
};

const contingency: Analysis = (args) => {
  const { values } = parseArgs({
    args,
    options: { ...COMMON, row: { type: 'string' }, col: { type: 'string' } },
    strict: true,
  });
  if (values.help) return undefined;
  const test = choice(values.test, ['chisq', 'fisher', 'auto'] as const, 'table');
  const table = readCsv(required(values.file, 'file', 'table'));
  const rowValues = textColumn(table, required(values.row, 'row', 'table'));
  const colValues = textColumn(table, required(values.col, 'col', 'table'));
  const rowLevels = levelsOf(rowValues);
  const colLevels = levelsOf(colValues);
  if (rowLevels.length < 2 || colLevels.length < 2) {
    throw new CliError(
      `${table.file}: a table needs at least two values in each column ("${values.row}" has ${rowLevels.length}, "${values.col}" has ${colLevels.length}).`,
      BAD_INPUT,
    );
  }
  const counts = rowLevels.map(() => colLevels.map(() => 0));
  for (let i = 0; i < rowValues.length; i++) {
    const r = rowLevels.indexOf(rowValues[i] as string);
    const c = colLevels.indexOf(colValues[i] as string);
    (counts[r] as number[])[c] = ((counts[r] as number[])[c] as number) + 1;
  }
  const language = languageOf(values.lang);
  const result: TestResult =
    test === 'chisq' ? chiSquareTest(counts) : test === 'fisher' ? fisherExact(counts) : tableAuto(counts);
  const twoByTwo = rowLevels.length === 2 && colLevels.length === 2;
  const ratio = twoByTwo ? unlessUndefined(() => oddsRatio(counts)) : undefined;
  const output = testOutput(result, language, {
    ...(ratio
      ? {
          effectSize: ratio.estimate,
          effectSizeName: 'odds-ratio',
          effectSizeCiLower: ratio.ciLower,
          effectSizeCiUpper: ratio.ciUpper,
        }
      : {}),
    rows: rowLevels,
    columns: colLevels,
    counts,
  });
  return { output, language, json: values.json };
};

const normality: Analysis = (args) => {
  const { values } = parseArgs({ args, options: { ...COMMON, value: { type: 'string' } }, strict: true });
  if (values.help) return undefined;
  const table = readCsv(required(values.file, 'file', 'normality'));
  const numbers = numericColumn(table, required(values.value, 'value', 'normality'));
  const language = languageOf(values.lang);
  return { output: testOutput(shapiroWilk(numbers), language), language, json: values.json };
};

const ANALYSES: Record<string, Analysis> = { paired, groups, table: contingency, normality };
