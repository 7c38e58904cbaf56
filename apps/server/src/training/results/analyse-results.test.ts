import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QUIZ_ITEMS, QUIZ_VERSION } from '@lancar/content/training';
import { analyseResults, type ResultPerson, type ResultSheet } from './analyse-results.ts';

const frame = { scope: 'session' as const, title: 'Uji', session: null, generatedAt: '2026-11-20T00:00:00.000Z' };

function scoreSheet(phase: 'pre' | 'post', score: number | null, takenAt = '2026-11-10T01:00:00Z'): ResultSheet {
  return { phase, score, source: 'paper', takenAt, itemBankVersion: QUIZ_VERSION, answers: {} };
}

function pairs(pre: number[], post: number[]): ResultPerson[] {
  return pre.map((p, i) => ({
    key: `p${i}`,
    name: `Peserta ${i + 1}`,
    sheets: [scoreSheet('pre', p), scoreSheet('post', post[i] ?? null, '2026-11-10T03:00:00Z')],
  }));
}

// Reference values from R 4.x (packages/stats/golden has the method); see the comments for the calls.
const close = (actual: number | null | undefined, expected: number, tolerance = 1e-9) =>
  assert.ok(
    actual !== null &&
      actual !== undefined &&
      Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `${actual} != ${expected}`,
  );

describe('analyseResults', () => {
  it('picks the Wilcoxon test for skewed changes and matches wilcox.test(post, pre, paired = TRUE)', () => {
    // R: wilcox.test(c(55,60,65,50,55,70,45,100), c(50,55,60,45,50,65,40,55), paired = TRUE)
    //    V = 36, p-value = 0.00833414457781737 (normal approximation with continuity correction: ties)
    //    shapiro.test(differences): W = 0.4184, p = 1.047e-06
    const r = analyseResults(frame, pairs([50, 55, 60, 45, 50, 65, 40, 55], [55, 60, 65, 50, 55, 70, 45, 100]));
    assert.equal(r.test?.test, 'wilcoxon');
    assert.equal(r.test?.statistic, 36);
    close(r.test?.pValue, 0.00833414457781737, 1e-7);
    close(r.test?.normality?.statistic, 0.4184, 1e-4);
    assert.match(r.test?.reason.id ?? '', /tidak berdistribusi normal/);
    assert.match(r.test?.reason.en ?? '', /do not look normal/);
    assert.equal(r.change?.mean, 10);
  });

  it('counts the first complete sheet of each phase, keeps partial sheets out and says why each person is out', () => {
    const people: ResultPerson[] = [
      {
        key: 'a',
        name: 'Retook the post-test',
        sheets: [
          scoreSheet('pre', 40),
          scoreSheet('post', 60, '2026-11-10T03:00:00Z'),
          scoreSheet('post', 95, '2026-11-11T03:00:00Z'),
        ],
      },
      { key: 'b', name: 'No post', sheets: [scoreSheet('pre', 50)] },
      {
        key: 'c',
        name: 'Blank post',
        sheets: [scoreSheet('pre', 50), scoreSheet('post', null, '2026-11-10T03:00:00Z')],
      },
      { key: 'd', name: 'Only post', sheets: [scoreSheet('post', 70)] },
    ];
    const r = analyseResults(frame, people);
    assert.deepEqual(
      r.rows.map((row) => [row.name, row.status, row.change]),
      [
        ['Retook the post-test', 'paired', 20],
        ['No post', 'no_post', null],
        ['Blank post', 'incomplete', null],
        ['Only post', 'no_pre', null],
      ],
    );
    assert.deepEqual(r.counts, { people: 4, pairs: 1, noPre: 1, noPost: 1, incomplete: 1 });
    assert.equal(r.test, null);
    assert.match(r.testNote?.en ?? '', /at least 3 pairs .*; there are 1\./);
    assert.equal(r.change?.ciLower, null, 'one pair has no interval');
  });

  it('uses Wilcoxon when every change is the same, and says so when nobody changed at all', () => {
    // R: wilcox.test(c(60,70,80), c(50,60,70), paired = TRUE): V = 6, p-value = 0.148914673178766 (ties: normal approximation)
    const same = analyseResults(frame, pairs([50, 60, 70], [60, 70, 80]));
    assert.equal(same.test?.test, 'wilcoxon');
    assert.equal(same.test?.statistic, 6);
    close(same.test?.pValue, 0.148914673178766, 1e-9);
    assert.match(same.test?.reason.en ?? '', /All differences are the same/);
    assert.equal(same.effectSize, null, 'no spread, no standardised effect');
    assert.equal(same.change?.mean, 10);

    const none = analyseResults(frame, pairs([50, 60, 70], [50, 60, 70]));
    assert.equal(none.test, null);
    assert.match(none.testNote?.id ?? '', /tidak ada perubahan/);
    assert.equal(none.change?.mean, 0);
  });

  it('shows which questions stayed hard, from item-by-item sheets only', () => {
    const [first, second] = QUIZ_ITEMS;
    assert.ok(first && second);
    const wrong = (item: typeof first) => item.options.find((o) => o.id !== item.correctOptionId)?.id ?? null;
    const answersOf = (firstRight: boolean, secondRight: boolean) =>
      Object.fromEntries(
        QUIZ_ITEMS.map((item) => [
          item.id,
          item === first
            ? firstRight
              ? item.correctOptionId
              : wrong(item)
            : item === second
              ? secondRight
                ? item.correctOptionId
                : wrong(item)
              : item.correctOptionId,
        ]),
      );
    const person = (key: string, pre: [boolean, boolean], post: [boolean, boolean]): ResultPerson => ({
      key,
      name: key,
      sheets: [
        { ...scoreSheet('pre', 80), answers: answersOf(...pre) },
        { ...scoreSheet('post', 90, '2026-11-10T03:00:00Z'), answers: answersOf(...post) },
      ],
    });
    const r = analyseResults(frame, [
      person('x', [false, false], [false, true]),
      person('y', [false, true], [true, true]),
      { key: 'z', name: 'score only', sheets: [scoreSheet('pre', 40), scoreSheet('post', 70, '2026-11-10T03:00:00Z')] },
    ]);
    const hardest = r.items[0];
    assert.equal(hardest?.itemId, first.id);
    assert.deepEqual([hardest?.pre.n, hardest?.pre.share, hardest?.post.share], [2, 0, 0.5]);
    const secondRow = r.items.find((i) => i.itemId === second.id);
    assert.deepEqual([secondRow?.pre.share, secondRow?.post.share, secondRow?.change], [0.5, 1, 0.5]);
    assert.equal(r.items.length, QUIZ_ITEMS.length);
  });
});
