import type { EntryMutation, Mutation } from '@lancar/contracts';
import { demoId } from '@lancar/db';
import { newId } from '@lancar/domain';

/** Demo household used by sync tests: Siti (day 2) and her baby, at Puskesmas Sukamaju. */
export const SITI = demoId('mother:siti');
export const SITI_BABY = demoId('baby:siti:1');

type EntryOf<K extends EntryMutation['entry']['kind']> = Extract<EntryMutation['entry'], { kind: K }>;

/** A mutation as a phone makes it: fresh ids, WIB offset, recorded now. */
export function mutation<K extends EntryMutation['entry']['kind']>(
  kind: K,
  data: EntryOf<K>['data'],
  options: {
    occurredAt?: Date;
    motherId?: string;
    babyId?: string | null;
    supersedes?: string | null;
    entryId?: string;
  } = {},
): EntryMutation {
  const occurred = options.occurredAt ?? new Date(Date.now() - 60_000);
  return {
    mutationId: newId(),
    type: 'entry',
    recordedAt: new Date().toISOString(),
    schemaVersion: 1,
    entry: {
      id: options.entryId ?? newId(),
      motherId: options.motherId ?? SITI,
      babyId:
        options.babyId === undefined ? (['feed', 'nappy', 'weight'].includes(kind) ? SITI_BABY : null) : options.babyId,
      kind,
      occurredAt: occurred.toISOString(),
      tzOffsetMin: 420,
      supersedes: options.supersedes ?? null,
      data,
    } as EntryMutation['entry'],
  };
}

/** A knowledge test taken on the phone: every item answered from `pick` (its correct option, or another). */
export function quizMutation(
  phase: 'pre' | 'post',
  answers: Record<string, string | null>,
  options: { takenAt?: Date; itemBankVersion?: number } = {},
): Mutation {
  return {
    mutationId: newId(),
    type: 'quiz_attempt',
    recordedAt: new Date().toISOString(),
    schemaVersion: 1,
    attempt: {
      id: newId(),
      phase,
      itemBankVersion: options.itemBankVersion ?? 1,
      answers,
      takenAt: (options.takenAt ?? new Date(Date.now() - 60_000)).toISOString(),
    },
  };
}

export function lessonMutation(lessonId: string, completedAt = new Date(Date.now() - 60_000)): Mutation {
  return {
    mutationId: newId(),
    type: 'lesson_done',
    recordedAt: new Date().toISOString(),
    schemaVersion: 1,
    lesson: { id: newId(), lessonId, lessonsVersion: 1, completedAt: completedAt.toISOString() },
  };
}
