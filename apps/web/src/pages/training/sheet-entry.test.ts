import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QUIZ_ITEMS } from '@lancar/content/training';
import type { AttemptView, ParticipantView } from '@lancar/contracts';
import {
  boxesOf,
  emptyBoxes,
  modeOfSheet,
  nextWithoutSheet,
  paperSheetToCorrect,
  parseScore,
  readBoxes,
  sheetBody,
  typeIntoBoxes,
  withSheet,
} from './sheet-entry.ts';

const ITEMS = [
  { id: 'q1', options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }] },
  { id: 'q2', options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }] },
  { id: 'q3', options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }] },
];

function attempt(phase: 'pre' | 'post', over: Partial<AttemptView> = {}): AttemptView {
  return {
    id: `${phase}-sheet`,
    phase,
    score: 50,
    complete: true,
    correct: 9,
    answered: 18,
    total: 18,
    source: 'paper',
    takenAt: '2026-11-12T05:00:00.000Z',
    itemBankVersion: 1,
    answers: {},
    ...over,
  };
}

function person(id: string, over: Partial<ParticipantView> = {}): ParticipantView {
  return { id, userId: null, displayName: id, phone: null, attended: true, pre: null, post: null, ...over };
}

describe('parseScore', () => {
  it('takes a whole number from 0 to 100, with spaces around it', () => {
    assert.deepEqual(parseScore(' 75 '), { ok: true, score: 75 });
    assert.deepEqual(parseScore('0'), { ok: true, score: 0 });
    assert.deepEqual(parseScore('100'), { ok: true, score: 100 });
  });

  it('says what is wrong with anything else', () => {
    assert.deepEqual(parseScore(''), { ok: false, problem: 'empty' });
    assert.deepEqual(parseScore('101'), { ok: false, problem: 'out_of_range' });
    assert.deepEqual(parseScore('75,5'), { ok: false, problem: 'not_whole_number' });
    assert.deepEqual(parseScore('-5'), { ok: false, problem: 'not_whole_number' });
    assert.deepEqual(parseScore('abc'), { ok: false, problem: 'not_whole_number' });
  });
});

describe('answer boxes', () => {
  it('moves on after each letter and takes a whole typed or pasted row, blanks as dashes', () => {
    assert.deepEqual(typeIntoBoxes(['', '', ''], 0, 'C'), { boxes: ['c', '', ''], next: 1 });
    assert.deepEqual(typeIntoBoxes(['', '', ''], 0, 'c-b'), { boxes: ['c', '', 'b'], next: 2 });
    assert.deepEqual(typeIntoBoxes(['', '', ''], 1, 'abcd'), { boxes: ['', 'a', 'b'], next: 2 }, 'stops at the end');
    assert.deepEqual(typeIntoBoxes(['a', 'b', 'c'], 1, ''), { boxes: ['a', '', 'c'], next: 1 }, 'a cleared box');
    assert.deepEqual(
      typeIntoBoxes(['a', 'b', ''], 0, 'ad'),
      { boxes: ['d', 'b', ''], next: 1 },
      'typed after the old letter',
    );
    assert.deepEqual(typeIntoBoxes(['a', 'b', ''], 0, 'Da'), { boxes: ['d', 'b', ''], next: 1 }, 'typed before it');
  });

  it('reads the boxes against the bank: blanks are null, other letters are flagged, not sent', () => {
    const read = readBoxes(['c', '', 'e'], ITEMS);
    assert.deepEqual(read, { answers: { q1: 'c', q2: null }, invalid: [2], answered: 1, blanks: 1 });
    assert.deepEqual(readBoxes(['a', 'b', 'd'], ITEMS).answers, { q1: 'a', q2: 'b', q3: 'd' });
  });

  it('round-trips a saved sheet for a correction, in the order the real bank is printed', () => {
    const answers = Object.fromEntries(QUIZ_ITEMS.map((item, i) => [item.id, i === 3 ? null : item.correctOptionId]));
    const boxes = boxesOf(answers, QUIZ_ITEMS);
    assert.equal(boxes.length, 18);
    assert.equal(boxes[0], 'c', 'question 1 on paper is the first item of the bank');
    assert.equal(boxes[3], '');
    assert.deepEqual(readBoxes(boxes, QUIZ_ITEMS).answers, answers);
    assert.deepEqual(emptyBoxes(ITEMS), ['', '', '']);
  });
});

describe('moving through the participants', () => {
  const list = [person('p1', { pre: attempt('pre') }), person('p2'), person('p3', { attended: false }), person('p4')];

  it('goes to the next participant without a sheet for the phase, round to the top, skipping absentees', () => {
    assert.equal(nextWithoutSheet(list, 'pre')?.id, 'p2');
    assert.equal(nextWithoutSheet(list, 'pre', 'p2')?.id, 'p4');
    assert.equal(nextWithoutSheet(list, 'pre', 'p4')?.id, 'p2');
    assert.equal(nextWithoutSheet(list, 'post', 'p1')?.id, 'p2');
    assert.equal(nextWithoutSheet([person('x', { pre: attempt('pre') })], 'pre'), undefined);
  });

  it('corrects only paper sheets, and shows a sheet again the way it was entered', () => {
    assert.equal(paperSheetToCorrect(list[0] as ParticipantView, 'pre')?.id, 'pre-sheet');
    assert.equal(paperSheetToCorrect(person('x', { pre: attempt('pre', { source: 'phone' }) }), 'pre'), null);
    assert.equal(paperSheetToCorrect(list[1] as ParticipantView, 'pre'), null);
    assert.equal(modeOfSheet(attempt('pre')), 'score');
    assert.equal(modeOfSheet(attempt('pre', { answers: { q1: 'a' } })), 'items');
  });

  it('builds a body with the score or the answers, and supersedes only for a correction', () => {
    assert.deepEqual(sheetBody('n1', 'pre', { score: 40 }, null), { id: 'n1', phase: 'pre', score: 40 });
    assert.deepEqual(sheetBody('n2', 'post', { answers: { q1: null } }, attempt('post')), {
      id: 'n2',
      phase: 'post',
      answers: { q1: null },
      supersedes: 'post-sheet',
    });
  });
});

describe('withSheet', () => {
  it('puts a saved sheet on its participant and phase, leaving the others as they were', () => {
    const session = { id: 's', participantList: [person('p1'), person('p2', { pre: attempt('pre') })] };
    const saved = attempt('post', { id: 'new', score: 83 });
    const next = withSheet(session, 'p2', saved);
    assert.equal(next.participantList[1]?.post?.id, 'new');
    assert.equal(next.participantList[1]?.pre?.id, 'pre-sheet');
    assert.equal(next.participantList[0], session.participantList[0]);
    assert.equal(session.participantList[1]?.post, null, 'the session given is not changed');
  });
});
