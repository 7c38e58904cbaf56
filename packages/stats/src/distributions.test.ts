import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertCloseToR, type GoldenEntry, type RNumber, readGolden } from '../test/golden.ts';
import { chiSquareUpperTail, normalCdf, normalQuantile, tQuantile, tTwoSidedP } from './distributions.ts';
import { signif } from './r-helpers.ts';
import { pSignRank, qSignRank } from './signrank-distribution.ts';
import { pWilcox, qWilcox } from './wilcox-distribution.ts';

const golden = readGolden<GoldenEntry<RNumber>>('distributions.json');

// Each R call and the function here that reproduces it.
const implementations: Record<string, () => number> = {
  'pchisq(0.001, 5, lower.tail = FALSE)': () => chiSquareUpperTail(0.001, 5),
  'pchisq(3, 40, lower.tail = FALSE)': () => chiSquareUpperTail(3, 40),
  'pchisq(12.5, 4, lower.tail = FALSE)': () => chiSquareUpperTail(12.5, 4),
  'pchisq(200, 10, lower.tail = FALSE)': () => chiSquareUpperTail(200, 10),
  'pchisq(900, 60, lower.tail = FALSE)': () => chiSquareUpperTail(900, 60),
  'pchisq(152.23, 12, lower.tail = FALSE)': () => chiSquareUpperTail(152.23, 12),
  'pchisq(0.5, 1, lower.tail = FALSE)': () => chiSquareUpperTail(0.5, 1),
  'pchisq(150, 1, lower.tail = FALSE)': () => chiSquareUpperTail(150, 1),
  'pchisq(7.3, 2.5, lower.tail = FALSE)': () => chiSquareUpperTail(7.3, 2.5),
  '2 * pt(-abs(4.06), 9)': () => tTwoSidedP(4.06, 9),
  '2 * pt(-abs(15), 3)': () => tTwoSidedP(15, 3),
  '2 * pt(-abs(0.2), 120.7)': () => tTwoSidedP(0.2, 120.7),
  '2 * pt(-abs(40), 25)': () => tTwoSidedP(40, 25),
  'qt(0.975, 1)': () => tQuantile(0.975, 1),
  'qt(0.975, 9)': () => tQuantile(0.975, 9),
  'qt(0.995, 17.3)': () => tQuantile(0.995, 17.3),
  'qt(0.95, 1000)': () => tQuantile(0.95, 1000),
  'qnorm(0.025)': () => normalQuantile(0.025),
  'qnorm(1e-10)': () => normalQuantile(1e-10),
  'pnorm(-9)': () => normalCdf(-9),
  'pnorm(1.5)': () => normalCdf(1.5),
  'psignrank(10, 12)': () => pSignRank(10, 12),
  'psignrank(60, 20, lower.tail = FALSE)': () => pSignRank(60, 20, false),
  'qsignrank(0.025, 30)': () => qSignRank(0.025, 30),
  'pwilcox(20, 8, 11)': () => pWilcox(20, 8, 11),
  'pwilcox(300, 30, 25, lower.tail = FALSE)': () => pWilcox(300, 30, 25, false),
  'qwilcox(0.025, 12, 15)': () => qWilcox(0.025, 12, 15),
  'signif(0.125, 2)': () => signif(0.125, 2),
  'signif(0.0375, 2)': () => signif(0.0375, 2),
  'signif(0.995, 2)': () => signif(0.995, 2),
};

describe('distribution functions match R', () => {
  for (const entry of golden.cases) {
    test(entry.call, () => {
      const implementation = implementations[entry.call];
      assert.ok(implementation, `no implementation mapped for ${entry.call}`);
      assertCloseToR(implementation(), entry.expected, entry.call);
    });
  }
});

describe('chiSquareUpperTail edges', () => {
  test('0 and infinity', () => {
    assert.equal(chiSquareUpperTail(0, 3), 1);
    assert.equal(chiSquareUpperTail(Number.POSITIVE_INFINITY, 3), 0);
    assert.ok(Number.isNaN(chiSquareUpperTail(1, 0)));
  });
});
