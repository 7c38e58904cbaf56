import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR, type GoldenEntry, type RNumber, readGolden } from '../test/golden.ts';
import { StatsInputError } from './errors.ts';
import { shapiroWilk } from './shapiro-wilk.ts';

interface Case extends GoldenEntry<{ statistic: RNumber; pValue: RNumber }> {
  name: string;
  x: number[];
}

const golden = readGolden<Case>('shapiro-wilk.json');

describe('shapiroWilk matches R shapiro.test', () => {
  for (const entry of golden.cases) {
    test(entry.name, () => {
      if (entry.error !== undefined) {
        assert.throws(() => shapiroWilk(entry.x), StatsInputError, `R: ${entry.error}`);
        return;
      }
      const result = shapiroWilk(entry.x);
      assertCloseToR(result.statistic, entry.expected!.statistic, `${entry.name}: W`);
      assertCloseToR(result.pValue, entry.expected!.pValue, `${entry.name}: p`);
    });
  }
});

describe('shapiroWilk input checks', () => {
  test('clear errors', () => {
    assert.throws(() => shapiroWilk([1, 2]), /between 3 and 5000 values \(got 2\)/);
    assert.throws(() => shapiroWilk([2, 2, 2]), /identical/);
    assert.throws(() => shapiroWilk([1, 2, Number.NaN]), /values\[2\] is NaN/);
  });
  test('does not reorder the caller array', () => {
    const values = [3, 1, 2, 5];
    shapiroWilk(values);
    assert.deepEqual(values, [3, 1, 2, 5]);
  });
});
