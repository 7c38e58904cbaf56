import { StudyDetail, StudyParams, UpdateStudyBody } from '@lancar/contracts';
import { getStudy, setStudyStatus } from '@lancar/db';
import type { StudyDefinition } from '@lancar/domain';
import type { App, AppContext } from '../../app-types.ts';
import { Problem } from '../../problem.ts';
import { auditStudy, requireStudy } from './study-access.ts';
import { studyDetail } from './study-detail.ts';

/** The changes a study's status may make: forward only, so a closed study's data stays as analysed. */
const ALLOWED: Record<string, readonly string[]> = {
  draft: ['recruiting', 'closed'],
  recruiting: ['closed'],
  closed: [],
};

export function registerUpdateStudy(app: App, { database, now }: AppContext): void {
  app.patch(
    '/api/studies/:studyId',
    {
      config: { access: { action: 'update', kind: 'study' } },
      schema: {
        tags: ['studies'],
        summary: 'Start recruiting a draft study, or close a study (enrolment stops; data and analysis stay)',
        params: StudyParams,
        body: UpdateStudyBody,
        response: { 200: StudyDetail },
      },
    },
    async (request) => {
      const at = now();
      const { status } = request.body;
      const study = await database.db.transaction().execute(async (tx) => {
        const { actor, study } = await requireStudy(tx, request, 'update', request.params.studyId, {
          forUpdate: true,
        });
        if (study.status === status) return study;
        if (!ALLOWED[study.status]?.includes(status)) throw new Problem('study-status-change');
        await setStudyStatus(tx, actor.facilityId, study.id, status);
        await auditStudy(tx, actor, 'update', study.id, at, { status: { from: study.status, to: status } });
        return { ...study, status };
      });
      const stored = await getStudy<StudyDefinition>(database.db, study.facility_id, study.id);
      if (!stored) throw new Problem('internal');
      return studyDetail(database.db, stored);
    },
  );
}
