import type { Mutation } from '@lancar/contracts';
import { newId } from '@lancar/domain';
import { localIso, outbox } from '../../offline/household-store.ts';
import { localDb, type OutboxItem } from '../../offline/local-db.ts';
import { syncNow } from '../../offline/sync-engine.ts';
import { loadTraining, TRAINING_KEYS } from '../../offline/training-store.ts';
import { me } from '../../session.ts';
import type { QuizDraft, QuizPhase } from './quiz-draft.ts';
import type { LocalAttempt, LocalLesson } from './training-records.ts';

/**
 * What the training screens write on the phone: a sent test, a lesson read to the end, and the test being filled
 * in. Kept apart from offline/training-store.ts (which only reads) so that these load with the training screens,
 * not with the phone's first screen. Ids and mutation ids are fresh UUIDv7s made on the phone.
 */

/**
 * Writes a record and its outbox item in ONE IndexedDB transaction (and `alsoDelete`, e.g. the finished draft), so
 * a record is never shown without being queued; then reloads the training signal and tries to send right away.
 */
async function saveWithOutbox(
  userId: string,
  key: string,
  record: LocalAttempt | LocalLesson,
  mutation: Mutation,
  queuedAt: Date,
  alsoDelete?: string,
): Promise<void> {
  const item: OutboxItem = {
    mutationId: mutation.mutationId,
    mutation,
    queuedAt: queuedAt.toISOString(),
    status: 'pending',
    problem: null,
  };
  const db = await localDb(userId);
  const tx = db.transaction(['meta', 'outbox'], 'readwrite');
  const meta = tx.objectStore('meta');
  await Promise.all([
    meta.put(record, key),
    tx.objectStore('outbox').put(item),
    alsoDelete === undefined ? undefined : meta.delete(alsoDelete),
    tx.done,
  ]);
  // The household store's outbox feeds the sync line and /kirim and holds the logged-in account's outbox (the next
  // sync round reloads it from the database anyway).
  if (me.value?.userId === userId) outbox.value = [...outbox.value, item];
  await loadTraining(userId);
  void syncNow(userId);
}

export type NewAttempt = Omit<LocalAttempt, 'mutationId'>;

/** Saves a sent test on the phone and queues it; the draft it came from is removed in the same transaction. */
export async function saveQuizAttempt(userId: string, attempt: NewAttempt): Promise<LocalAttempt> {
  const now = new Date();
  const record: LocalAttempt = { ...attempt, mutationId: newId(now.getTime()) };
  const mutation: Mutation = {
    mutationId: record.mutationId,
    type: 'quiz_attempt',
    recordedAt: localIso(now),
    schemaVersion: 1,
    attempt: {
      id: record.id,
      phase: record.phase,
      itemBankVersion: record.itemBankVersion,
      answers: record.answers,
      takenAt: record.takenAt,
    },
  };
  await saveWithOutbox(
    userId,
    TRAINING_KEYS.attempt(record.id),
    record,
    mutation,
    now,
    TRAINING_KEYS.draft(record.phase),
  );
  return record;
}

/** Saves "this lesson was read to the end" on the phone and queues it. */
export async function saveLessonDone(userId: string, lessonId: string, lessonsVersion: number): Promise<LocalLesson> {
  const now = new Date();
  const record: LocalLesson = {
    id: newId(now.getTime()),
    mutationId: newId(now.getTime()),
    lessonId,
    lessonsVersion,
    completedAt: localIso(now),
  };
  const mutation: Mutation = {
    mutationId: record.mutationId,
    type: 'lesson_done',
    recordedAt: record.completedAt,
    schemaVersion: 1,
    lesson: { id: record.id, lessonId, lessonsVersion, completedAt: record.completedAt },
  };
  await saveWithOutbox(userId, TRAINING_KEYS.lesson(record.id), record, mutation, now);
  return record;
}

/** The test being filled in, as stored (the caller checks it against the item bank with resumeDraft). */
export async function loadDraft(userId: string, phase: QuizPhase): Promise<unknown> {
  return (await localDb(userId)).get('meta', TRAINING_KEYS.draft(phase));
}

export async function saveDraft(userId: string, draft: QuizDraft): Promise<void> {
  await (await localDb(userId)).put('meta', draft, TRAINING_KEYS.draft(draft.phase));
}

export async function clearDraft(userId: string, phase: QuizPhase): Promise<void> {
  await (await localDb(userId)).delete('meta', TRAINING_KEYS.draft(phase));
}
