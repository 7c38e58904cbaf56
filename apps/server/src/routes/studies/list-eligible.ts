import { EligibleMotherList, StudyParams } from '@lancar/contracts';
import { listUnenrolledConsenting } from '@lancar/db';
import { checkEligibility, dayPostpartum } from '@lancar/domain';
import type { App, AppContext } from '../../app-types.ts';
import { auditStudy, requireStudy } from './study-access.ts';

export function registerListEligible(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/studies/:studyId/eligible',
    {
      config: { access: { action: 'read', kind: 'study' } },
      schema: {
        tags: ['studies'],
        summary: 'Consenting mothers who meet the eligibility criteria today and are not enrolled yet (pseudonyms)',
        params: StudyParams,
        response: { 200: EligibleMotherList },
      },
    },
    async (request) => {
      const { actor, study } = await requireStudy(database.db, request, 'read', request.params.studyId);
      const at = now();
      const candidates = await listUnenrolledConsenting(database.db, actor.facilityId, study.id);
      const eligible = candidates.filter(
        (m) =>
          checkEligibility(
            study.definition,
            {
              consentResearch: m.consent_research,
              deliveryMode: m.delivery_mode,
              parity: m.parity,
              gestationalAgeWeeks: m.gestational_age_weeks,
              deliveredAt: m.delivered_at,
              facilityId: m.facility_id,
            },
            at,
          ).eligible,
      );
      await auditStudy(database.db, actor, 'read', study.id, at, { eligible: eligible.length });
      return {
        mothers: eligible.map((m) => ({
          pseudonym: m.pseudonym,
          dayPostpartum: m.delivered_at ? (dayPostpartum(m.delivered_at, at) ?? null) : null,
          parity: m.parity,
          deliveryMode: m.delivery_mode,
          gestationalAgeWeeks: m.gestational_age_weeks,
        })),
      };
    },
  );
}
