import { ResearchRecordList } from '@lancar/contracts';
import { listResearchRecords, recordAudit } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';

export function registerListResearchRecords(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/research/records',
    {
      config: { access: { action: 'list', kind: 'research_record' } },
      schema: {
        tags: ['research'],
        summary: 'Pseudonymised records of mothers who consented to research: no names, NIK, phones or exact dates',
        response: { 200: ResearchRecordList },
      },
    },
    async (request) => {
      const actor = authorize(request, 'list', {
        kind: 'research_record',
        facilityId: request.actor?.facilityId ?? '',
      });
      const at = now();
      const records = await listResearchRecords(database.db, actor.facilityId, at);
      await recordAudit(database.db, {
        facilityId: actor.facilityId,
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'export',
        subjectType: 'research_records',
        subjectId: null,
        purpose: 'research',
        detail: { records: records.length },
        at,
      });
      return {
        records: records.map((r) => ({
          pseudonym: r.pseudonym,
          ageYears: r.age_years,
          deliveryMode: r.delivery_mode,
          parity: r.parity,
          gestationalAgeWeeks: r.gestational_age_weeks,
          dayPostpartum: r.day_postpartum,
          babies: r.babies,
          birthWeightsG: r.birth_weights_g,
        })),
      };
    },
  );
}
