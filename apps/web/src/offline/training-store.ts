import type { CompanionTrainingDetail } from '@lancar/contracts';
import { computed, signal } from '@preact/signals';
import { get } from '../api/client.ts';
import type { QuizPhase } from '../household/training/quiz-draft.ts';
import {
  type LocalAttempt,
  type LocalLesson,
  type LocalTraining,
  mergeTraining,
  type OutboxState,
  type TrainingPicture,
} from '../household/training/training-records.ts';
import { me } from '../session.ts';
import { outbox } from './household-store.ts';
import { localDb } from './local-db.ts';

/**
 * The companion's training on this phone: the tests and lessons recorded here (sent or not), the server's view as
 * last fetched (so the status shows offline), and the test sheet being filled in.
 *
 * Storage: records live in the existing `meta` store under "training:" keys, one key per record, rather than in a
 * new object store. A new store means opening the database as version 2, and a version change waits until every
 * other tab still holding version 1 closes (the upgrade is "blocked"), which on a family phone with the app open in
 * two tabs would stall the household screens too. The records are few (8 lessons, a handful of sheets), so a key
 * range over `meta` reads them in one request, and a record and its outbox item are still written in ONE
 * transaction (meta + outbox), so a record is never shown without being queued. Logging out removes them with the
 * rest of the account's database (forgetLocalData), only once the outbox is empty.
 *
 * This module is part of the phone's first bundle (the home card and the sync loop read it), so it only reads; the
 * writes (a sent test, a lesson read, the draft) are in household/training/training-writes.ts, which loads with the
 * training screens that make them.
 */

/** Where each record is kept in `meta`. */
export const TRAINING_KEYS = {
  attempt: (id: string) => `training:attempt:${id}`,
  lesson: (id: string) => `training:lesson:${id}`,
  server: 'training:server',
  draft: (phase: QuizPhase) => `training:draft:${phase}`,
};
/** All keys that start with `prefix` ("\uffff" sorts after every character an id uses). */
const startingWith = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);

/** Roles that may read their own training (policy: `training: { read: 'own' }` or wider). */
const READS_OWN_TRAINING = ['companion', 'cadre', 'mother'];

interface StoredServerView {
  view: CompanionTrainingDetail;
  fetchedAt: string;
}

interface TrainingOnPhone extends LocalTraining {
  userId: string;
  server: StoredServerView | null;
}

const onPhone = signal<TrainingOnPhone | undefined>(undefined);

const outboxStates = computed(() => new Map<string, OutboxState>(outbox.value.map((item) => [item.mutationId, item])));

export type TrainingOnThisPhone = TrainingPicture & { userId: string; serverFetchedAt: string | null };

/** The merged picture for the account whose records are loaded; undefined until loaded. */
export const trainingPicture = computed<TrainingOnThisPhone | undefined>(() => {
  const stored = onPhone.value;
  if (!stored) return undefined;
  return {
    ...mergeTraining(stored, stored.server?.view ?? null, outboxStates.value),
    userId: stored.userId,
    serverFetchedAt: stored.server?.fetchedAt ?? null,
  };
});

let loads = 0;

/** Reads this account's training records from the phone into the signal (the last read started wins). */
export async function loadTraining(userId: string): Promise<void> {
  const load = ++loads;
  const db = await localDb(userId);
  const [attempts, lessons, server] = await Promise.all([
    db.getAll('meta', startingWith(TRAINING_KEYS.attempt(''))) as Promise<LocalAttempt[]>,
    db.getAll('meta', startingWith(TRAINING_KEYS.lesson(''))) as Promise<LocalLesson[]>,
    db.get('meta', TRAINING_KEYS.server) as Promise<StoredServerView | undefined>,
  ]);
  if (load !== loads) return;
  onPhone.value = { userId, attempts, lessons, server: server ?? null };
}

/**
 * Fetches the server's view (GET /api/training/me: status, every sheet including paper ones, lessons, skill checks)
 * and keeps it on the phone. Called after each sync round, for the roles that may read their own training only.
 */
export async function refreshServerTraining(userId: string): Promise<void> {
  const user = me.value;
  if (!user || user.userId !== userId || !READS_OWN_TRAINING.includes(user.role)) return;
  const view = await get<CompanionTrainingDetail>('/api/training/me');
  const db = await localDb(userId);
  await db.put('meta', { view, fetchedAt: new Date().toISOString() } satisfies StoredServerView, TRAINING_KEYS.server);
  await loadTraining(userId);
}
