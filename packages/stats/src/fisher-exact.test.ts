import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR, numericArgument } from '../test/golden.ts';
import { tableGolden } from '../test/table-cases.ts';
import { TableTooLargeError } from './errors.ts';
import { fisherExact } from './fisher-exact.ts';

describe('fisherExact matches R fisher.test', () => {
  for (const set of tableGolden.cases) {
    for (const entry of set.fisher) {
      test(`${set.name}: ${entry.call}`, () => {
        const result = fisherExact(set.table, { confLevel: numericArgument(entry.call, 'conf.level') });
        const expected = entry.expected!;
        assertCloseToR(result.pValue, expected.pValue, `${set.name}: p`);
        assert.equal(result.method, expected.method);
        if (expected.estimate !== undefined) {
          assertCloseToR(result.estimate, expected.estimate, `${set.name}: conditional MLE odds ratio`);
          assertCloseToR(result.ciLower, expected.ciLower, `${set.name}: CI lower`);
          assertCloseToR(result.ciUpper, expected.ciUpper, `${set.name}: CI upper`);
        } else {
          assert.equal(result.estimate, undefined);
        }
      });
    }
  }
});

describe('fisherExact details', () => {
  test('the statistic is the probability of the observed table', () => {
    // tea tasting: P(3 | margins 4, 4, 4) = choose(4,3) choose(4,1) / choose(8,4) = 16/70
    assert.ok(
      Math.abs(
        fisherExact([
          [3, 1],
          [1, 3],
        ]).statistic -
          16 / 70,
      ) < 1e-15,
    );
  });
  test('needs whole counts', () => {
    assert.throws(
      () =>
        fisherExact([
          [1.5, 2],
          [3, 4],
        ]),
      /whole counts/,
    );
  });
  test('refuses tables too large to enumerate', () => {
    const big = [
      [40, 35, 30, 25, 20],
      [20, 25, 30, 35, 40],
      [30, 30, 30, 30, 30],
      [25, 30, 35, 40, 45],
    ];
    assert.throws(() => fisherExact(big), TableTooLargeError);
  });
});
