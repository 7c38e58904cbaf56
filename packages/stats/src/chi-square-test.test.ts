import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR, logicalArgument } from '../test/golden.ts';
import { tableGolden } from '../test/table-cases.ts';
import { chiSquareTest } from './chi-square-test.ts';
import { StatsInputError } from './errors.ts';

describe('chiSquareTest matches R chisq.test', () => {
  for (const set of tableGolden.cases) {
    for (const entry of set.chisq) {
      test(`${set.name}: ${entry.call}`, () => {
        const correct = logicalArgument(entry.call, 'correct');
        const expected = entry.expected!;
        if (expected.statistic === 'NaN') {
          // R returns NaN when a row or column total is 0; we say which margin is empty.
          assert.throws(() => chiSquareTest(set.table, { correct }), /has no observations/);
          return;
        }
        const result = chiSquareTest(set.table, { correct });
        assertCloseToR(result.statistic, expected.statistic, `${set.name}: X-squared`);
        assertCloseToR(result.df, expected.df, `${set.name}: df`);
        assertCloseToR(result.pValue, expected.pValue, `${set.name}: p`);
        assert.equal(result.method, expected.method);
        expected.expected.forEach((row, i) => {
          row.forEach((value, j) => {
            assertCloseToR(result.expected[i]?.[j], value, `${set.name}: E[${i + 1},${j + 1}]`);
          });
        });
        assert.deepEqual(result.warnings, entry.warnings ?? []);
      });
    }
  }
});

describe('chiSquareTest input checks', () => {
  test('clear errors', () => {
    assert.throws(() => chiSquareTest([[1, 2]]), /at least 2 rows/);
    assert.throws(() => chiSquareTest([[1], [2]]), /at least 2 columns/);
    assert.throws(() => chiSquareTest([[1, 2], [3]]), /Row 2 has 1 cells/);
    assert.throws(
      () =>
        chiSquareTest([
          [1, -2],
          [3, 4],
        ]),
      /Cell \[1, 2\] is -2/,
    );
    assert.throws(
      () =>
        chiSquareTest([
          [1, Number.NaN],
          [3, 4],
        ]),
      StatsInputError,
    );
    assert.throws(
      () =>
        chiSquareTest([
          [0, 0],
          [0, 0],
        ]),
      /empty/,
    );
  });
});
