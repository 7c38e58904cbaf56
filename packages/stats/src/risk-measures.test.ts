import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR, fromR } from '../test/golden.ts';
import { tableGolden } from '../test/table-cases.ts';
import { oddsRatio, riskRatio } from './risk-measures.ts';

describe("riskRatio and oddsRatio match metafor escalc('RR' / 'OR') with Wald intervals", () => {
  for (const set of tableGolden.cases) {
    if (!set.riskRatio || !set.oddsRatio) continue;
    test(set.name, () => {
      for (const [result, entry] of [
        [riskRatio(set.table), set.riskRatio![0]!],
        [oddsRatio(set.table), set.oddsRatio![0]!],
      ] as const) {
        const expected = entry.expected!;
        assertCloseToR(result.logEstimate, expected.yi, `${set.name}: ${result.measure} log`);
        assertCloseToR(result.variance, expected.vi, `${set.name}: ${result.measure} variance`);
        assertCloseToR(Math.log(result.ciLower), expected.ciLower, `${set.name}: ${result.measure} CI lower (log)`);
        assertCloseToR(Math.log(result.ciUpper), expected.ciUpper, `${set.name}: ${result.measure} CI upper (log)`);
        assertCloseToR(result.estimate, Math.exp(fromR(expected.yi)), `${set.name}: ${result.measure}`);
        assert.equal(result.zeroCellCorrection, set.table.flat().includes(0));
      }
    });
  }
});

describe('ratio details', () => {
  test('risk ratio is group 1 risk over group 2 risk', () => {
    const result = riskRatio([
      [10, 90],
      [20, 80],
    ]);
    assert.ok(Math.abs(result.estimate - 0.5) < 1e-15);
  });
  test('needs a 2 x 2 table', () => {
    assert.throws(
      () =>
        oddsRatio([
          [1, 2, 3],
          [4, 5, 6],
        ]),
      /2 x 2 table is needed/,
    );
  });
});
