import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR, numericArgument } from '../test/golden.ts';
import { pairedGolden } from '../test/paired-cases.ts';
import { StatsInputError } from './errors.ts';
import { pairedTTest } from './paired-t-test.ts';

describe('pairedTTest matches R t.test(after, before, paired = TRUE)', () => {
  for (const set of pairedGolden.cases) {
    for (const entry of set.t) {
      test(`${set.name}: ${entry.call}`, () => {
        const confLevel = numericArgument(entry.call, 'conf.level');
        // R stops on constant differences, and returns t = NaN when they are all zero; we refuse both.
        if (entry.error !== undefined || entry.expected?.statistic === 'NaN') {
          assert.throws(() => pairedTTest(set.before, set.after, { confLevel }), StatsInputError, entry.error);
          return;
        }
        const result = pairedTTest(set.before, set.after, { confLevel });
        const expected = entry.expected!;
        for (const key of ['statistic', 'pValue', 'df', 'estimate', 'ciLower', 'ciUpper', 'stderr'] as const) {
          assertCloseToR(result[key], expected[key], `${set.name}: ${key}`);
        }
        assert.equal(result.method, expected.method);
        assert.equal(result.n, set.before.length);
        assertCloseToR(result.effectSize, set.dz.expected, `${set.name}: dz`);
      });
    }
  }
});

describe('pairedTTest input checks', () => {
  test('n < 2', () => {
    assert.throws(() => pairedTTest([1], [2]), /at least 2 pairs \(got 1\)/);
    assert.throws(() => pairedTTest([], []), StatsInputError);
  });
  test('unequal lengths', () => {
    assert.throws(() => pairedTTest([1, 2, 3], [1, 2]), /same length \(got 3 and 2\)/);
  });
  test('NaN and Infinity', () => {
    assert.throws(() => pairedTTest([1, Number.NaN, 3], [1, 2, 3]), /before\[1\] is NaN/);
    assert.throws(() => pairedTTest([1, 2, 3], [1, 2, Number.NEGATIVE_INFINITY]), /after\[2\] is -Infinity/);
  });
  test('all differences zero or equal', () => {
    assert.throws(() => pairedTTest([1, 2, 3], [1, 2, 3]), /essentially constant/);
    assert.throws(() => pairedTTest([1, 2, 3], [3, 4, 5]), /essentially constant/);
  });
  test('confidence level outside (0, 1)', () => {
    assert.throws(() => pairedTTest([1, 2, 3], [2, 4, 5], { confLevel: 1 }), /confLevel/);
  });
});
