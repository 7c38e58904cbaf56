import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QUIZ_ITEMS, QUIZ_VERSION } from '@lancar/content/training';
import { shuffleQuiz } from '@lancar/domain';
import {
  atPosition,
  blankPositions,
  isQuizPhase,
  newDraft,
  type QuizShape,
  resumeDraft,
  sheetAnswers,
  withAnswer,
} from './quiz-draft.ts';

const options = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
const SHAPE: QuizShape = {
  phase: 'post',
  itemBankVersion: 1,
  items: [
    { id: 'q1', options },
    { id: 'q2', options },
    { id: 'q3', options },
  ],
};
const NOW = new Date('2026-11-23T01:00:00.000Z');

/** What the phone would have stored: the draft through a structured clone, as IndexedDB keeps it. */
const stored = (value: unknown): unknown => structuredClone(value);

describe('quiz draft', () => {
  it('starts empty on the first question, with the attempt id as its identity', () => {
    const draft = newDraft(SHAPE, 'attempt-1', NOW);
    assert.deepEqual(draft, {
      attemptId: 'attempt-1',
      phase: 'post',
      itemBankVersion: 1,
      startedAt: NOW.toISOString(),
      answers: {},
      position: 0,
    });
  });

  it('records, changes and clears answers without touching the others', () => {
    let draft = newDraft(SHAPE, 'a', NOW);
    draft = withAnswer(draft, 'q1', 'b');
    draft = withAnswer(draft, 'q2', 'c');
    draft = withAnswer(draft, 'q1', 'd');
    assert.deepEqual(draft.answers, { q1: 'd', q2: 'c' });
    draft = withAnswer(draft, 'q2', null);
    assert.deepEqual(draft.answers, { q1: 'd' });
  });

  it('moves within the sheet; one past the last question is the check-before-sending screen', () => {
    const draft = newDraft(SHAPE, 'a', NOW);
    assert.equal(atPosition(draft, 2, 3).position, 2);
    assert.equal(atPosition(draft, 3, 3).position, 3);
    assert.equal(atPosition(draft, 9, 3).position, 3);
    assert.equal(atPosition(draft, -1, 3).position, 0);
  });

  it('lists blank questions by their place in the order shown', () => {
    const draft = withAnswer(newDraft(SHAPE, 'a', NOW), 'q2', 'a');
    assert.deepEqual(blankPositions(draft, ['q3', 'q2', 'q1']), [0, 2]);
  });

  it('sends every item, with null for blanks', () => {
    const draft = withAnswer(newDraft(SHAPE, 'a', NOW), 'q2', 'a');
    assert.deepEqual(sheetAnswers(draft, ['q1', 'q2', 'q3']), { q1: null, q2: 'a', q3: null });
  });

  it('resumes what was stored: same answers, same place, same attempt id (so the same order)', () => {
    const draft = atPosition(withAnswer(withAnswer(newDraft(SHAPE, 'a-7', NOW), 'q1', 'b'), 'q3', 'c'), 2, 3);
    assert.deepEqual(resumeDraft(stored(draft), SHAPE), draft);
  });

  it('does not resume a draft of the other test or of another item bank version', () => {
    const draft = newDraft(SHAPE, 'a', NOW);
    assert.equal(resumeDraft(stored(draft), { ...SHAPE, phase: 'pre' }), null);
    assert.equal(resumeDraft(stored(draft), { ...SHAPE, itemBankVersion: 2 }), null);
  });

  it('refuses damaged values instead of throwing', () => {
    for (const value of [undefined, null, 'x', 42, [], {}, { attemptId: '' }]) {
      assert.equal(resumeDraft(value, SHAPE), null, JSON.stringify(value));
    }
    const draft = newDraft(SHAPE, 'a', NOW);
    assert.equal(resumeDraft({ ...draft, startedAt: 'yesterday' }, SHAPE), null);
    assert.equal(resumeDraft({ ...draft, answers: [] }, SHAPE), null);
  });

  it('drops answers the bank does not have and keeps the position on the sheet', () => {
    const draft = { ...newDraft(SHAPE, 'a', NOW), answers: { q1: 'e', q2: 'b', gone: 'a', q3: 7 }, position: 12 };
    const resumed = resumeDraft(stored(draft), SHAPE);
    assert.deepEqual(resumed?.answers, { q2: 'b' });
    assert.equal(resumed?.position, 3);
    assert.equal(resumeDraft({ ...draft, position: 1.5 }, SHAPE)?.position, 0);
  });

  it('knows the two phases of the route', () => {
    assert.equal(isQuizPhase('pre'), true);
    assert.equal(isQuizPhase('post'), true);
    assert.equal(isQuizPhase('tengah'), false);
  });

  it('fits the real item bank: a resumed draft shows the same sheet', () => {
    const shape: QuizShape = { phase: 'pre', itemBankVersion: QUIZ_VERSION, items: QUIZ_ITEMS };
    let draft = newDraft(shape, '0190a0c4-1c53-7000-8000-000000000001', NOW);
    const order = shuffleQuiz(QUIZ_ITEMS, draft.attemptId);
    for (const shown of order.slice(0, 5)) draft = withAnswer(draft, shown.itemId, shown.optionIds[0] ?? null);
    const resumed = resumeDraft(stored(draft), shape);
    assert.deepEqual(resumed, draft);
    assert.deepEqual(shuffleQuiz(QUIZ_ITEMS, resumed?.attemptId ?? ''), order);
    assert.equal(
      Object.keys(
        sheetAnswers(
          draft,
          QUIZ_ITEMS.map((i) => i.id),
        ),
      ).length,
      QUIZ_ITEMS.length,
    );
  });
});
