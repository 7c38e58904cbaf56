import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { itemDifficulty, type ScoredSheet } from './item-difficulty.ts';

/** A sheet from a string per item: "1" correct, "0" wrong, "-" blank, for items q1, q2, q3 in that order. */
function sheet(marks: string, participantId?: string, itemBankVersion?: number): ScoredSheet {
  const perItem = [...marks].map((m, i) => ({ itemId: `q${i + 1}`, correct: m === '-' ? null : m === '1' }));
  return {
    perItem,
    ...(participantId === undefined ? {} : { participantId }),
    ...(itemBankVersion === undefined ? {} : { itemBankVersion }),
  };
}

describe('itemDifficulty', () => {
  it('gives the share correct before and after, with n, hardest after training first', () => {
    const pre = [sheet('100'), sheet('100'), sheet('010'), sheet('000')];
    const post = [sheet('110'), sheet('111'), sheet('110'), sheet('100')];
    assert.deepEqual(itemDifficulty(pre, post), [
      { itemId: 'q3', pre: { n: 4, correct: 0, share: 0 }, post: { n: 4, correct: 1, share: 0.25 }, change: 0.25 },
      { itemId: 'q2', pre: { n: 4, correct: 1, share: 0.25 }, post: { n: 4, correct: 3, share: 0.75 }, change: 0.5 },
      { itemId: 'q1', pre: { n: 4, correct: 2, share: 0.5 }, post: { n: 4, correct: 4, share: 1 }, change: 0.5 },
    ]);
  });

  it('leaves blanks out of n instead of counting them wrong', () => {
    const [q1, q2] = itemDifficulty([], [sheet('1-'), sheet('10'), sheet('--')]).sort((a, b) =>
      a.itemId.localeCompare(b.itemId),
    );
    assert.deepEqual(q1?.post, { n: 2, correct: 2, share: 1 });
    assert.deepEqual(q2?.post, { n: 1, correct: 0, share: 0 });
  });

  it('sorts by the pre-test when asked, ties by the other phase and then by id', () => {
    const pre = [sheet('001'), sheet('011')];
    const post = [sheet('111'), sheet('101')];
    assert.deepEqual(
      itemDifficulty(pre, post, { sortBy: 'pre' }).map((r) => r.itemId),
      ['q1', 'q2', 'q3'],
    );
    assert.deepEqual(
      itemDifficulty([sheet('00')], [sheet('11')]).map((r) => r.itemId),
      ['q1', 'q2'],
    );
  });

  it('reports items nobody answered when given, with n 0 and no share, last', () => {
    const rows = itemDifficulty([sheet('1')], [sheet('0')], { itemIds: ['q9', 'q1'] });
    assert.deepEqual(rows, [
      { itemId: 'q1', pre: { n: 1, correct: 1, share: 1 }, post: { n: 1, correct: 0, share: 0 }, change: -1 },
      { itemId: 'q9', pre: { n: 0, correct: 0, share: null }, post: { n: 0, correct: 0, share: null }, change: null },
    ]);
  });

  it('has no change when a phase has no answers', () => {
    const [row] = itemDifficulty([], [sheet('1')]);
    assert.equal(row?.change, null);
    assert.equal(row?.pre.share, null);
  });

  it('refuses two sheets of one participant in a phase, and mixed item bank versions', () => {
    assert.throws(() => itemDifficulty([], [sheet('1', 'p1'), sheet('0', 'p1')]), /more than one sheet/);
    assert.doesNotThrow(() => itemDifficulty([sheet('0', 'p1')], [sheet('1', 'p1')]));
    assert.throws(() => itemDifficulty([sheet('1', 'p1', 1)], [sheet('1', 'p1', 2)]), /versions 1, 2 are mixed/);
    assert.throws(
      () =>
        itemDifficulty(
          [
            {
              perItem: [
                { itemId: 'q1', correct: true },
                { itemId: 'q1', correct: false },
              ],
            },
          ],
          [],
        ),
      /twice/,
    );
  });
});
