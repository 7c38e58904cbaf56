import { LIMITS, VisitBody, type VisitOutput } from '@lancar/contracts';
import { getVisit, insertVisit, recordAudit, userNames, visitIsSuperseded } from '@lancar/db';
import { visitTimeProblem } from '@lancar/domain';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { invalidField, requireMother, visitView } from './visit-view.ts';

export function registerRecordVisit(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/mothers/:motherId/visits',
    {
      config: { access: { action: 'create', kind: 'visit' } },
      schema: {
        tags: ['visits'],
        summary:
          'Record a postnatal visit with what was observed; a correction or removal is a new record that supersedes one',
        params: z.strictObject({ motherId: z.uuid() }),
        body: VisitBody,
      },
    },
    async (request, reply): Promise<VisitOutput> => {
      const facilityId = request.actor?.facilityId ?? '';
      const { motherId } = request.params;
      const actor = authorize(request, 'create', { kind: 'visit', facilityId, motherId });
      const body = request.body;
      const at = now();
      const mother = await requireMother(database.db, actor, motherId, at, 'visit');
      const visitedAt = new Date(body.visitedAt);

      // The same visit sent again (a retry) is acknowledged; another record under the same id is refused.
      const existing = await getVisit(database.db, facilityId, body.id);
      if (existing) {
        const same =
          existing.mother_id === motherId &&
          existing.visit_code === body.visitCode &&
          existing.visited_at.getTime() === visitedAt.getTime() &&
          existing.supersedes === body.supersedes &&
          existing.voided === body.voided;
        if (!same) throw new Problem('id-conflict');
        const names = await userNames(database.db, facilityId, [existing.recorded_by]);
        return reply.code(200).send(visitView(existing, names));
      }

      switch (visitTimeProblem(mother.delivered_at, visitedAt, at, LIMITS.clockSkewMinutes)) {
        case 'future':
          throw invalidField('visitedAt', 'the visit time has not happened yet / waktu kunjungan belum terjadi');
        case 'before_delivery':
          throw invalidField('visitedAt', 'the visit is before the delivery / kunjungan sebelum persalinan');
      }
      const babyIds = body.observations.babies.map((b) => b.babyId);
      if (babyIds.some((id) => !mother.babies.some((b) => b.id === id))) {
        throw invalidField('observations.babies', 'not a baby of this mother / bukan bayi ibu ini');
      }
      if (new Set(babyIds).size !== babyIds.length) {
        throw invalidField('observations.babies', 'each baby once / setiap bayi satu kali');
      }
      if (body.supersedes !== null) {
        const target = await getVisit(database.db, facilityId, body.supersedes);
        if (!target || target.mother_id !== motherId) {
          throw invalidField('supersedes', 'the visit to correct does not exist / kunjungan yang dikoreksi tidak ada');
        }
        if (target.voided) {
          throw invalidField('supersedes', 'a removal cannot be corrected / penghapusan tidak bisa dikoreksi');
        }
        if (await visitIsSuperseded(database.db, facilityId, target.id)) {
          throw invalidField(
            'supersedes',
            'this visit was corrected already: correct the newest version / kunjungan ini sudah dikoreksi: koreksi versi terbaru',
          );
        }
      }

      const row = {
        facility_id: facilityId,
        id: body.id,
        mother_id: motherId,
        visit_code: body.visitCode,
        visited_at: visitedAt,
        place: body.place,
        observations: body.observations,
        notes: body.notes?.trim() ? body.notes.trim() : null,
        recorded_by: actor.userId,
        recorded_at: at,
        supersedes: body.supersedes,
        voided: body.voided,
      };
      await database.db.transaction().execute(async (tx) => {
        await insertVisit(tx, row);
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: body.supersedes === null ? 'create' : 'update',
          subjectType: 'mother',
          subjectId: motherId,
          purpose: 'care',
          detail: { visit: body.id, code: body.visitCode, supersedes: body.supersedes, voided: body.voided },
          at,
        });
      });
      const stored = await getVisit(database.db, facilityId, body.id);
      if (!stored) throw new Problem('internal');
      const names = await userNames(database.db, facilityId, [actor.userId]);
      return reply.code(201).send(visitView(stored, names));
    },
  );
}
