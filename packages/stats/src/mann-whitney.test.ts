import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR, logicalArgument, numericArgument } from '../test/golden.ts';
import { groupGolden } from '../test/group-cases.ts';
import { StatsInputError } from './errors.ts';
import { mannWhitney } from './mann-whitney.ts';

describe('mannWhitney matches R wilcox.test(x, y)', () => {
  for (const set of groupGolden.cases) {
    for (const entry of set.mannWhitney) {
      test(`${set.name}: ${entry.call}`, () => {
        const options = {
          exact: logicalArgument(entry.call, 'exact'),
          correct: logicalArgument(entry.call, 'correct'),
          confInt: logicalArgument(entry.call, 'conf.int'),
          confLevel: numericArgument(entry.call, 'conf.level'),
        };
        if (entry.error !== undefined) {
          assert.throws(() => mannWhitney(set.x, set.y, options), StatsInputError, `R: ${entry.error}`);
          return;
        }
        const result = mannWhitney(set.x, set.y, options);
        const expected = entry.expected!;
        assertCloseToR(result.statistic, expected.statistic, `${set.name}: W`);
        assertCloseToR(result.pValue, expected.pValue, `${set.name}: p`);
        assert.equal(result.exact, expected.exact);
        assert.equal(result.method, expected.method);
        assert.deepEqual([...result.warnings].sort(), [...(entry.warnings ?? [])].sort());
        if (options.confInt) {
          assertCloseToR(result.estimate, expected.estimate, `${set.name}: difference in location`);
          assertCloseToR(result.ciLower, expected.ciLower, `${set.name}: CI lower`);
          assertCloseToR(result.ciUpper, expected.ciUpper, `${set.name}: CI upper`);
          assertCloseToR(result.confLevel, expected.confLevel, `${set.name}: achieved conf.level`);
        }
      });
    }
  }
});

describe('mannWhitney details', () => {
  test('W is the U statistic of the first group', () => {
    assert.equal(mannWhitney([1, 2, 3], [4, 5, 6]).statistic, 0);
    assert.equal(mannWhitney([4, 5, 6], [1, 2, 3]).statistic, 9);
  });
  test('clear errors', () => {
    assert.throws(() => mannWhitney([], [1, 2]), /group1 needs at least 1 values/);
    assert.throws(() => mannWhitney([1, 2], [Number.POSITIVE_INFINITY]), /group2\[0\] is Infinity/);
  });
});
