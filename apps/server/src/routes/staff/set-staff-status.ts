import { StaffMember, StaffStatusBody } from '@lancar/contracts';
import { getUser, recordAudit, revokeOtherSessions, setUserStatus } from '@lancar/db';
import { isStaffRole } from '@lancar/domain';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { staffView } from './staff-view.ts';

export function registerSetStaffStatus(app: App, { database, now }: AppContext): void {
  app.patch(
    '/api/staff/:userId',
    {
      config: { access: { action: 'update', kind: 'staff' } },
      schema: {
        tags: ['staff'],
        summary: 'Disable a staff account (and end its sessions) or enable it again',
        params: z.strictObject({ userId: z.uuid() }),
        querystring: z.strictObject({ facilityId: z.uuid().optional() }),
        body: StaffStatusBody,
        response: { 200: StaffMember },
      },
    },
    async (request) => {
      const facilityId = request.query.facilityId ?? request.actor?.facilityId ?? '';
      const actor = authorize(request, 'update', { kind: 'staff', facilityId });
      const user = await getUser(database.db, facilityId, request.params.userId);
      if (!user || !isStaffRole(user.role)) throw new Problem('not-found');
      if (user.id === actor.userId) throw new Problem('forbidden'); // no locking oneself out
      if (user.status === 'pending' && request.body.status === 'active') throw new Problem('forbidden');
      const at = now();
      await database.db.transaction().execute(async (tx) => {
        await setUserStatus(tx, facilityId, user.id, request.body.status);
        if (request.body.status === 'disabled') await revokeOtherSessions(tx, facilityId, user.id, undefined, at);
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'update',
          subjectType: 'user',
          subjectId: user.id,
          purpose: 'administration',
          detail: { status: request.body.status },
          at,
        });
      });
      return staffView({ ...user, status: request.body.status });
    },
  );
}
