import type { TrainingResults } from '@lancar/contracts';
import {
  type Executor,
  getFacility,
  listParticipants,
  listQuizAttempts,
  listTrainingSessions,
  listUsersByRole,
  type QuizAttempt,
} from '@lancar/db';
import { loadSession, sessionView, sheetsOfParticipant } from '../session-views.ts';
import { currentAttempts } from '../training-views.ts';
import { analyseResults, type ResultPerson, type ResultSheet } from './analyse-results.ts';

function sheet(a: QuizAttempt): ResultSheet {
  return {
    phase: a.phase,
    score: a.score,
    source: a.source,
    takenAt: a.taken_at.toISOString(),
    itemBankVersion: a.item_bank_version,
    answers: a.answers,
  };
}

/** Results of one group session: its participants and the sheets entered for them. */
export async function loadSessionResults(
  db: Executor,
  facilityId: string,
  sessionId: string,
  now: Date,
): Promise<TrainingResults | undefined> {
  const data = await loadSession(db, facilityId, sessionId);
  if (!data) return undefined;
  const people: ResultPerson[] = data.participants.map((p) => ({
    key: p.id,
    name: p.display_name,
    sheets: sheetsOfParticipant(data.attempts, p).map(sheet),
  }));
  const { session } = data;
  return analyseResults(
    {
      scope: 'session',
      title: `${session.place} (${session.held_on})`,
      session: sessionView(session, data.participants),
      generatedAt: now.toISOString(),
    },
    people,
  );
}

/**
 * Results of the whole facility: every companion who took a test on the phone and every group participant. A
 * participant linked to a companion account is the same person as that account, so their sheets are merged; a
 * walk-in is one person per session they attended.
 */
export async function loadFacilityResults(db: Executor, facilityId: string, now: Date): Promise<TrainingResults> {
  const [facility, sessions, users] = await Promise.all([
    getFacility(db, facilityId),
    listTrainingSessions(db, facilityId),
    listUsersByRole(db, facilityId, ['companion', 'cadre']),
  ]);
  const participants = await listParticipants(
    db,
    facilityId,
    sessions.map((s) => s.id),
  );
  const attempts = currentAttempts(
    await listQuizAttempts(db, facilityId, {
      userIds: users.map((u) => u.id),
      participantIds: participants.map((p) => p.id),
    }),
  );
  const people = new Map<string, { name: string; sheets: ResultSheet[] }>();
  const personOf = (key: string, name: string) => {
    const found = people.get(key) ?? { name, sheets: [] };
    people.set(key, found);
    return found;
  };
  const participantKey = new Map(participants.map((p) => [p.id, p.user_id ?? p.id]));
  for (const p of participants) personOf(p.user_id ?? p.id, p.display_name);
  const userNames = new Map(users.map((u) => [u.id, u.display_name]));
  for (const a of attempts) {
    const key = a.user_id ?? (a.participant_id ? participantKey.get(a.participant_id) : undefined);
    if (!key) continue;
    personOf(key, userNames.get(key) ?? '').sheets.push(sheet(a));
  }
  // Companions who have not taken any test are not part of a pre-post analysis.
  const withSheets = [...people.entries()].filter(([, p]) => p.sheets.length > 0);
  return analyseResults(
    { scope: 'facility', title: facility?.name ?? '', session: null, generatedAt: now.toISOString() },
    withSheets.map(([key, p]) => ({ key, name: p.name, sheets: p.sheets })),
  );
}
