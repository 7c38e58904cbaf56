import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR, logicalArgument, numericArgument } from '../test/golden.ts';
import { groupGolden } from '../test/group-cases.ts';
import { StatsInputError } from './errors.ts';
import { studentTTest, twoSampleTTest, welchTTest } from './two-sample-t-test.ts';

describe('twoSampleTTest matches R t.test(x, y, var.equal)', () => {
  for (const set of groupGolden.cases) {
    for (const entry of set.t) {
      test(`${set.name}: ${entry.call}`, () => {
        const options = {
          varEqual: logicalArgument(entry.call, 'var.equal'),
          confLevel: numericArgument(entry.call, 'conf.level'),
        };
        if (entry.error !== undefined) {
          assert.throws(() => twoSampleTTest(set.x, set.y, options), StatsInputError, `R: ${entry.error}`);
          return;
        }
        const result = twoSampleTTest(set.x, set.y, options);
        const expected = entry.expected!;
        for (const key of ['statistic', 'pValue', 'df', 'estimate', 'ciLower', 'ciUpper', 'stderr'] as const) {
          assertCloseToR(result[key], expected[key], `${set.name}: ${key}`);
        }
        assertCloseToR(result.mean1, expected.meanX, `${set.name}: mean of x`);
        assertCloseToR(result.mean2, expected.meanY, `${set.name}: mean of y`);
        assert.equal(result.method, expected.method.trim());
      });
    }
  }
});

describe('welchTTest and studentTTest', () => {
  test('name the test they ran', () => {
    assert.equal(welchTTest([1, 2, 3], [4, 5, 7]).test, 'welch');
    assert.equal(studentTTest([1, 2, 3], [4, 5, 7]).test, 'student');
  });
  test('difference is group1 - group2', () => {
    assert.equal(welchTTest([4, 5, 6], [1, 2, 3]).estimate, 3);
  });
  test('clear errors', () => {
    assert.throws(() => welchTTest([1], [1, 2, 3]), /group1 needs at least 2 values/);
    assert.throws(() => studentTTest([1], [2]), /at least 3 values in total/);
    assert.throws(() => welchTTest([1, Number.NaN], [1, 2]), /group1\[1\] is NaN/);
    assert.throws(() => welchTTest([3, 3], [3, 3]), /essentially constant/);
  });
});
