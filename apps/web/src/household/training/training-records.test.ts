import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AttemptView, CompanionTrainingDetail, SkillCheckView } from '@lancar/contracts';
import { type LocalAttempt, type LocalLesson, mergeTraining, type OutboxState } from './training-records.ts';

function localAttempt(id: string, phase: 'pre' | 'post', score: number | null, takenAt: string): LocalAttempt {
  return {
    id,
    mutationId: `m-${id}`,
    phase,
    itemBankVersion: 1,
    answers: {},
    takenAt,
    score,
    complete: score !== null,
    correct: 0,
    answered: 0,
    total: 18,
  };
}

function serverAttempt(id: string, phase: 'pre' | 'post', score: number | null, takenAt: string): AttemptView {
  return {
    id,
    phase,
    score,
    complete: score !== null,
    correct: 0,
    answered: 0,
    total: 18,
    source: 'phone',
    takenAt,
    itemBankVersion: 1,
    answers: {},
  };
}

function lesson(id: string, lessonId: string, completedAt = '2026-11-20T10:00:00+07:00'): LocalLesson {
  return { id, mutationId: `m-${id}`, lessonId, lessonsVersion: 1, completedAt };
}

function server(parts: Partial<CompanionTrainingDetail>): CompanionTrainingDetail {
  return {
    userId: 'u1',
    displayName: 'Budi',
    phone: null,
    role: 'companion',
    status: 'not_started',
    preScore: null,
    postScore: null,
    lessonsDone: [],
    lastSkillCheck: null,
    attempts: [],
    skillChecks: [],
    ...parts,
  };
}

const check = (observedAt: string, passed: boolean): SkillCheckView => ({
  id: `c-${observedAt}`,
  observedAt,
  observerName: 'Bidan Sari',
  passed,
  results: {},
  notes: null,
});

const none = new Map<string, OutboxState>();
const rejected: OutboxState = {
  status: 'rejected',
  problem: { type: 'https://lancar.id/problems/invalid-input', title: 'Isian tidak valid', status: 400 },
};

