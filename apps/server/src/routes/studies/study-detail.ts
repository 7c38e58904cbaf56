import type { StudyDetail } from '@lancar/contracts';
import { type Executor, listEnrolments, type StudyRow } from '@lancar/db';
import type { StudyDefinition } from '@lancar/domain';

/** All participants of a one-group study. */
export const ALL_PARTICIPANTS = { id: 'Semua peserta', en: 'All participants' };

/** What a client may see of a study: its definition and counts per arm. Never the allocation sequence. */
export async function studyDetail(db: Executor, study: StudyRow<StudyDefinition, unknown>): Promise<StudyDetail> {
  const enrolments = await listEnrolments(db, study.facility_id, study.id);
  const { definition } = study;
  const arms =
    definition.arms.length === 0
      ? [{ armId: null, label: ALL_PARTICIPANTS, enrolled: enrolments.length }]
      : definition.arms.map((arm) => ({
          armId: arm.id,
          label: arm.label,
          enrolled: enrolments.filter((e) => e.arm_id === arm.id).length,
        }));
  return {
    id: study.id,
    status: study.status,
    createdAt: study.created_at.toISOString(),
    definition: { ...definition },
    enrolled: enrolments.length,
    arms,
  };
}
