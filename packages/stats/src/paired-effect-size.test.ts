import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR } from '../test/golden.ts';
import { pairedGolden } from '../test/paired-cases.ts';
import { StatsInputError } from './errors.ts';
import { pairedEffectSize } from './paired-effect-size.ts';

describe('pairedEffectSize matches R (dz) and metafor escalc("SMCC") (Hedges-corrected value, variance, CI)', () => {
  for (const set of pairedGolden.cases) {
    test(set.name, () => {
      const expected = set.effectSize.expected;
      const computable = set.before.length >= 3 && expected !== undefined && Number.isFinite(expected.yi);
      if (!computable) {
        assert.throws(() => pairedEffectSize(set.before, set.after), StatsInputError);
        return;
      }
      const result = pairedEffectSize(set.before, set.after);
      assertCloseToR(result.dz, set.dz.expected, `${set.name}: dz`);
      assertCloseToR(result.hedgesGz, expected.yi, `${set.name}: g (SMCC yi)`);
      assertCloseToR(result.variance, expected.vi, `${set.name}: SMCC vi`);
      assertCloseToR(result.ciLower, expected.ciLower, `${set.name}: CI lower`);
      assertCloseToR(result.ciUpper, expected.ciUpper, `${set.name}: CI upper`);
    });
  }
});

describe('pairedEffectSize edge cases', () => {
  test('needs 3 pairs and some spread in the differences', () => {
    assert.throws(() => pairedEffectSize([1, 2], [2, 4]), /at least 3 pairs/);
    assert.throws(() => pairedEffectSize([1, 2, 3], [2, 3, 4]), /SD 0/);
    assert.throws(() => pairedEffectSize([1, 2, 3], [2, 3]), /same length/);
  });
  test('the correction shrinks dz towards zero', () => {
    const result = pairedEffectSize([10, 12, 9, 14], [12, 15, 9, 18]);
    assert.ok(Math.abs(result.hedgesGz) < Math.abs(result.dz));
    assert.ok(result.correction < 1);
  });
});
