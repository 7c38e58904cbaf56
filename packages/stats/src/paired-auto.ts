// Chooses the paired test the way the programme's analysis plan describes: the paired t-test when the
// differences pass Shapiro-Wilk (p > 0.05, which needs 3 to 5000 pairs), otherwise the Wilcoxon signed-rank test.
import { formatPValue, formatStatistic } from './format.ts';
import { NORMALITY_ALPHA, type NormalityCheck } from './normality.ts';
import { type PairedTTestResult, pairedTTest } from './paired-t-test.ts';
import type { Bilingual } from './result.ts';
import { shapiroWilk } from './shapiro-wilk.ts';
import { pairedDifferences } from './validate.ts';
import {
  type WilcoxonSignedRankOptions,
  type WilcoxonSignedRankResult,
  wilcoxonSignedRank,
} from './wilcoxon-signed-rank.ts';

export type PairedAutoResult =
  | (PairedTTestResult & { reason: Bilingual; normality: NormalityCheck })
  | (WilcoxonSignedRankResult & { reason: Bilingual; normality?: NormalityCheck });

export interface PairedAutoOptions {
  confLevel?: number;
  /** Passed to the Wilcoxon test when it is chosen (exact, correct, confInt). */
  wilcoxon?: Omit<WilcoxonSignedRankOptions, 'confLevel'>;
}

const WILCOXON_ID = 'uji peringkat bertanda Wilcoxon';
const WILCOXON_EN = 'the Wilcoxon signed-rank test';

export function pairedAuto(
  before: readonly number[],
  after: readonly number[],
  options: PairedAutoOptions = {},
): PairedAutoResult {
  const differences = pairedDifferences(before, after);
  const n = differences.length;
  const wilcoxon = () => wilcoxonSignedRank(before, after, { ...options.wilcoxon, confLevel: options.confLevel });

  if (n < 3 || n > 5000) {
    const id =
      n < 3
        ? `Hanya ada ${n} pasang data, terlalu sedikit untuk menguji normalitas, jadi dipakai ${WILCOXON_ID}.`
        : `Ada ${n} pasang data, lebih dari batas uji Shapiro-Wilk (5000), jadi normalitas tidak diuji dan dipakai ${WILCOXON_ID}.`;
    const en =
      n < 3
        ? `There are only ${n} pairs, too few to check normality, so ${WILCOXON_EN} is used.`
        : `There are ${n} pairs, more than Shapiro-Wilk allows (5000), so normality is not tested and ${WILCOXON_EN} is used.`;
    return { ...wilcoxon(), reason: { id, en } };
  }
  if (differences.every((d) => d === differences[0])) {
    return {
      ...wilcoxon(),
      reason: {
        id: `Semua selisih sama besarnya, jadi normalitas tidak dapat diuji dan uji t tidak dapat dihitung; dipakai ${WILCOXON_ID}.`,
        en: `All differences are the same, so normality cannot be tested and the t-test cannot be computed; ${WILCOXON_EN} is used.`,
      },
    };
  }

  const shapiro = shapiroWilk(differences);
  const normality: NormalityCheck = { test: 'shapiro-wilk', statistic: shapiro.statistic, pValue: shapiro.pValue };
  const evidence = `Shapiro-Wilk W = ${formatStatistic(shapiro.statistic)}, p ${formatPValue(shapiro.pValue)}`;
  // Indonesian writes decimals with a comma, as the rest of an Indonesian report does.
  const bukti = evidence.replace(/(\d)\.(\d)/g, '$1,$2');
  if (shapiro.pValue > NORMALITY_ALPHA) {
    return {
      ...pairedTTest(before, after, { confLevel: options.confLevel }),
      normality,
      reason: {
        id: `Selisih berdistribusi normal (${bukti}), jadi dipakai uji t berpasangan.`,
        en: `The differences look normal (${evidence}), so the paired t-test is used.`,
      },
    };
  }
  return {
    ...wilcoxon(),
    normality,
    reason: {
      id: `Selisih tidak berdistribusi normal (${bukti}), jadi dipakai ${WILCOXON_ID}.`,
      en: `The differences do not look normal (${evidence}), so ${WILCOXON_EN} is used.`,
    },
  };
}
