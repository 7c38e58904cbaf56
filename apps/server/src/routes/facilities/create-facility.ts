import { Facility, FacilityCreateBody } from '@lancar/contracts';
import { createFacility, getFacility, recordAudit } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { facilityView } from './facility-view.ts';

export function registerCreateFacility(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/facilities',
    {
      config: { access: { action: 'create', kind: 'facility' } },
      schema: {
        tags: ['facilities'],
        summary: 'Register a puskesmas, hospital or clinic (system administrators)',
        body: FacilityCreateBody,
        response: { 201: Facility, 200: Facility },
      },
    },
    async (request, reply) => {
      const actor = authorize(request, 'create', { kind: 'facility', facilityId: request.body.id });
      const body = request.body;
      const phone = body.phone ?? null;
      const existing = await getFacility(database.db, body.id);
      if (existing) {
        // A retried request with the same client id is acknowledged, not duplicated.
        if (existing.name === body.name && existing.district === body.district)
          return reply.code(200).send(facilityView(existing));
        throw new Problem('id-conflict');
      }
      const at = now();
      await database.db.transaction().execute(async (tx) => {
        await createFacility(tx, {
          id: body.id,
          name: body.name,
          kind: body.kind,
          district: body.district,
          province: body.province,
          phone,
          created_at: at,
        });
        await recordAudit(tx, {
          facilityId: body.id,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'create',
          subjectType: 'facility',
          subjectId: body.id,
          purpose: 'administration',
          at,
        });
      });
      const created = await getFacility(database.db, body.id);
      if (!created) throw new Error('facility vanished after insert');
      return reply.code(201).send(facilityView(created));
    },
  );
}
