import { StudyEnrolmentList, StudyParams } from '@lancar/contracts';
import { listEnrolments } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { auditStudy, requireStudy } from './study-access.ts';

export function registerListEnrolments(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/studies/:studyId/enrolments',
    {
      config: { access: { action: 'read', kind: 'study' } },
      schema: {
        tags: ['studies'],
        summary: "A study's enrolled mothers: pseudonym, arm, when enrolled",
        params: StudyParams,
        response: { 200: StudyEnrolmentList },
      },
    },
    async (request) => {
      const { actor, study } = await requireStudy(database.db, request, 'read', request.params.studyId);
      const enrolments = await listEnrolments(database.db, actor.facilityId, study.id);
      await auditStudy(database.db, actor, 'read', study.id, now(), { enrolments: enrolments.length });
      return {
        enrolments: enrolments.map((e) => {
          const arm = study.definition.arms.find((a) => a.id === e.arm_id);
          return {
            pseudonym: e.pseudonym,
            armId: e.arm_id,
            armLabel: arm ? arm.label : null,
            enrolledAt: e.enrolled_at.toISOString(),
          };
        }),
      };
    },
  );
}
