import { type GoldenEntry, type RNumber, readGolden } from './golden.ts';

export interface TableCase {
  name: string;
  table: number[][];
  setup: string;
  chisq: GoldenEntry<{ statistic: RNumber; df: RNumber; pValue: RNumber; method: string; expected: RNumber[][] }>[];
  fisher: GoldenEntry<{ pValue: RNumber; method: string; estimate?: RNumber; ciLower?: RNumber; ciUpper?: RNumber }>[];
  riskRatio?: GoldenEntry<{ yi: RNumber; vi: RNumber; ciLower: RNumber; ciUpper: RNumber }>[];
  oddsRatio?: GoldenEntry<{ yi: RNumber; vi: RNumber; ciLower: RNumber; ciUpper: RNumber }>[];
}

export const tableGolden = readGolden<TableCase>('tables.json');
