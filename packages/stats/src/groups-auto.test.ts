import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR } from '../test/golden.ts';
import { groupGolden } from '../test/group-cases.ts';
import { groupsAuto } from './groups-auto.ts';

describe('groupsAuto follows Shapiro-Wilk in each group, with R numbers', () => {
  for (const set of groupGolden.cases) {
    test(set.name, () => {
      const normalX = set.shapiroX.expected !== undefined && Number(set.shapiroX.expected.pValue) > 0.05;
      const normalY = set.shapiroY.expected !== undefined && Number(set.shapiroY.expected.pValue) > 0.05;
      const rChoosesWelch = normalX && normalY;
      const result = groupsAuto(set.x, set.y);
      assert.equal(result.test, rChoosesWelch ? 'welch' : 'mann-whitney');
      const reference = (rChoosesWelch ? set.t[0] : set.mannWhitney[0])!.expected!;
      assertCloseToR(result.statistic, reference.statistic, `${set.name}: statistic`);
      assertCloseToR(result.pValue, reference.pValue, `${set.name}: p`);
      if (set.shapiroX.expected) assertCloseToR(result.normality[0]?.pValue, set.shapiroX.expected.pValue, 'p x');
      if (set.shapiroY.expected) assertCloseToR(result.normality[1]?.pValue, set.shapiroY.expected.pValue, 'p y');
    });
  }
});

describe('groupsAuto reasons', () => {
  test('normal groups: Welch', () => {
    const result = groupsAuto([5.1, 4.8, 6.2, 5.5, 5.9, 4.4, 5.0], [6.3, 7.1, 5.8, 6.9, 7.4, 6.1, 6.6]);
    assert.equal(result.test, 'welch');
    assert.match(
      result.reason.id,
      /^Kedua kelompok berdistribusi normal \(Shapiro-Wilk kelompok 1: W = .*\), jadi dipakai uji t Welch\.$/,
    );
    assert.match(result.reason.en, /^Both groups look normal .* so Welch's t-test is used\.$/);
  });
  test('a group too small to test: Mann-Whitney, saying why', () => {
    const result = groupsAuto([1, 2], [3, 4, 5, 6]);
    assert.equal(result.test, 'mann-whitney');
    assert.deepEqual(result.normality[0], null);
    assert.match(result.reason.id, /kelompok 1 berisi 2 nilai/);
    assert.match(result.reason.en, /group 1 has 2 values/);
  });
  test('a constant group: Mann-Whitney', () => {
    const result = groupsAuto([3, 3, 3, 3], [3, 4, 5, 6]);
    assert.match(result.reason.en, /all values in group 1 are the same/);
  });
});
