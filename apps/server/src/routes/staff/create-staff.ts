import { StaffCreateBody, StaffCreated } from '@lancar/contracts';
import { createPendingAccount, getFacility, getUser, recordAudit } from '@lancar/db';
import { newId } from '@lancar/domain';
import type { App, AppContext } from '../../app-types.ts';
import { issueCode } from '../../auth/activation-codes.ts';
import { authorize, publicBaseUrl, targetFacility } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { staffView } from './staff-view.ts';

export function registerCreateStaff(app: App, { database, config, now }: AppContext): void {
  app.post(
    '/api/staff',
    {
      config: { access: { action: 'create', kind: 'staff' } },
      schema: {
        tags: ['staff'],
        summary: 'Add a staff account; the person sets their own password with the activation code returned',
        body: StaffCreateBody,
        response: { 201: StaffCreated },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const facilityId = targetFacility(request, body.facilityId);
      const actor = authorize(request, 'create', { kind: 'staff', facilityId });
      if (!(await getFacility(database.db, facilityId))) throw new Problem('not-found');
      const phone = body.phone ?? null;
      const at = now();
      const id = newId(at.getTime());
      const activation = await database.db.transaction().execute(async (tx) => {
        await createPendingAccount(tx, {
          facilityId,
          id,
          role: body.role,
          displayName: body.displayName,
          username: body.username,
          phone,
          createdBy: actor.userId,
          at,
        });
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'create',
          subjectType: 'user',
          subjectId: id,
          purpose: 'administration',
          detail: { role: body.role },
          at,
        });
        return issueCode(tx, { facilityId, userId: id }, actor.userId, publicBaseUrl(request, config.publicUrl), at);
      });
      const member = await getUser(database.db, facilityId, id);
      if (!member) throw new Error('staff account vanished after insert');
      return reply.code(201).send({ member: staffView(member), activation });
    },
  );
}
