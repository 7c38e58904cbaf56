import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PASS_MARK, type TestAttemptRecord, type TrainingRecords, trainingStatus } from './training-status.ts';

const NONE: TrainingRecords = { lessons: [], attempts: [], skillChecks: [] };

function attempt(phase: 'pre' | 'post', day: number, score: number | null, itemBankVersion = 1): TestAttemptRecord {
  return { phase, itemBankVersion, takenAt: `2026-03-${String(day).padStart(2, '0')}T09:00:00+07:00`, score };
}
const lesson = (lessonId: string, day: number) => ({
  lessonId,
  completedAt: `2026-03-${String(day).padStart(2, '0')}T08:00:00+07:00`,
});
const check = (day: number, passed: boolean) => ({
  observedAt: `2026-03-${String(day).padStart(2, '0')}T10:00:00+07:00`,
  passed,
});

describe('trainingStatus', () => {
  it('is not started without records', () => {
    const progress = trainingStatus(NONE);
    assert.equal(progress.status, 'not_started');
    assert.deepEqual(progress.lessonsCompleted, []);
    assert.equal(progress.preTest, null);
    assert.equal(progress.bestPostTest, null);
    assert.equal(progress.testPassed, false);
    assert.equal(progress.passMark, DEFAULT_PASS_MARK);
  });

  it('does not count an abandoned (incomplete) sheet as a start', () => {
    assert.equal(trainingStatus({ ...NONE, attempts: [attempt('pre', 1, null)] }).status, 'not_started');
  });

  it('is learning after a complete pre-test or a lesson', () => {
    assert.equal(trainingStatus({ ...NONE, attempts: [attempt('pre', 1, 40)] }).status, 'learning');
    assert.equal(trainingStatus({ ...NONE, lessons: [lesson('safety', 1)] }).status, 'learning');
  });

  it('stays learning after a post-test below the pass mark', () => {
    const progress = trainingStatus({ ...NONE, attempts: [attempt('pre', 1, 40), attempt('post', 2, 78)] });
    assert.equal(progress.status, 'learning');
    assert.equal(progress.testPassed, false);
  });

  it('passes the test with a complete post-test at the pass mark', () => {
    const progress = trainingStatus({ ...NONE, attempts: [attempt('post', 2, 80)] });
    assert.equal(progress.status, 'passed_test');
    assert.equal(progress.testPassed, true);
  });

  it('counts the best post-test: a worse retake does not undo a pass', () => {
    const progress = trainingStatus({
      ...NONE,
      attempts: [attempt('post', 2, 72), attempt('post', 3, 89), attempt('post', 4, 61)],
    });
    assert.equal(progress.status, 'passed_test');
    assert.equal(progress.bestPostTest?.score, 89);
    assert.equal(progress.latestPostTest?.score, 61);
  });

  it('takes the earliest of equal best scores, whatever order the records come in', () => {
    const progress = trainingStatus({ ...NONE, attempts: [attempt('post', 5, 89), attempt('post', 3, 89)] });
    assert.equal(progress.bestPostTest?.takenAt, attempt('post', 3, 89).takenAt);
    assert.equal(progress.latestPostTest?.takenAt, attempt('post', 5, 89).takenAt);
  });

  it('keeps the first complete pre-test as the baseline', () => {
    const progress = trainingStatus({
      ...NONE,
      attempts: [attempt('pre', 3, 70), attempt('pre', 1, null), attempt('pre', 2, 44)],
    });
    assert.deepEqual(progress.preTest, { score: 44, itemBankVersion: 1, takenAt: attempt('pre', 2, 44).takenAt });
  });

  it('counts a pass on an older item bank version', () => {
    const progress = trainingStatus({ ...NONE, attempts: [attempt('post', 2, 83, 1)] });
    assert.equal(progress.status, 'passed_test');
    assert.equal(progress.bestPostTest?.itemBankVersion, 1);
  });

  it('is competent when the latest skill check passed, and says apart whether the test was passed', () => {
    const progress = trainingStatus({ ...NONE, lessons: [lesson('technique', 1)], skillChecks: [check(2, true)] });
    assert.equal(progress.status, 'competent');
    assert.equal(progress.testPassed, false);
    const both = trainingStatus({ ...NONE, attempts: [attempt('post', 2, 94)], skillChecks: [check(3, true)] });
    assert.equal(both.status, 'competent');
    assert.equal(both.testPassed, true);
  });

  it('goes by the latest skill check: a failed re-check takes competence away, a new pass gives it back', () => {
    const records = { ...NONE, attempts: [attempt('post', 1, 90)], skillChecks: [check(4, false), check(2, true)] };
    assert.equal(trainingStatus(records).status, 'passed_test');
    assert.equal(trainingStatus(records).latestSkillCheck?.passed, false);
    assert.equal(
      trainingStatus({ ...records, skillChecks: [...records.skillChecks, check(6, true)] }).status,
      'competent',
    );
  });

  it('uses the programme pass mark it is given', () => {
    const records = { ...NONE, attempts: [attempt('post', 2, 75)] };
    assert.equal(trainingStatus(records).status, 'learning');
    assert.equal(trainingStatus(records, 70).status, 'passed_test');
    assert.equal(trainingStatus(records, 70).passMark, 70);
  });

  it('lists each lesson once, in the order first completed', () => {
    const progress = trainingStatus({
      ...NONE,
      lessons: [lesson('safety', 3), lesson('breast-milk', 1), lesson('safety', 2), lesson('technique', 4)],
    });
    assert.deepEqual(progress.lessonsCompleted, ['breast-milk', 'safety', 'technique']);
  });

  it('refuses a pass mark or score outside 0–100 and unreadable dates', () => {
    assert.throws(() => trainingStatus(NONE, 120), RangeError);
    assert.throws(() => trainingStatus(NONE, Number.NaN), RangeError);
    assert.throws(() => trainingStatus({ ...NONE, attempts: [attempt('post', 2, 101)] }), RangeError);
    assert.throws(
      () => trainingStatus({ ...NONE, skillChecks: [{ observedAt: 'yesterday', passed: true }] }),
      RangeError,
    );
  });
});
