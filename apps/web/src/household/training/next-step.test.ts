import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AttemptView, CompanionTrainingDetail } from '@lancar/contracts';
import { nextTrainingStep } from './next-step.ts';
import { mergeTraining, type TrainingPicture } from './training-records.ts';

const LESSON_IDS = ['breast-milk', 'how-milk-flows', 'technique'];

function sheet(phase: 'pre' | 'post', score: number | null, day: number): AttemptView {
  return {
    id: `${phase}-${day}`,
    phase,
    score,
    complete: score !== null,
    correct: 0,
    answered: 0,
    total: 18,
    source: 'phone',
    takenAt: `2026-11-${String(10 + day).padStart(2, '0')}T02:00:00.000Z`,
    itemBankVersion: 1,
    answers: {},
  };
}

/** A picture from the server's side only: sheets, lessons read, skill check results (oldest first). */
function picture(attempts: AttemptView[], lessonsDone: string[] = [], checks: boolean[] = []): TrainingPicture {
  const server: CompanionTrainingDetail = {
    userId: 'u1',
    displayName: 'Budi',
    phone: null,
    role: 'companion',
    status: 'not_started',
    preScore: null,
    postScore: null,
    lessonsDone,
    lastSkillCheck: null,
    attempts,
    skillChecks: checks.map((passed, i) => ({
      id: `c${i}`,
      observedAt: `2026-11-2${i}T02:00:00.000Z`,
      observerName: null,
      passed,
      results: {},
      notes: null,
    })),
  };
  return mergeTraining({ attempts: [], lessons: [] }, server, new Map());
}

describe('nextTrainingStep', () => {
  it('starts with the pre-test, even when lessons were read first', () => {
    assert.equal(nextTrainingStep(picture([])), 'pre_test');
    assert.equal(nextTrainingStep(picture([], ['breast-milk']), LESSON_IDS), 'pre_test');
  });

  it('an incomplete pre-test still counts as the one pre-test', () => {
    assert.equal(nextTrainingStep(picture([sheet('pre', null, 1)]), LESSON_IDS), 'lessons');
  });

  it('with the curriculum known: the lessons until all are read, then the post-test', () => {
    const pre = sheet('pre', 40, 1);
    assert.equal(nextTrainingStep(picture([pre], ['breast-milk']), LESSON_IDS), 'lessons');
    assert.equal(nextTrainingStep(picture([pre], LESSON_IDS), LESSON_IDS), 'post_test');
    // A lesson of an older curriculum does not stand in for a current one.
    assert.equal(nextTrainingStep(picture([pre], ['breast-milk', 'technique', 'retired']), LESSON_IDS), 'lessons');
  });

  it('without the curriculum (home card): the lessons until a post-test was taken', () => {
    const pre = sheet('pre', 40, 1);
    assert.equal(nextTrainingStep(picture([pre], LESSON_IDS)), 'lessons');
    assert.equal(nextTrainingStep(picture([pre, sheet('post', 60, 2)])), 'post_test');
  });

  it('after a failed post-test: take it again', () => {
    assert.equal(
      nextTrainingStep(picture([sheet('pre', 40, 1), sheet('post', 70, 2)], LESSON_IDS), LESSON_IDS),
      'post_test',
    );
  });

  it('after passing: the skill check; a failed check means practise; a passed one is the end', () => {
    const passed = [sheet('pre', 40, 1), sheet('post', 85, 2)];
    assert.equal(nextTrainingStep(picture(passed)), 'skill_check');
    assert.equal(nextTrainingStep(picture(passed, [], [false])), 'practise');
    assert.equal(nextTrainingStep(picture(passed, [], [false, true])), 'done');
    assert.equal(nextTrainingStep(picture(passed, [], [true, false])), 'practise');
  });

  it('a worse retake does not take the pass back', () => {
    assert.equal(
      nextTrainingStep(picture([sheet('pre', 40, 1), sheet('post', 85, 2), sheet('post', 60, 3)])),
      'skill_check',
    );
  });
});
