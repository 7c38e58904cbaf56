import type { Insertable } from 'kysely';
import type {
  LessonProgress,
  QuizAttempt,
  QuizAttemptTable,
  SkillCheck,
  SkillCheckTable,
  TrainingParticipant,
  TrainingParticipantTable,
  TrainingSession,
  TrainingSessionTable,
} from '../schema.ts';
import type { Executor } from './executor.ts';

type NewAttempt = Omit<Insertable<QuizAttemptTable>, 'answers'> & { answers: Record<string, string | null> };

export async function insertQuizAttempt(db: Executor, attempt: NewAttempt): Promise<void> {
  await db
    .insertInto('quiz_attempt')
    .values({ ...attempt, answers: JSON.stringify(attempt.answers) })
    .execute();
}

export function getQuizAttempt(db: Executor, facilityId: string, id: string): Promise<QuizAttempt | undefined> {
  return db
    .selectFrom('quiz_attempt')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Attempts of companions (by account) and of group participants, oldest first, corrections included. */
export function listQuizAttempts(
  db: Executor,
  facilityId: string,
  who: { userIds?: readonly string[]; participantIds?: readonly string[] },
): Promise<QuizAttempt[]> {
  const userIds = who.userIds ?? [];
  const participantIds = who.participantIds ?? [];
  if (userIds.length === 0 && participantIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('quiz_attempt')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where((eb) =>
      eb.or([
        ...(userIds.length > 0 ? [eb('user_id', 'in', [...userIds])] : []),
        ...(participantIds.length > 0 ? [eb('participant_id', 'in', [...participantIds])] : []),
      ]),
    )
    .orderBy('received_at')
    .orderBy('id')
    .execute();
}

export async function insertLessonProgress(db: Executor, row: Omit<LessonProgress, 'received_at'>): Promise<void> {
  await db.insertInto('lesson_progress').values(row).execute();
}

export function listLessonProgress(
  db: Executor,
  facilityId: string,
  userIds: readonly string[],
): Promise<LessonProgress[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('lesson_progress')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('user_id', 'in', [...userIds])
    .orderBy('completed_at')
    .execute();
}

type NewSkillCheck = Omit<Insertable<SkillCheckTable>, 'results'> & { results: Record<string, 'pass' | 'fail' | null> };

export async function insertSkillCheck(db: Executor, check: NewSkillCheck): Promise<void> {
  await db
    .insertInto('skill_check')
    .values({ ...check, results: JSON.stringify(check.results) })
    .execute();
}

export function listSkillChecks(
  db: Executor,
  facilityId: string,
  who: { userIds?: readonly string[]; participantIds?: readonly string[] },
): Promise<SkillCheck[]> {
  const userIds = who.userIds ?? [];
  const participantIds = who.participantIds ?? [];
  if (userIds.length === 0 && participantIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('skill_check')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where((eb) =>
      eb.or([
        ...(userIds.length > 0 ? [eb('user_id', 'in', [...userIds])] : []),
        ...(participantIds.length > 0 ? [eb('participant_id', 'in', [...participantIds])] : []),
      ]),
    )
    .orderBy('observed_at')
    .execute();
}

export async function createTrainingSession(db: Executor, session: Insertable<TrainingSessionTable>): Promise<void> {
  await db.insertInto('training_session').values(session).execute();
}

export function getTrainingSession(db: Executor, facilityId: string, id: string): Promise<TrainingSession | undefined> {
  return db
    .selectFrom('training_session')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listTrainingSessions(db: Executor, facilityId: string): Promise<TrainingSession[]> {
  return db
    .selectFrom('training_session')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function addParticipant(db: Executor, participant: Insertable<TrainingParticipantTable>): Promise<void> {
  await db.insertInto('training_participant').values(participant).execute();
}

export function listParticipants(
  db: Executor,
  facilityId: string,
  sessionIds: readonly string[],
): Promise<TrainingParticipant[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_participant')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('session_id', 'in', [...sessionIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function setAttendance(db: Executor, facilityId: string, id: string, attended: boolean): Promise<boolean> {
  const result = await db
    .updateTable('training_participant')
    .set({ attended })
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Group participations of companions with an account: their paper sheets belong to their training record. */
export function listParticipationsOfUsers(
  db: Executor,
  facilityId: string,
  userIds: readonly string[],
): Promise<TrainingParticipant[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_participant')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('user_id', 'in', [...userIds])
    .execute();
}

/** A walk-in who became a companion: the participation now belongs to the account. */
export async function linkParticipant(db: Executor, facilityId: string, id: string, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('training_participant')
    .set({ user_id: userId })
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .where('user_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
