import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashSeed, mulberry32, type QuizItemRules, type QuizScore, scoreQuiz, shuffleQuiz } from './quiz.ts';

/** Five items shaped like content/quiz-items.json (four options a–d, one correct). */
const options = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
const BANK: QuizItemRules[] = [
  { id: 'massage-area', options, correctOptionId: 'b' },
  { id: 'hand-position', options, correctOptionId: 'b' },
  { id: 'wet-nappies-after-day-5', options, correctOptionId: 'c' },
  { id: 'colostrum-day-1', options, correctOptionId: 'a' },
  { id: 'who-may-massage', options, correctOptionId: 'c' },
];

/** The reference mulberry32 exactly as published (state kept as a plain number). */
function referenceMulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a += 0x6d2b79f5;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function scored(answers: Record<string, string | null>): QuizScore {
  const result = scoreQuiz(BANK, answers);
  assert.ok(result.ok, `expected a score, got ${JSON.stringify(result)}`);
  return result;
}

describe('hashSeed and mulberry32', () => {
  it('hash with FNV-1a', () => {
    // Published FNV-1a 32-bit test vectors.
    assert.equal(hashSeed(''), 0x811c9dc5);
    assert.equal(hashSeed('a'), 0xe40c292c);
    assert.equal(hashSeed('foobar'), 0xbf9cf968);
  });

  it('match the published mulberry32 and stay in [0, 1)', () => {
    for (const seed of [0, 1, 42, 0xffffffff, hashSeed('attempt-1')]) {
      const ours = mulberry32(seed);
      const reference = referenceMulberry32(seed);
      for (let i = 0; i < 1000; i++) {
        const value = ours();
        assert.equal(value, reference());
        assert.ok(value >= 0 && value < 1);
      }
    }
  });
});

describe('shuffleQuiz', () => {
  it('gives the same order for the same seed', () => {
    assert.deepEqual(shuffleQuiz(BANK, 'attempt-7'), shuffleQuiz(BANK, 'attempt-7'));
  });

  it('keeps every item and every option id, only reordered', () => {
    for (const seed of ['a', 'b', 'attempt-1', 'attempt-2', '']) {
      const sheet = shuffleQuiz(BANK, seed);
      assert.deepEqual(sheet.map((s) => s.itemId).sort(), BANK.map((i) => i.id).sort());
      for (const s of sheet) assert.deepEqual([...s.optionIds].sort(), ['a', 'b', 'c', 'd']);
    }
  });

  it('gives different orders for different seeds', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, i) => JSON.stringify(shuffleQuiz(BANK, `attempt-${i}`))));
    assert.ok(orders.size > 15, `only ${orders.size} distinct sheets out of 20`);
  });

  it('moves every item to every position about equally often', () => {
    const atFirst = new Map<string, number>();
    const runs = 5000;
    for (let i = 0; i < runs; i++) {
      const first = shuffleQuiz(BANK, `seed-${i}`)[0]?.itemId ?? '';
      atFirst.set(first, (atFirst.get(first) ?? 0) + 1);
    }
    for (const item of BANK) {
      const share = (atFirst.get(item.id) ?? 0) / runs;
      assert.ok(share > 0.17 && share < 0.23, `${item.id} first in ${share} of sheets, expected about 0.2`);
    }
  });

  it("keeps an item's option order when other items are added or removed", () => {
    const full = shuffleQuiz(BANK, 'attempt-3');
    const smaller = shuffleQuiz(BANK.slice(0, 2), 'attempt-3');
    for (const s of smaller) assert.deepEqual(s.optionIds, full.find((f) => f.itemId === s.itemId)?.optionIds);
  });

  it('does not change the bank it was given', () => {
    const copy = structuredClone(BANK);
    shuffleQuiz(BANK, 'x');
    assert.deepEqual(BANK, copy);
  });

  it('scores the same whatever order was shown', () => {
    const answers = { 'massage-area': 'b', 'hand-position': 'a', 'wet-nappies-after-day-5': 'c' };
    const shown = shuffleQuiz(BANK, 'attempt-9').map((s) => BANK.find((i) => i.id === s.itemId) as QuizItemRules);
    const inBankOrder = scored(answers);
    const inShownOrder = scoreQuiz(shown, answers);
    assert.ok(inShownOrder.ok);
    const byItem = (r: QuizScore) => [...r.perItem].sort((x, y) => x.itemId.localeCompare(y.itemId));
    assert.deepEqual(byItem(inShownOrder), byItem(inBankOrder));
    assert.equal(inShownOrder.partialScore, inBankOrder.partialScore);
  });
});

