import { StudyDetail, StudyParams } from '@lancar/contracts';
import type { App, AppContext } from '../../app-types.ts';
import { auditStudy, requireStudy } from './study-access.ts';
import { studyDetail } from './study-detail.ts';

export function registerGetStudy(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/studies/:studyId',
    {
      config: { access: { action: 'read', kind: 'study' } },
      schema: {
        tags: ['studies'],
        summary: 'A study: its definition and how many mothers each arm has (never the allocation sequence)',
        params: StudyParams,
        response: { 200: StudyDetail },
      },
    },
    async (request) => {
      const { actor, study } = await requireStudy(database.db, request, 'read', request.params.studyId);
      await auditStudy(database.db, actor, 'read', study.id, now());
      return studyDetail(database.db, study);
    },
  );
}
