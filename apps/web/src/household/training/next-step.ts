import type { TrainingPicture } from './training-records.ts';

/**
 * What the companion should do next on the training path: the pre-test (once), the lessons, the post-test, then
 * showing the massage to the midwife or cadre. No content import (see training-records.ts).
 */
export type TrainingStep =
  /** Take the pre-test: a baseline before learning, taken once. */
  | 'pre_test'
  /** Read the lessons (then take the post-test). */
  | 'lessons'
  /** Take the post-test, or take it again. */
  | 'post_test'
  /** Show the massage to the midwife or cadre, who checks each step. */
  | 'skill_check'
  /** The last skill check found steps to practise: practise them and ask for another check. */
  | 'practise'
  /** Competent: nothing left on the path. */
  | 'done';

/**
 * The next step. `lessonIds` are the curriculum's lessons when the caller knows them (the training screens); the
 * home card does not load the lessons, so without them "read the lessons" lasts until a post-test was taken.
 */
export function nextTrainingStep(picture: TrainingPicture, lessonIds: readonly string[] | null = null): TrainingStep {
  const { progress } = picture;
  if (progress.status === 'competent') return 'done';
  if (progress.testPassed)
    return progress.latestSkillCheck && !progress.latestSkillCheck.passed ? 'practise' : 'skill_check';
  if (!picture.preTaken) return 'pre_test';
  if (lessonIds === null) return picture.postTaken ? 'post_test' : 'lessons';
  return lessonIds.some((id) => !picture.lessonsDone.includes(id)) ? 'lessons' : 'post_test';
}