describe('scoreQuiz', () => {
  it('scores a complete sheet over all items, rounded to a whole number', () => {
    const result = scored({
      'massage-area': 'b',
      'hand-position': 'b',
      'wet-nappies-after-day-5': 'a',
      'colostrum-day-1': 'a',
      'who-may-massage': 'd',
    });
    assert.equal(result.total, 5);
    assert.equal(result.answered, 5);
    assert.equal(result.correct, 3);
    assert.equal(result.complete, true);
    assert.equal(result.score, 60);
    assert.equal(result.partialScore, 60);
    assert.deepEqual(result.perItem, [
      { itemId: 'massage-area', chosen: 'b', correct: true },
      { itemId: 'hand-position', chosen: 'b', correct: true },
      { itemId: 'wet-nappies-after-day-5', chosen: 'a', correct: false },
      { itemId: 'colostrum-day-1', chosen: 'a', correct: true },
      { itemId: 'who-may-massage', chosen: 'd', correct: false },
    ]);
  });

  it('rounds to the nearest whole number', () => {
    const three = BANK.slice(0, 3);
    const result = scoreQuiz(three, { 'massage-area': 'b', 'hand-position': 'b', 'wet-nappies-after-day-5': 'a' });
    assert.ok(result.ok);
    assert.equal(result.score, 67);
    const one = scoreQuiz(three, { 'massage-area': 'b', 'hand-position': 'a', 'wet-nappies-after-day-5': 'a' });
    assert.ok(one.ok);
    assert.equal(one.score, 33);
  });

  it('gives no score to an incomplete sheet: blanks are not wrong answers', () => {
    const result = scored({ 'massage-area': 'b', 'hand-position': null, 'colostrum-day-1': 'a' });
    assert.equal(result.complete, false);
    assert.equal(result.answered, 2);
    assert.equal(result.correct, 2);
    assert.equal(result.score, null);
    assert.equal(result.partialScore, 100);
    assert.deepEqual(result.perItem[1], { itemId: 'hand-position', chosen: null, correct: null });
    assert.deepEqual(result.perItem[2], { itemId: 'wet-nappies-after-day-5', chosen: null, correct: null });
  });

  it('an empty sheet has neither score', () => {
    const result = scored({});
    assert.equal(result.answered, 0);
    assert.equal(result.score, null);
    assert.equal(result.partialScore, null);
  });

  it('returns every answer that names a missing option or item, without throwing', () => {
    const result = scoreQuiz(BANK, {
      'massage-area': 'e',
      'hand-position': 'b',
      'old-item': 'a',
      'colostrum-day-1': '',
    });
    assert.deepEqual(result, {
      ok: false,
      problems: [
        { problem: 'unknown_option', itemId: 'massage-area', optionId: 'e' },
        { problem: 'unknown_item', itemId: 'old-item' },
        { problem: 'unknown_option', itemId: 'colostrum-day-1', optionId: '' },
      ],
    });
  });

  it('does not read inherited properties as answers', () => {
    const bank: QuizItemRules[] = [{ id: 'constructor', options, correctOptionId: 'a' }];
    const result = scoreQuiz(bank, {});
    assert.ok(result.ok);
    assert.deepEqual(result.perItem, [{ itemId: 'constructor', chosen: null, correct: null }]);
  });

  it('throws on a broken bank', () => {
    assert.throws(() => scoreQuiz([], {}), RangeError);
    assert.throws(() => scoreQuiz([BANK[0] as QuizItemRules, BANK[0] as QuizItemRules], {}), /appears twice/);
    assert.throws(() => scoreQuiz([{ id: 'x', options, correctOptionId: 'e' }], {}), /is not an option/);
  });
});
