import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  changeInterval,
  fixed,
  hasItemAnswers,
  leftOut,
  meanSd,
  medianRange,
  pClause,
  percent,
  percentagePoints,
  pValue,
  signed,
  testStatistic,
} from './results-format.ts';

// The figures of the 25-pair example checked against R (see apps/server/src/routes/training/results.test.ts).
const pre = { n: 25, mean: 47.8, sd: 8.78919791562347, median: 50, min: 30, max: 65 };
const post = { n: 25, mean: 80, sd: 5.40061724867322, median: 80, min: 70, max: 90 };
const change = { mean: 32.2, sd: 6.93, ciLower: 29.3376968560602, ciUpper: 35.0623031439398, confLevel: 0.95 };
const tTest = {
  test: 't' as const,
  method: 'Paired t-test',
  statistic: 23.2182023854216,
  df: 24,
  pValue: 5.9112260955197e-18,
  reason: { id: 'x', en: 'x' },
  normality: { statistic: 0.94349, pValue: 0.1782 },
};

describe('results formatting', () => {
  it('writes the summary as R reports it, with a decimal comma in Indonesian and a point in English', () => {
    assert.equal(meanSd(pre, 'id'), '47,8 (8,79)');
    assert.equal(meanSd(post, 'id'), '80,0 (5,40)');
    assert.equal(meanSd(pre, 'en'), '47.8 (8.79)');
    assert.equal(medianRange(pre, 'id'), '50 (30–65)');
    assert.equal(medianRange({ ...pre, median: 52.5 }, 'id'), '52,5 (30–65)');
    assert.deepEqual(changeInterval(change, 'id'), { lower: '29,34', upper: '35,06' });
    assert.deepEqual(changeInterval(change, 'en'), { lower: '29.34', upper: '35.06' });
    assert.equal(testStatistic(tTest, 'id'), 't(24) = 23,22');
    assert.equal(pClause(tTest.pValue, 'id'), 'p < 0,001');
  });

  it('gives no SD or interval where one pair cannot have one', () => {
    assert.equal(meanSd({ ...pre, n: 1, sd: null }, 'id'), '47,8 (–)');
    assert.equal(changeInterval({ ...change, ciLower: null, ciUpper: null }, 'id'), null);
  });

  it('prints p with three decimals, and "< 0,001" only below one in a thousand', () => {
    assert.equal(pValue(0.0009, 'id'), '< 0,001');
    assert.equal(pValue(0.001, 'id'), '0,001');
    assert.equal(pClause(0.0234, 'en'), 'p = 0.023');
    assert.equal(pClause(0.5, 'id'), 'p = 0,500');
  });

  it('names the Wilcoxon statistic V as R does', () => {
    assert.equal(testStatistic({ ...tTest, test: 'wilcoxon', df: null, statistic: 0 }, 'id'), 'V = 0');
    assert.equal(testStatistic({ ...tTest, test: 'wilcoxon', df: null, statistic: 10.5 }, 'id'), 'V = 10,5');
  });

  it('signs changes with a real minus and never shows −0', () => {
    assert.equal(signed(32.2, 1, 'id'), '+32,2');
    assert.equal(signed(-4, 1, 'en'), '−4.0');
    assert.equal(signed(-0.04, 1, 'id'), '0,0');
    assert.equal(fixed(80, 1, 'id'), '80,0');
  });

  it('shows item shares as whole percentages and their change in points', () => {
    assert.equal(percent(2 / 3, 'id'), '67%');
    assert.equal(percent(null, 'id'), '–');
    assert.equal(percentagePoints(0.22, 'id'), '+22');
    assert.equal(percentagePoints(-0.05, 'id'), '−5');
    assert.equal(percentagePoints(0, 'id'), '0');
    assert.equal(percentagePoints(null, 'id'), '–');
  });

  it('knows when no sheet was entered item by item, and how many people are left out', () => {
    const none = { pre: { n: 0, correct: 0, share: null }, post: { n: 0, correct: 0, share: null } };
    assert.equal(hasItemAnswers({ items: [{ itemId: 'a', ...none, change: null }] }), false);
    assert.equal(
      hasItemAnswers({ items: [{ itemId: 'a', ...none, post: { n: 1, correct: 1, share: 1 }, change: null }] }),
      true,
    );
    assert.equal(leftOut({ counts: { people: 30, pairs: 25, noPre: 1, noPost: 3, incomplete: 1 } }), 5);
  });
});
