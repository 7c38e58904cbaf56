import { StudyList } from '@lancar/contracts';
import { listStudies } from '@lancar/db';
import type { StudyDefinition } from '@lancar/domain';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { auditStudy } from './study-access.ts';

export function registerListStudies(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/studies',
    {
      config: { access: { action: 'list', kind: 'study' } },
      schema: {
        tags: ['studies'],
        summary: "The facility's studies with how many mothers each has enrolled",
        response: { 200: StudyList },
      },
    },
    async (request) => {
      const actor = authorize(request, 'list', { kind: 'study', facilityId: request.actor?.facilityId ?? '' });
      const studies = await listStudies<StudyDefinition>(database.db, actor.facilityId);
      await auditStudy(database.db, actor, 'list', null, now(), { studies: studies.length });
      return {
        studies: studies.map((s) => ({
          id: s.id,
          title: s.title,
          design: s.definition.design,
          status: s.status,
          createdAt: s.created_at.toISOString(),
          enrolled: s.enrolled,
        })),
      };
    },
  );
}
