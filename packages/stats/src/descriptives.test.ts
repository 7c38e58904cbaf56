import assert from 'node:assert/strict';
import { describe as suite, test } from 'node:test';
import { assertCloseToR, type GoldenEntry, type RNumber, readGolden } from '../test/golden.ts';
import { describe } from './descriptives.ts';
import { StatsInputError } from './errors.ts';

type Expected = Record<
  'n' | 'mean' | 'sd' | 'median' | 'q1' | 'q3' | 'iqr' | 'min' | 'max' | 'ciLower' | 'ciUpper',
  RNumber
>;
interface Case extends GoldenEntry<Expected> {
  name: string;
  x: number[];
}

const golden = readGolden<Case>('descriptives.json');

suite('describe matches R', () => {
  for (const entry of golden.cases) {
    test(entry.name, () => {
      const result = describe(entry.x);
      const expected = entry.expected!;
      for (const key of Object.keys(expected) as (keyof Expected)[]) {
        assertCloseToR(result[key], expected[key], `${entry.name}: ${key} (${entry.call})`);
      }
    });
  }
});

suite('describe edge cases', () => {
  test('one value has a mean but no spread or interval', () => {
    const result = describe([4]);
    assert.equal(result.mean, 4);
    assert.equal(result.median, 4);
    assert.ok(Number.isNaN(result.sd));
    assert.ok(Number.isNaN(result.ciLower));
  });
  test('refuses empty input, NaN and Infinity', () => {
    assert.throws(() => describe([]), StatsInputError);
    assert.throws(() => describe([1, Number.NaN]), /values\[1\] is NaN/);
    assert.throws(() => describe([Number.POSITIVE_INFINITY, 1]), /values\[0\] is Infinity/);
  });
  test('other confidence levels', () => {
    const narrow = describe([1, 2, 3, 4, 10], { confLevel: 0.9 });
    const wide = describe([1, 2, 3, 4, 10]);
    assert.ok(narrow.ciUpper - narrow.ciLower < wide.ciUpper - wide.ciLower);
    assert.throws(() => describe([1, 2], { confLevel: 95 }), /confLevel/);
  });
});
