import { type Executor, listEnrolledCandidates, listEnrolments, readStudyRecords } from '@lancar/db';
import type { Study } from './study-access.ts';
import { type Participant, type ParticipantValues, participantValues, studyVariables } from './study-variables.ts';

/**
 * The study's participants (enrolled mothers who still consent to research; one who withdrew consent drops out of
 * every export and analysis) and their values of every variable.
 */
export async function loadStudyData(db: Executor, study: Study) {
  const enrolments = await listEnrolments(db, study.facility_id, study.id);
  const mothers = await listEnrolledCandidates(
    db,
    study.facility_id,
    enrolments.map((e) => e.mother_id),
  );
  const byId = new Map(mothers.map((m) => [m.id, m]));
  const participants: Participant[] = enrolments.flatMap((e) => {
    const mother = byId.get(e.mother_id);
    return mother ? [{ mother, armId: e.arm_id, enrolledAt: e.enrolled_at }] : [];
  });
  const records = await readStudyRecords(
    db,
    study.facility_id,
    participants.map((p) => p.mother.id),
  );
  const variables = studyVariables(study.definition);
  const rows: ParticipantValues[] = participantValues(study.definition, participants, records);
  return { variables, rows };
}

/** studi-<first 8 characters of the id>, for file names (titles may hold any character). */
export const studyFileStem = (studyId: string) => `lancar-studi-${studyId.slice(0, 8)}`;
