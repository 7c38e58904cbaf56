import { StudyAnalysis, StudyParams } from '@lancar/contracts';
import type { App, AppContext } from '../../app-types.ts';
import { loadStudyData } from './load-study-data.ts';
import { auditStudy, requireStudy } from './study-access.ts';
import { analyseStudy } from './study-analysis.ts';

export function registerGetStudyAnalysis(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/studies/:studyId/analysis',
    {
      config: { access: { action: 'read', kind: 'study' } },
      schema: {
        tags: ['studies'],
        summary:
          'Table 1 by group, the primary outcome compared with the automatically chosen test and effect size, and APA-style result sentences (Indonesian, English)',
        params: StudyParams,
        response: { 200: StudyAnalysis },
      },
    },
    async (request) => {
      const { actor, study } = await requireStudy(database.db, request, 'read', request.params.studyId);
      const { rows } = await loadStudyData(database.db, study);
      await auditStudy(database.db, actor, 'read', study.id, now(), { analysis: true, participants: rows.length });
      return analyseStudy(study.id, study.definition, rows);
    },
  );
}
