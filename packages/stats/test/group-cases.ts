import { type GoldenEntry, type RNumber, readGolden } from './golden.ts';
import type { HtestExpected } from './paired-cases.ts';

export interface GroupCase {
  name: string;
  x: number[];
  y: number[];
  t: GoldenEntry<HtestExpected & { meanX: RNumber; meanY: RNumber }>[];
  mannWhitney: GoldenEntry<HtestExpected>[];
  shapiroX: GoldenEntry<{ statistic: RNumber; pValue: RNumber }>;
  shapiroY: GoldenEntry<{ statistic: RNumber; pValue: RNumber }>;
  smd: GoldenEntry<{ yi: RNumber; vi: RNumber; ciLower: RNumber; ciUpper: RNumber }>;
  cohenD: GoldenEntry<RNumber>;
}

export const groupGolden = readGolden<GroupCase>('groups.json');
