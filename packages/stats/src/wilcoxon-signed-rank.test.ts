import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR, logicalArgument, numericArgument } from '../test/golden.ts';
import { pairedGolden } from '../test/paired-cases.ts';
import { StatsInputError } from './errors.ts';
import { wilcoxonSignedRank } from './wilcoxon-signed-rank.ts';

describe('wilcoxonSignedRank matches R wilcox.test(after, before, paired = TRUE)', () => {
  for (const set of pairedGolden.cases) {
    for (const entry of set.wilcoxon) {
      test(`${set.name}: ${entry.call}`, () => {
        const options = {
          exact: logicalArgument(entry.call, 'exact'),
          correct: logicalArgument(entry.call, 'correct'),
          confInt: logicalArgument(entry.call, 'conf.int'),
          confLevel: numericArgument(entry.call, 'conf.level'),
        };
        const expected = entry.expected!;
        if (entry.error !== undefined || Number.isNaN(Number(expected.pValue))) {
          // R returns p = NaN when every difference is zero; we refuse instead.
          assert.throws(() => wilcoxonSignedRank(set.before, set.after, options), StatsInputError);
          return;
        }
        const result = wilcoxonSignedRank(set.before, set.after, options);
        assertCloseToR(result.statistic, expected.statistic, `${set.name}: V`);
        assertCloseToR(result.pValue, expected.pValue, `${set.name}: p`);
        assert.equal(result.exact, expected.exact, `${set.name}: exact`);
        assert.equal(result.method, expected.method);
        assert.deepEqual([...result.warnings].sort(), [...(entry.warnings ?? [])].sort());
        if (options.confInt) {
          assertCloseToR(result.estimate, expected.estimate, `${set.name}: pseudo-median`);
          assertCloseToR(result.ciLower, expected.ciLower, `${set.name}: CI lower`);
          assertCloseToR(result.ciUpper, expected.ciUpper, `${set.name}: CI upper`);
          assertCloseToR(result.confLevel, expected.confLevel, `${set.name}: achieved conf.level`);
        } else {
          assert.equal(result.estimate, undefined);
        }
      });
    }
  }
});

describe('wilcoxonSignedRank details', () => {
  test('V counts the ranks of positive after - before differences', () => {
    // differences 2, 4, 1 -> ranks 2, 3, 1 all positive
    assert.equal(wilcoxonSignedRank([12, 15, 11], [14, 19, 12]).statistic, 6);
    assert.equal(wilcoxonSignedRank([14, 19, 12], [12, 15, 11]).statistic, 0);
  });
  test('zero differences are dropped and reported', () => {
    const result = wilcoxonSignedRank([1, 2, 3, 4], [1, 3, 5, 8]);
    assert.equal(result.zeros, 1);
    assert.equal(result.n, 4);
    assert.equal(result.exact, false);
  });
  test('exact = true still falls back to the approximation with ties, with R warning', () => {
    const result = wilcoxonSignedRank([1, 2, 3, 4], [2, 3, 5, 8], { exact: true });
    assert.equal(result.exact, false);
    assert.deepEqual(result.warnings, ['cannot compute exact p-value with ties']);
  });
  test('clear errors', () => {
    assert.throws(() => wilcoxonSignedRank([1, 2, 3], [1, 2, 3]), /All differences are zero/);
    assert.throws(() => wilcoxonSignedRank([1], [2]), /at least 2 pairs/);
    assert.throws(() => wilcoxonSignedRank([1, 2], [1]), /same length/);
    assert.throws(() => wilcoxonSignedRank([1, Number.NaN], [1, 2]), /before\[1\] is NaN/);
    assert.throws(() => wilcoxonSignedRank([1, 2], [1, 3], { confLevel: 0 }), StatsInputError);
  });
});
