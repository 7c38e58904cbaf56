import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR } from '../test/golden.ts';
import { pairedGolden } from '../test/paired-cases.ts';
import { pairedAuto } from './paired-auto.ts';

describe('pairedAuto follows Shapiro-Wilk on the differences, with R numbers', () => {
  for (const set of pairedGolden.cases) {
    test(set.name, () => {
      const allZero = set.after.every((value, i) => value === set.before[i]);
      if (allZero) {
        assert.throws(() => pairedAuto(set.before, set.after), /All differences are zero/);
        return;
      }
      const result = pairedAuto(set.before, set.after);
      const shapiro = set.shapiro.expected;
      const rChoosesT = shapiro !== undefined && Number(shapiro.pValue) > 0.05;
      assert.equal(result.test, rChoosesT ? 't' : 'wilcoxon');
      const reference = (rChoosesT ? set.t[0] : set.wilcoxon[0])!.expected!;
      assertCloseToR(result.statistic, reference.statistic, `${set.name}: statistic`);
      assertCloseToR(result.pValue, reference.pValue, `${set.name}: p`);
      if (shapiro) {
        assertCloseToR(result.normality?.statistic, shapiro.statistic, `${set.name}: W`);
        assertCloseToR(result.normality?.pValue, shapiro.pValue, `${set.name}: Shapiro p`);
      }
      assert.ok(result.reason.id.length > 0 && result.reason.en.length > 0);
    });
  }
});

describe('pairedAuto reasons', () => {
  test('normal differences: paired t-test, explained in both languages', () => {
    const before = [10, 12, 9, 14, 11, 13, 10, 12];
    const differences = [1.2, 2.5, 1.9, 3.1, 2.2, 2.8, 1.6, 2.4];
    const result = pairedAuto(
      before,
      before.map((value, i) => value + differences[i]!),
    );
    assert.equal(result.test, 't');
    assert.match(
      result.reason.id,
      /^Selisih berdistribusi normal \(Shapiro-Wilk W = 0,\d{3}, p = 0,\d+\), jadi dipakai uji t berpasangan\.$/,
    );
    assert.match(
      result.reason.en,
      /^The differences look normal \(Shapiro-Wilk W = 0\.\d{3}, p = 0\.\d+\), so the paired t-test is used\.$/,
    );
  });
  test('skewed differences: Wilcoxon', () => {
    const before = [5, 5, 5, 5, 5, 5, 5, 5, 5, 5];
    const after = [5.1, 5.2, 5.1, 5.3, 5.2, 5.1, 5.4, 5.2, 9, 12];
    const result = pairedAuto(before, after);
    assert.equal(result.test, 'wilcoxon');
    assert.match(
      result.reason.id,
      /tidak berdistribusi normal \(Shapiro-Wilk W = 0,571, p < 0,001\).*uji peringkat bertanda Wilcoxon/,
    );
    assert.match(result.reason.en, /do not look normal .*Wilcoxon signed-rank test is used/);
  });
  test('two pairs: too few to test normality', () => {
    const result = pairedAuto([1, 2], [3, 5]);
    assert.equal(result.test, 'wilcoxon');
    assert.equal(result.normality, undefined);
    assert.match(result.reason.en, /only 2 pairs/);
    assert.match(result.reason.id, /Hanya ada 2 pasang/);
  });
  test('all differences equal: Wilcoxon, since neither Shapiro-Wilk nor t can be computed', () => {
    const result = pairedAuto([1, 2, 3, 4], [3, 4, 5, 6]);
    assert.equal(result.test, 'wilcoxon');
    assert.match(result.reason.en, /All differences are the same/);
  });
  test('tiny p-values are written as < 0.001', () => {
    const before = Array.from({ length: 40 }, (_, i) => i);
    const after = before.map((value, i) => value + (i < 36 ? 1 + i / 100 : 40 + i));
    const result = pairedAuto(before, after);
    assert.equal(result.test, 'wilcoxon');
    assert.match(result.reason.en, /p < 0\.001/);
  });
  test('the result is plain JSON', () => {
    const result = pairedAuto([10, 12, 9, 14, 11, 13], [12, 15, 10, 17, 12, 16]);
    assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
  });
});
