import type { ParticipantView, TrainingSessionDetail, TrainingSessionView } from '@lancar/contracts';
import {
  type Executor,
  getTrainingSession,
  listParticipants,
  listQuizAttempts,
  type QuizAttempt,
  type TrainingParticipant,
  type TrainingSession,
} from '@lancar/db';
import { attemptView, currentAttempts } from './training-views.ts';

export function sessionView(
  session: TrainingSession,
  participants: readonly TrainingParticipant[],
): TrainingSessionView {
  const own = participants.filter((p) => p.session_id === session.id);
  return {
    id: session.id,
    heldOn: session.held_on,
    place: session.place,
    facilitators: session.facilitators,
    notes: session.notes,
    participants: own.length,
    attended: own.filter((p) => p.attended).length,
  };
}

/** The paper sheet of a phase entered for a participant: the newest current one (a correction replaces the old). */
export function paperSheetOf(
  attempts: readonly QuizAttempt[],
  participantId: string,
  phase: 'pre' | 'post',
): QuizAttempt | undefined {
  return currentAttempts(attempts)
    .filter((a) => a.participant_id === participantId && a.phase === phase)
    .at(-1);
}

/**
 * Every current sheet of a participant: paper sheets entered for them and, when they are a companion with an
 * account, the tests they took on their own phone.
 */
export function sheetsOfParticipant(attempts: readonly QuizAttempt[], participant: TrainingParticipant): QuizAttempt[] {
  return currentAttempts(attempts).filter(
    (a) => a.participant_id === participant.id || (participant.user_id !== null && a.user_id === participant.user_id),
  );
}

/** The sheet shown for a phase: the one the results count (first complete), else the latest partial one. */
function shownSheet(sheets: readonly QuizAttempt[], phase: 'pre' | 'post'): QuizAttempt | undefined {
  const ofPhase = sheets.filter((a) => a.phase === phase).sort((a, b) => a.taken_at.getTime() - b.taken_at.getTime());
  return ofPhase.find((a) => a.score !== null) ?? ofPhase.at(-1);
}

export interface SessionData {
  session: TrainingSession;
  participants: TrainingParticipant[];
  attempts: QuizAttempt[];
}

export async function loadSession(
  db: Executor,
  facilityId: string,
  sessionId: string,
): Promise<SessionData | undefined> {
  const session = await getTrainingSession(db, facilityId, sessionId);
  if (!session) return undefined;
  const participants = await listParticipants(db, facilityId, [sessionId]);
  const attempts = await listQuizAttempts(db, facilityId, {
    participantIds: participants.map((p) => p.id),
    userIds: participants.flatMap((p) => (p.user_id ? [p.user_id] : [])),
  });
  return { session, participants, attempts };
}

export function sessionDetail({ session, participants, attempts }: SessionData): TrainingSessionDetail {
  const participantList: ParticipantView[] = participants.map((p) => {
    const sheets = sheetsOfParticipant(attempts, p);
    const pre = shownSheet(sheets, 'pre');
    const post = shownSheet(sheets, 'post');
    return {
      id: p.id,
      userId: p.user_id,
      displayName: p.display_name,
      phone: p.phone,
      attended: p.attended,
      pre: pre ? attemptView(pre) : null,
      post: post ? attemptView(post) : null,
    };
  });
  return { ...sessionView(session, participants), participantList };
}
