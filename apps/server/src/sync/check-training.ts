import { lessonById, QUIZ_ITEMS, QUIZ_VERSION, TRAINING_VERSIONS } from '@lancar/content/training';
import { LIMITS, type Mutation } from '@lancar/contracts';
import { scoreQuiz } from '@lancar/domain';
import type { EntryRefusal } from './check-entry.ts';

type TrainingMutation = Exclude<Mutation, { type: 'entry' }>;

const refuse = (field: string, message: string): EntryRefusal => ({ key: 'invalid-input', field, message });

function inFuture(iso: string, now: Date): boolean {
  return new Date(iso).getTime() > now.getTime() + LIMITS.clockSkewMinutes * 60_000;
}

/**
 * A companion's own training records from the phone: a test taken on the current item bank (its answers name real
 * items and options), or a lesson that exists; never in the future.
 */
export function checkTraining(mutation: TrainingMutation, now: Date): EntryRefusal | undefined {
  if (mutation.type === 'quiz_attempt') {
    const { attempt } = mutation;
    if (attempt.itemBankVersion !== QUIZ_VERSION) {
      return refuse(
        'attempt.itemBankVersion',
        `this test (version ${attempt.itemBankVersion}) is no longer used; update the app / versi tes ini sudah tidak dipakai, perbarui aplikasi`,
      );
    }
    if (inFuture(attempt.takenAt, now)) return refuse('attempt.takenAt', 'time is in the future / waktu belum terjadi');
    const scored = scoreQuiz(QUIZ_ITEMS, attempt.answers);
    if (!scored.ok) {
      const first = scored.problems[0];
      return refuse(
        `attempt.answers.${first?.itemId ?? ''}`,
        'not a question or answer of this test / bukan soal atau jawaban tes ini',
      );
    }
    return undefined;
  }
  const { lesson } = mutation;
  if (!lessonById(lesson.lessonId)) return refuse('lesson.lessonId', 'unknown lesson / pelajaran tidak dikenal');
  if (lesson.lessonsVersion > TRAINING_VERSIONS.lessons)
    return refuse('lesson.lessonsVersion', 'unknown lesson version');
  if (inFuture(lesson.completedAt, now))
    return refuse('lesson.completedAt', 'time is in the future / waktu belum terjadi');
  return undefined;
}
