import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR, type GoldenEntry, numericArgument, type RNumber, readGolden } from '../test/golden.ts';
import { StatsInputError } from './errors.ts';
import { type MetaMethod, metaAnalysis } from './meta-analysis.ts';
import { escalc } from './meta-effect-sizes.ts';

type Expected = Record<
  | 'k'
  | 'estimate'
  | 'se'
  | 'zval'
  | 'pValue'
  | 'ciLower'
  | 'ciUpper'
  | 'tau2'
  | 'I2'
  | 'H2'
  | 'Q'
  | 'Qdf'
  | 'QpValue'
  | 'predictionLower'
  | 'predictionUpper',
  RNumber
> & { weights: RNumber[] };

interface MetaCase {
  name: string;
  yi: number[];
  vi: number[];
  fits: (GoldenEntry<Expected> & { method: MetaMethod; level?: number })[];
}

const golden = readGolden<MetaCase>('meta-analysis.json');
const SCALARS = [
  'k',
  'estimate',
  'se',
  'zval',
  'pValue',
  'ciLower',
  'ciUpper',
  'tau2',
  'I2',
  'H2',
  'Q',
  'Qdf',
  'QpValue',
] as const;

describe('metaAnalysis matches metafor rma() and predict()', () => {
  for (const set of golden.cases) {
    for (const fit of set.fits) {
      test(`${set.name}: ${fit.call}`, () => {
        const level = numericArgument(fit.call, 'level');
        const studies = set.yi.map((yi, i) => ({ yi, vi: set.vi[i]! }));
        const result = metaAnalysis(studies, { method: fit.method, confLevel: level ? level / 100 : undefined });
        const expected = fit.expected!;
        for (const key of SCALARS) assertCloseToR(result[key], expected[key], `${set.name} ${fit.method}: ${key}`);
        if (expected.predictionLower === null) {
          assert.equal(result.predictionLower, undefined);
        } else {
          assertCloseToR(result.predictionLower, expected.predictionLower, `${set.name} ${fit.method}: PI lower`);
          assertCloseToR(result.predictionUpper, expected.predictionUpper, `${set.name} ${fit.method}: PI upper`);
        }
        result.weights.forEach((weight, i) => {
          assertCloseToR(weight, expected.weights[i], `${set.name} ${fit.method}: weight ${i + 1}`);
        });
      });
    }
  }
});

describe("metafor's dat.bcg example", () => {
  test('REML: estimate -0.7145, SE 0.1798, tau2 0.3132, I2 92.22%', async () => {
    const { bcg } = await import('../test/dat-bcg.ts');
    const effects = escalc('RR', bcg);
    const result = metaAnalysis(effects, { method: 'REML' });
    assert.equal(result.estimate.toFixed(4), '-0.7145');
    assert.equal(result.se.toFixed(4), '0.1798');
    assert.equal(result.tau2.toFixed(4), '0.3132');
    assert.equal(result.I2.toFixed(2), '92.22');
    assert.equal(result.Q.toFixed(4), '152.2330');
  });
});

describe('metaAnalysis input checks', () => {
  test('clear errors', () => {
    assert.throws(() => metaAnalysis([{ yi: 0.2, vi: 0.1 }]), /at least 2 studies/);
    assert.throws(
      () =>
        metaAnalysis([
          { yi: 0.2, vi: 0 },
          { yi: 0.1, vi: 0.1 },
        ]),
      /Study 1: vi is 0/,
    );
    assert.throws(
      () =>
        metaAnalysis([
          { yi: Number.NaN, vi: 0.1 },
          { yi: 0.1, vi: 0.1 },
        ]),
      StatsInputError,
    );
  });
  test('REML is the default, as in metafor', () => {
    const result = metaAnalysis([
      { yi: 0.1, vi: 0.01 },
      { yi: 0.5, vi: 0.02 },
      { yi: 0.9, vi: 0.015 },
    ]);
    assert.equal(result.method, 'REML');
    assert.ok((result.iterations ?? 0) > 0);
  });
});
