// Chooses the two-group test: Welch's t-test when both groups pass Shapiro-Wilk (p > 0.05, which needs 3 to
// 5000 values and some spread in each group), otherwise the Mann-Whitney test.
import { formatPValue, formatStatistic } from './format.ts';
import { type MannWhitneyOptions, type MannWhitneyResult, mannWhitney } from './mann-whitney.ts';
import { NORMALITY_ALPHA, type NormalityCheck } from './normality.ts';
import type { Bilingual } from './result.ts';
import { shapiroWilk } from './shapiro-wilk.ts';
import { type TwoSampleTTestResult, welchTTest } from './two-sample-t-test.ts';
import { assertFiniteValues } from './validate.ts';

export type GroupsAutoResult =
  | (TwoSampleTTestResult & { test: 'welch'; reason: Bilingual; normality: [NormalityCheck, NormalityCheck] })
  | (MannWhitneyResult & { reason: Bilingual; normality: [NormalityCheck | null, NormalityCheck | null] });

export interface GroupsAutoOptions {
  confLevel?: number;
  /** Passed to the Mann-Whitney test when it is chosen (exact, correct, confInt). */
  mannWhitney?: Omit<MannWhitneyOptions, 'confLevel'>;
}

type GroupCheck = { check: NormalityCheck } | { problem: Bilingual };

function checkGroup(values: readonly number[], label: Bilingual): GroupCheck {
  const n = values.length;
  if (n < 3 || n > 5000) {
    return {
      problem: {
        id: `${label.id} berisi ${n} nilai, di luar batas uji Shapiro-Wilk (3 sampai 5000)`,
        en: `${label.en} has ${n} values, outside what Shapiro-Wilk allows (3 to 5000)`,
      },
    };
  }
  if (values.every((value) => value === values[0])) {
    return {
      problem: { id: `semua nilai ${label.id} sama`, en: `all values in ${label.en} are the same` },
    };
  }
  const result = shapiroWilk(values);
  return { check: { test: 'shapiro-wilk', statistic: result.statistic, pValue: result.pValue } };
}

function evidence(check: NormalityCheck): string {
  return `W = ${formatStatistic(check.statistic)}, p ${formatPValue(check.pValue)}`;
}

const MANN_WHITNEY_ID = 'uji Mann-Whitney';
const MANN_WHITNEY_EN = 'the Mann-Whitney test';

export function groupsAuto(
  group1: readonly number[],
  group2: readonly number[],
  options: GroupsAutoOptions = {},
): GroupsAutoResult {
  assertFiniteValues(group1, 'group1');
  assertFiniteValues(group2, 'group2');
  const first = checkGroup(group1, { id: 'kelompok 1', en: 'group 1' });
  const second = checkGroup(group2, { id: 'kelompok 2', en: 'group 2' });
  const mannWhitneyResult = () => mannWhitney(group1, group2, { ...options.mannWhitney, confLevel: options.confLevel });

  if ('problem' in first || 'problem' in second) {
    const problems = [first, second].flatMap((check) => ('problem' in check ? [check.problem] : []));
    return {
      ...mannWhitneyResult(),
      normality: ['check' in first ? first.check : null, 'check' in second ? second.check : null],
      reason: {
        id: `Normalitas tidak dapat diuji (${problems.map((p) => p.id).join('; ')}), jadi dipakai ${MANN_WHITNEY_ID}.`,
        en: `Normality cannot be tested (${problems.map((p) => p.en).join('; ')}), so ${MANN_WHITNEY_EN} is used.`,
      },
    };
  }
  const normality: [NormalityCheck, NormalityCheck] = [first.check, second.check];
  const shapiroText = `Shapiro-Wilk kelompok 1: ${evidence(first.check)}; kelompok 2: ${evidence(second.check)}`;
  const shapiroTextEn = `Shapiro-Wilk group 1: ${evidence(first.check)}; group 2: ${evidence(second.check)}`;
  if (first.check.pValue > NORMALITY_ALPHA && second.check.pValue > NORMALITY_ALPHA) {
    return {
      ...welchTTest(group1, group2, { confLevel: options.confLevel }),
      test: 'welch',
      normality,
      reason: {
        id: `Kedua kelompok berdistribusi normal (${shapiroText}), jadi dipakai uji t Welch.`,
        en: `Both groups look normal (${shapiroTextEn}), so Welch's t-test is used.`,
      },
    };
  }
  return {
    ...mannWhitneyResult(),
    normality,
    reason: {
      id: `Tidak semua kelompok berdistribusi normal (${shapiroText}), jadi dipakai ${MANN_WHITNEY_ID}.`,
      en: `Not every group looks normal (${shapiroTextEn}), so ${MANN_WHITNEY_EN} is used.`,
    },
  };
}
