import type { AttemptView, CompanionTraining, CompanionTrainingDetail, SkillCheckView } from '@lancar/contracts';
import {
  type Executor,
  listLessonProgress,
  listParticipationsOfUsers,
  listQuizAttempts,
  listSkillChecks,
  type QuizAttempt,
  type SkillCheck,
  type UserAccount,
} from '@lancar/db';
import { trainingStatus } from '@lancar/domain';

/** Sheets that count: those no corrected sheet replaced. */
export function currentAttempts(attempts: readonly QuizAttempt[]): QuizAttempt[] {
  const replaced = new Set(attempts.map((a) => a.supersedes).filter((id): id is string => id !== null));
  return attempts.filter((a) => !replaced.has(a.id));
}

export function attemptView(attempt: QuizAttempt): AttemptView {
  return {
    id: attempt.id,
    phase: attempt.phase,
    score: attempt.score,
    complete: attempt.complete,
    correct: attempt.correct,
    answered: attempt.answered,
    total: attempt.total,
    source: attempt.source,
    takenAt: attempt.taken_at.toISOString(),
    itemBankVersion: attempt.item_bank_version,
    answers: attempt.answers,
  };
}

export function skillCheckView(check: SkillCheck, observers: ReadonlyMap<string, string>): SkillCheckView {
  return {
    id: check.id,
    observedAt: check.observed_at.toISOString(),
    observerName: observers.get(check.observed_by) ?? null,
    passed: check.passed,
    results: check.results,
    notes: check.notes,
  };
}

/**
 * The training picture of companions: status (not started, learning, passed the test, competent), scores, lessons
 * and the last skill check, from their phone records, the paper sheets of group sessions they were registered in,
 * and the midwife's observations. Reads in four queries.
 */
export async function companionTrainings(
  db: Executor,
  facilityId: string,
  users: readonly UserAccount[],
  observers: ReadonlyMap<string, string> = new Map(),
): Promise<CompanionTrainingDetail[]> {
  const userIds = users.map((u) => u.id);
  const participations = await listParticipationsOfUsers(db, facilityId, userIds);
  const participantIds = participations.map((p) => p.id);
  const [attempts, lessons, checks] = await Promise.all([
    listQuizAttempts(db, facilityId, { userIds, participantIds }),
    listLessonProgress(db, facilityId, userIds),
    listSkillChecks(db, facilityId, { userIds, participantIds }),
  ]);
  const ownerOf = new Map(participations.map((p) => [p.id, p.user_id]));
  const belongsTo = (userId: string, row: { user_id: string | null; participant_id: string | null }) =>
    row.user_id === userId || (row.participant_id !== null && ownerOf.get(row.participant_id) === userId);
  return users.map((user) => {
    const own = currentAttempts(attempts.filter((a) => belongsTo(user.id, a)));
    const ownChecks = checks.filter((c) => belongsTo(user.id, c));
    const progress = trainingStatus({
      lessons: lessons
        .filter((l) => l.user_id === user.id)
        .map((l) => ({ lessonId: l.lesson_id, completedAt: l.completed_at.toISOString() })),
      attempts: own.map((a) => ({
        phase: a.phase,
        itemBankVersion: a.item_bank_version,
        takenAt: a.taken_at.toISOString(),
        score: a.score,
      })),
      skillChecks: ownChecks.map((c) => ({ observedAt: c.observed_at.toISOString(), passed: c.passed })),
    });
    const summary: CompanionTraining = {
      userId: user.id,
      displayName: user.display_name,
      phone: user.phone,
      role: user.role,
      status: progress.status,
      preScore: progress.preTest?.score ?? null,
      postScore: progress.bestPostTest?.score ?? null,
      lessonsDone: progress.lessonsCompleted,
      lastSkillCheck: progress.latestSkillCheck
        ? { observedAt: progress.latestSkillCheck.observedAt, passed: progress.latestSkillCheck.passed }
        : null,
    };
    return {
      ...summary,
      attempts: own.map(attemptView),
      skillChecks: ownChecks.map((c) => skillCheckView(c, observers)),
    };
  });
}
