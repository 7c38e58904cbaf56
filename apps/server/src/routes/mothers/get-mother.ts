import { MotherDetail } from '@lancar/contracts';
import { getMother, recordAudit } from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { auditPurpose } from './audit-purpose.ts';
import { motherDetail, motherExtras } from './mother-view.ts';

export function registerGetMother(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/mothers/:motherId',
    {
      config: { access: { action: 'read', kind: 'mother' } },
      schema: {
        tags: ['mothers'],
        summary: 'A mother’s record with her babies and companions (audited)',
        params: z.strictObject({ motherId: z.uuid() }),
        response: { 200: MotherDetail },
      },
    },
    async (request) => {
      const facilityId = request.actor?.facilityId ?? '';
      const { motherId } = request.params;
      const actor = authorize(request, 'read', { kind: 'mother', facilityId, motherId });
      const at = now();
      return database.db.transaction().execute(async (tx) => {
        const mother = await getMother(tx, facilityId, motherId);
        if (!mother) throw new Problem('not-found');
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'read',
          subjectType: 'mother',
          subjectId: motherId,
          purpose: auditPurpose(actor, motherId),
          at,
        });
        return motherDetail(mother, await motherExtras(tx, facilityId, motherId), at);
      });
    },
  );
}
