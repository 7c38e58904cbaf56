import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR, type RNumber, readGolden } from '../test/golden.ts';
import { StatsInputError } from './errors.ts';
import { type BinaryStudy, type ContinuousStudy, escalc } from './meta-effect-sizes.ts';

interface EscalcCase {
  name: string;
  measure: 'MD' | 'SMD' | 'RR' | 'OR';
  call: string;
  events1?: number[];
  n1: number[];
  events2?: number[];
  n2: number[];
  mean1?: number[];
  sd1?: number[];
  mean2?: number[];
  sd2?: number[];
  expected: { yi: RNumber[]; vi: RNumber[] };
}

const golden = readGolden<EscalcCase>('escalc.json');

function studiesOf(set: EscalcCase): ContinuousStudy[] | BinaryStudy[] {
  if (set.measure === 'MD' || set.measure === 'SMD') {
    return set.n1.map((n1, i) => ({
      mean1: set.mean1![i]!,
      sd1: set.sd1![i]!,
      n1,
      mean2: set.mean2![i]!,
      sd2: set.sd2![i]!,
      n2: set.n2[i]!,
    }));
  }
  return set.n1.map((n1, i) => ({ events1: set.events1![i]!, n1, events2: set.events2![i]!, n2: set.n2[i]! }));
}

describe('escalc matches metafor', () => {
  for (const set of golden.cases) {
    test(`${set.name}: ${set.call}`, () => {
      const studies = studiesOf(set);
      const effects =
        set.measure === 'MD' || set.measure === 'SMD'
          ? escalc(set.measure, studies as ContinuousStudy[])
          : escalc(set.measure, studies as BinaryStudy[]);
      assert.equal(effects.length, set.expected.yi.length);
      effects.forEach((effect, i) => {
        assertCloseToR(effect.yi, set.expected.yi[i], `${set.name}: yi[${i + 1}]`);
        assertCloseToR(effect.vi, set.expected.vi[i], `${set.name}: vi[${i + 1}]`);
      });
    });
  }
});

describe('escalc input checks', () => {
  test('clear errors', () => {
    assert.throws(() => escalc('RR', [{ events1: 5, n1: 4, events2: 1, n2: 10 }]), /Study 1: events must be between/);
    assert.throws(
      () => escalc('SMD', [{ mean1: 1, sd1: -1, n1: 10, mean2: 0, sd2: 1, n2: 10 }]),
      /standard deviation is negative/,
    );
    assert.throws(
      () => escalc('MD', [{ mean1: Number.NaN, sd1: 1, n1: 10, mean2: 0, sd2: 1, n2: 10 }]),
      StatsInputError,
    );
  });
});
