import type { VisitOutput } from '@lancar/contracts';
import { listVisits, recordAudit, userNames } from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { auditPurpose } from '../mothers/audit-purpose.ts';
import { requireMother, visitView } from './visit-view.ts';

export function registerListVisits(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/mothers/:motherId/visits',
    {
      config: { access: { action: 'list', kind: 'visit' } },
      schema: {
        tags: ['visits'],
        summary: 'A mother’s postnatal visits (KF1-KF4 and others), oldest first, corrections included (audited)',
        params: z.strictObject({ motherId: z.uuid() }),
      },
    },
    async (request): Promise<{ visits: VisitOutput[] }> => {
      const facilityId = request.actor?.facilityId ?? '';
      const { motherId } = request.params;
      const actor = authorize(request, 'list', { kind: 'visit', facilityId, motherId });
      const at = now();
      await requireMother(database.db, actor, motherId, at, 'visits');
      return database.db.transaction().execute(async (tx) => {
        const visits = await listVisits(tx, facilityId, motherId);
        const names = await userNames(
          tx,
          facilityId,
          visits.map((v) => v.recorded_by),
        );
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'read',
          subjectType: 'mother',
          subjectId: motherId,
          purpose: auditPurpose(actor, motherId),
          detail: { visits: visits.length },
          at,
        });
        return { visits: visits.map((v) => visitView(v, names)) };
      });
    },
  );
}
