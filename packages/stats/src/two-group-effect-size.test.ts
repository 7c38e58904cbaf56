import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR } from '../test/golden.ts';
import { groupGolden } from '../test/group-cases.ts';
import { StatsInputError } from './errors.ts';
import { twoGroupEffectSize } from './two-group-effect-size.ts';

describe("twoGroupEffectSize matches R (Cohen's d) and metafor escalc('SMD')", () => {
  for (const set of groupGolden.cases) {
    test(set.name, () => {
      const expected = set.smd.expected;
      if (expected === undefined || !Number.isFinite(expected.yi)) {
        assert.throws(() => twoGroupEffectSize(set.x, set.y), StatsInputError);
        return;
      }
      const result = twoGroupEffectSize(set.x, set.y);
      assertCloseToR(result.cohenD, set.cohenD.expected, `${set.name}: d`);
      assertCloseToR(result.hedgesG, expected.yi, `${set.name}: g`);
      assertCloseToR(result.variance, expected.vi, `${set.name}: var(g)`);
      assertCloseToR(result.ciLower, expected.ciLower, `${set.name}: CI lower`);
      assertCloseToR(result.ciUpper, expected.ciUpper, `${set.name}: CI upper`);
      assertCloseToR(result.meanDifference, set.t[0]!.expected?.estimate, `${set.name}: mean difference`);
    });
  }
});

describe('twoGroupEffectSize edge cases', () => {
  test('needs two values per group and some spread', () => {
    assert.throws(() => twoGroupEffectSize([1], [1, 2, 3]), /at least 2 values per group/);
    assert.throws(() => twoGroupEffectSize([2, 2], [3, 3]), /pooled SD 0/);
  });
});