describe('mergeTraining', () => {
  it('starts empty: not started, nothing taken, nothing pending', () => {
    const picture = mergeTraining({ attempts: [], lessons: [] }, null, none);
    assert.equal(picture.progress.status, 'not_started');
    assert.equal(picture.preTaken, false);
    assert.equal(picture.postTaken, false);
    assert.equal(picture.pending, 0);
    assert.deepEqual(picture.attempts, []);
  });

  it('counts records that are still in the outbox, marked pending', () => {
    const pre = localAttempt('a1', 'pre', 50, '2026-11-20T09:00:00+07:00');
    const outbox = new Map<string, OutboxState>([
      ['m-a1', { status: 'pending', problem: null }],
      ['m-l1', { status: 'pending', problem: null }],
    ]);
    const picture = mergeTraining({ attempts: [pre], lessons: [lesson('l1', 'breast-milk')] }, null, outbox);
    assert.equal(picture.progress.status, 'learning');
    assert.equal(picture.preTaken, true);
    assert.equal(picture.pending, 2);
    assert.equal(picture.attempts[0]?.state, 'pending');
    assert.equal(picture.attempts[0]?.source, 'phone');
    assert.equal('mutationId' in (picture.attempts[0] ?? {}), false);
    assert.deepEqual(picture.lessonsDone, ['breast-milk']);
  });

  it("takes the server's copy of a record both hold, once, as synced", () => {
    const pre = localAttempt('a1', 'pre', 50, '2026-11-20T09:00:00+07:00');
    const fromServer = { ...serverAttempt('a1', 'pre', 50, '2026-11-20T02:00:00.000Z'), correct: 9 };
    const picture = mergeTraining({ attempts: [pre], lessons: [] }, server({ attempts: [fromServer] }), none);
    assert.equal(picture.attempts.length, 1);
    assert.equal(picture.attempts[0]?.correct, 9);
    assert.equal(picture.attempts[0]?.state, 'synced');
  });

  it('keeps a sent record the server view does not show yet (fetched before it arrived)', () => {
    const post = localAttempt('a2', 'post', 90, '2026-11-21T09:00:00+07:00');
    const picture = mergeTraining(
      { attempts: [post], lessons: [] },
      server({ attempts: [serverAttempt('a1', 'pre', 40, '2026-11-20T02:00:00.000Z')] }),
      none,
    );
    assert.deepEqual(
      picture.attempts.map((a) => [a.id, a.state]),
      [
        ['a1', 'synced'],
        ['a2', 'synced'],
      ],
    );
    assert.equal(picture.progress.status, 'passed_test');
    assert.equal(picture.progress.preTest?.score, 40);
    assert.equal(picture.progress.bestPostTest?.score, 90);
  });

  it('shows refused records with the reason but never counts them', () => {
    const post = localAttempt('a2', 'post', 100, '2026-11-21T09:00:00+07:00');
    const outbox = new Map([
      ['m-a2', rejected],
      ['m-l1', rejected],
    ]);
    const picture = mergeTraining({ attempts: [post], lessons: [lesson('l1', 'old-lesson')] }, null, outbox);
    assert.equal(picture.progress.status, 'not_started');
    assert.equal(picture.postTaken, false);
    assert.equal(picture.attempts[0]?.state, 'rejected');
    assert.equal(picture.attempts[0]?.problem?.title, 'Isian tidak valid');
    assert.deepEqual(picture.lessonsDone, []);
    assert.deepEqual(
      picture.refusedLessons.map((l) => l.lessonId),
      ['old-lesson'],
    );
    assert.equal(picture.pending, 0);
  });

  it('joins lessons known to the server with those read on this phone, each once', () => {
    const picture = mergeTraining(
      { attempts: [], lessons: [lesson('l1', 'breast-milk'), lesson('l2', 'safety')] },
      server({ lessonsDone: ['breast-milk', 'how-milk-flows'] }),
      none,
    );
    assert.deepEqual([...picture.lessonsDone].sort(), ['breast-milk', 'how-milk-flows', 'safety']);
  });

  it('orders sheets by time, whatever the time zone they were written in', () => {
    const picture = mergeTraining(
      // 07:00 WIB is 00:00 UTC: before the server's 00:30 UTC, though its text sorts after it.
      { attempts: [localAttempt('first', 'post', 70, '2026-11-21T07:00:00+07:00')], lessons: [] },
      server({ attempts: [serverAttempt('second', 'pre', 40, '2026-11-21T00:30:00.000Z')] }),
      none,
    );
    assert.deepEqual(
      picture.attempts.map((a) => a.id),
      ['first', 'second'],
    );
  });

  it('is competent by the latest skill check, which a later failed check takes back', () => {
    const passedTest = server({ attempts: [serverAttempt('a2', 'post', 90, '2026-11-21T00:00:00.000Z')] });
    const competent = mergeTraining(
      { attempts: [], lessons: [] },
      { ...passedTest, skillChecks: [check('2026-11-22T00:00:00.000Z', true)] },
      none,
    );
    assert.equal(competent.progress.status, 'competent');
    const recheckFailed = mergeTraining(
      { attempts: [], lessons: [] },
      {
        ...passedTest,
        skillChecks: [check('2026-11-23T00:00:00.000Z', false), check('2026-11-22T00:00:00.000Z', true)],
      },
      none,
    );
    assert.equal(recheckFailed.progress.status, 'passed_test');
    assert.deepEqual(
      recheckFailed.skillChecks.map((c) => c.passed),
      [true, false],
      'oldest first',
    );
  });

  it('counts an incomplete sheet as taken but never as scored', () => {
    const picture = mergeTraining(
      { attempts: [localAttempt('a1', 'pre', null, '2026-11-20T09:00:00+07:00')], lessons: [] },
      null,
      none,
    );
    assert.equal(picture.preTaken, true);
    assert.equal(picture.progress.preTest, null);
    assert.equal(picture.progress.status, 'not_started');
  });
});
