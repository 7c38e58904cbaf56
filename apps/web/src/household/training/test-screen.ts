import type { QuizPhase } from './quiz-draft.ts';
import type { TrainingAttempt, TrainingPicture } from './training-records.ts';

/** What /belajar/tes/pre and /belajar/tes/post show. */
export type TestScreen =
  /** The post-test was opened before any pre-test: explain that the pre-test comes first. */
  | { kind: 'pre_first' }
  /** Nothing yet: what the test is, and a start button. */
  | { kind: 'intro' }
  /** A sheet is being filled in (started here or resumed). */
  | { kind: 'sheet' }
  /** A sheet was sent: its result (for the post-test, with the option to take it again). */
  | { kind: 'result'; attempt: TrainingAttempt };

/**
 * - Pre-test: taken once, as the baseline. Once a sheet counts (not refused), the page shows its result, even if a
 *   draft is left over (for example from another session): a second pre-test would not be a baseline.
 * - Post-test: only after a pre-test; a draft in progress comes first, then the latest sheet's result (refused ones
 *   too, so the person sees why), then the intro.
 */
export function testScreen(phase: QuizPhase, picture: TrainingPicture, hasDraft: boolean): TestScreen {
  if (phase === 'pre') {
    const first = picture.attempts.find((a) => a.phase === 'pre' && a.state !== 'rejected');
    if (first) return { kind: 'result', attempt: first };
    return hasDraft ? { kind: 'sheet' } : { kind: 'intro' };
  }
  if (!picture.preTaken) return { kind: 'pre_first' };
  if (hasDraft) return { kind: 'sheet' };
  const latest = picture.attempts.filter((a) => a.phase === 'post').at(-1);
  return latest ? { kind: 'result', attempt: latest } : { kind: 'intro' };
}
