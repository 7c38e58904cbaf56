import type { AttemptView, CompanionTrainingDetail, SkillCheckView } from '@lancar/contracts';
import type { ProblemDetails } from '@lancar/contracts/problem';
import { type LessonCompletionRecord, type TrainingProgress, trainingStatus } from '@lancar/domain';

/**
 * The companion's training as the phone sees it: what this phone recorded (sent or not) merged with the server's
 * view (which also holds paper sheets from group trainings and the midwife's skill checks). Pure, so it is tested
 * without a browser; the phone's storage is in offline/training-store.ts.
 *
 * No content import here: the household home (the phone's first screen) shows the status from this module, and the
 * lessons and the item bank must stay out of that bundle.
 */

/** A test sheet taken on this phone. Shaped like the server's AttemptView, plus the mutation that carries it. */
export interface LocalAttempt {
  id: string;
  mutationId: string;
  phase: 'pre' | 'post';
  itemBankVersion: number;
  /** Every item of the sheet: the chosen option id, or null when left blank. */
  answers: Record<string, string | null>;
  takenAt: string;
  /** scoreQuiz at submission: kept so the status needs no item bank to be computed. */
  score: number | null;
  complete: boolean;
  correct: number;
  answered: number;
  total: number;
}

/** A lesson read to its last page on this phone. */
export interface LocalLesson {
  id: string;
  mutationId: string;
  lessonId: string;
  lessonsVersion: number;
  completedAt: string;
}

export interface LocalTraining {
  attempts: readonly LocalAttempt[];
  lessons: readonly LocalLesson[];
}

/** pending: in the outbox; synced: the server has it; rejected: the server refused it (see `problem`). */
export type RecordState = 'pending' | 'synced' | 'rejected';

/** What the outbox says about a mutation; a mutation no longer in the outbox was applied by the server. */
export interface OutboxState {
  status: 'pending' | 'rejected';
  problem: ProblemDetails | null;
}

export interface TrainingAttempt extends AttemptView {
  state: RecordState;
  problem: ProblemDetails | null;
}

export interface RefusedLesson {
  lessonId: string;
  completedAt: string;
  problem: ProblemDetails | null;
}

export interface TrainingPicture {
  /** Every sheet, oldest first: the server's, and this phone's that the server does not show yet (or refused). */
  attempts: TrainingAttempt[];
  /** Lessons read, by id (on this phone or known to the server); refused ones are not counted. */
  lessonsDone: string[];
  /** Lessons the server refused to record. */
  refusedLessons: RefusedLesson[];
  /** The midwife's (or cadre's) observations, oldest first. */
  skillChecks: SkillCheckView[];
  /** A pre-test / post-test sheet exists that counts (complete or not; not refused). */
  preTaken: boolean;
  postTaken: boolean;
  /** Records of this phone still waiting for the server. */
  pending: number;
  progress: TrainingProgress;
}

function stateOf(
  mutationId: string,
  outbox: ReadonlyMap<string, OutboxState>,
): Pick<TrainingAttempt, 'state' | 'problem'> {
  const item = outbox.get(mutationId);
  if (!item) return { state: 'synced', problem: null };
  return { state: item.status, problem: item.problem };
}

const byTime = (at: (x: TrainingAttempt) => string) => (a: TrainingAttempt, b: TrainingAttempt) =>
  Date.parse(at(a)) - Date.parse(at(b));

/**
 * Merges this phone's records with the server's view by record id: the server's copy wins (it is what counts),
 * a local record it does not show yet is added with its outbox state. Refused records stay visible but never count
 * towards the status.
 */
export function mergeTraining(
  local: LocalTraining,
  server: CompanionTrainingDetail | null,
  outbox: ReadonlyMap<string, OutboxState>,
  passMark?: number,
): TrainingPicture {
  const serverIds = new Set(server?.attempts.map((a) => a.id) ?? []);
  const attempts: TrainingAttempt[] = [
    ...(server?.attempts ?? []).map((a) => ({ ...a, state: 'synced' as const, problem: null })),
    ...local.attempts
      .filter((a) => !serverIds.has(a.id))
      .map(({ mutationId, ...a }): TrainingAttempt => ({ ...a, source: 'phone', ...stateOf(mutationId, outbox) })),
  ].sort(byTime((a) => a.takenAt));
  const counting = attempts.filter((a) => a.state !== 'rejected');

  const serverLessons = server?.lessonsDone ?? [];
  const localLessons = local.lessons.map((l) => ({ ...l, ...stateOf(l.mutationId, outbox) }));
  const refusedLessons = localLessons
    .filter((l) => l.state === 'rejected' && !serverLessons.includes(l.lessonId))
    .map((l) => ({ lessonId: l.lessonId, completedAt: l.completedAt, problem: l.problem }));
  const lessonRecords: LessonCompletionRecord[] = [
    // The server gives lesson ids in the order first read, without times: placed before the phone's own (their
    // order only matters for trainingStatus's lessonsCompleted, which the screens do not show in that order).
    ...serverLessons.map((lessonId, i) => ({ lessonId, completedAt: new Date(i).toISOString() })),
    ...localLessons
      .filter((l) => l.state !== 'rejected')
      .map((l) => ({ lessonId: l.lessonId, completedAt: l.completedAt })),
  ];

  const skillChecks = [...(server?.skillChecks ?? [])].sort(
    (a, b) => Date.parse(a.observedAt) - Date.parse(b.observedAt),
  );
  const progress = trainingStatus(
    {
      lessons: lessonRecords,
      attempts: counting.map((a) => ({
        phase: a.phase,
        itemBankVersion: a.itemBankVersion,
        takenAt: a.takenAt,
        score: a.score,
      })),
      skillChecks: skillChecks.map((c) => ({ observedAt: c.observedAt, passed: c.passed })),
    },
    passMark,
  );
  return {
    attempts,
    lessonsDone: progress.lessonsCompleted,
    refusedLessons,
    skillChecks,
    preTaken: counting.some((a) => a.phase === 'pre'),
    postTaken: counting.some((a) => a.phase === 'post'),
    pending:
      attempts.filter((a) => a.state === 'pending').length + localLessons.filter((l) => l.state === 'pending').length,
    progress,
  };
}
