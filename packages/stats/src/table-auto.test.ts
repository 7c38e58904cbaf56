import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR } from '../test/golden.ts';
import { tableGolden } from '../test/table-cases.ts';
import { tableAuto } from './table-auto.ts';

describe('tableAuto uses Fisher below expected count 5, else chi-square, with R numbers', () => {
  for (const set of tableGolden.cases) {
    const chisq = set.chisq[0]!.expected!;
    if (chisq.statistic === 'NaN') continue;
    test(set.name, () => {
      const smallest = Math.min(...chisq.expected.flat().map(Number));
      const result = tableAuto(set.table);
      assert.equal(result.test, smallest < 5 ? 'fisher' : 'chi-square');
      const reference = smallest < 5 ? set.fisher[0]!.expected! : chisq;
      assertCloseToR(result.pValue, reference.pValue, `${set.name}: p`);
      assertCloseToR(result.smallestExpected, smallest, `${set.name}: smallest expected count`);
    });
  }
});

describe('tableAuto reasons', () => {
  test('Fisher with small expected counts', () => {
    const result = tableAuto([
      [3, 1],
      [1, 3],
    ]);
    assert.equal(result.test, 'fisher');
    assert.equal(result.reason.id, 'Ada frekuensi harapan di bawah 5 (terkecil 2.00), jadi dipakai uji eksak Fisher.');
    assert.equal(result.reason.en, "Some expected counts are below 5 (smallest 2.00), so Fisher's exact test is used.");
  });
  test('chi-square with Yates for a 2 x 2 table', () => {
    const result = tableAuto([
      [38, 12],
      [27, 23],
    ]);
    assert.equal(result.test, 'chi-square');
    assert.match(result.reason.id, /uji chi-square dengan koreksi Yates\.$/);
    assert.match(result.reason.en, /chi-square test with Yates' continuity correction is used\.$/);
  });
  test('large sparse table: chi-square with a caution', () => {
    const result = tableAuto([
      [40, 35, 30, 25, 2],
      [20, 25, 30, 35, 1],
      [30, 30, 30, 30, 3],
      [25, 30, 35, 40, 2],
    ]);
    assert.equal(result.test, 'chi-square');
    assert.match(result.reason.en, /too large for Fisher's exact test/);
  });
  test('empty margins are refused', () => {
    assert.throws(
      () =>
        tableAuto([
          [5, 5],
          [0, 0],
        ]),
      /no observations/,
    );
  });
});
