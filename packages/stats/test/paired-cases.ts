import { type GoldenEntry, type RNumber, readGolden } from './golden.ts';

export interface HtestExpected {
  statistic: RNumber;
  pValue: RNumber;
  method: string;
  df?: RNumber;
  estimate?: RNumber;
  ciLower?: RNumber;
  ciUpper?: RNumber;
  confLevel?: RNumber;
  stderr?: RNumber;
  exact?: boolean;
}

export interface PairedCase {
  name: string;
  before: number[];
  after: number[];
  t: GoldenEntry<HtestExpected>[];
  wilcoxon: GoldenEntry<HtestExpected>[];
  shapiro: GoldenEntry<{ statistic: RNumber; pValue: RNumber }>;
  effectSize: GoldenEntry<{ yi: RNumber; vi: RNumber; ciLower: RNumber; ciUpper: RNumber }>;
  dz: GoldenEntry<RNumber>;
}

export const pairedGolden = readGolden<PairedCase>('paired.json');
