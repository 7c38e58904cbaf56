// Chooses the test for a contingency table as the analysis plan says: Fisher's exact test when an expected count
// is below 5, otherwise the chi-square test (with Yates' correction for a 2 x 2 table, R's default).
import { type ChiSquareResult, chiSquareTest } from './chi-square-test.ts';
import { assertTable, type ContingencyTable, expectedCounts, margins } from './contingency-table.ts';
import { StatsInputError, TableTooLargeError } from './errors.ts';
import { type FisherExactResult, fisherExact } from './fisher-exact.ts';
import type { Bilingual } from './result.ts';

export const MIN_EXPECTED_COUNT = 5;

export type TableAutoResult =
  | (ChiSquareResult & { reason: Bilingual; smallestExpected: number })
  | (FisherExactResult & { reason: Bilingual; smallestExpected: number });

export function tableAuto(table: ContingencyTable, options: { confLevel?: number } = {}): TableAutoResult {
  assertTable(table);
  const { rows, columns, total } = margins(table);
  if (total === 0) throw new StatsInputError('The table is empty (all counts are 0)');
  if (rows.some((sum) => sum === 0) || columns.some((sum) => sum === 0)) {
    throw new StatsInputError('A row or column of the table has no observations; remove it before testing');
  }
  const smallestExpected = Math.min(...expectedCounts(table).flat());
  const smallest = smallestExpected.toFixed(2);
  const yates = table.length === 2 && columns.length === 2;

  if (smallestExpected < MIN_EXPECTED_COUNT) {
    try {
      return {
        ...fisherExact(table, options),
        smallestExpected,
        reason: {
          id: `Ada frekuensi harapan di bawah 5 (terkecil ${smallest}), jadi dipakai uji eksak Fisher.`,
          en: `Some expected counts are below 5 (smallest ${smallest}), so Fisher's exact test is used.`,
        },
      };
    } catch (error) {
      if (!(error instanceof TableTooLargeError)) throw error;
      return {
        ...chiSquareTest(table),
        smallestExpected,
        reason: {
          id: `Ada frekuensi harapan di bawah 5 (terkecil ${smallest}), tetapi tabel terlalu besar untuk uji eksak Fisher, jadi dipakai uji chi-square; hasilnya perlu ditafsirkan hati-hati.`,
          en: `Some expected counts are below 5 (smallest ${smallest}), but the table is too large for Fisher's exact test here, so the chi-square test is used; interpret it with care.`,
        },
      };
    }
  }
  return {
    ...chiSquareTest(table),
    smallestExpected,
    reason: {
      id: `Semua frekuensi harapan paling sedikit 5 (terkecil ${smallest}), jadi dipakai uji chi-square${yates ? ' dengan koreksi Yates' : ''}.`,
      en: `All expected counts are at least 5 (smallest ${smallest}), so the chi-square test${yates ? " with Yates' continuity correction" : ''} is used.`,
    },
  };
}
