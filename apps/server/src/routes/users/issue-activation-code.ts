import { ActivationCode } from '@lancar/contracts';
import { getUser, recordAudit } from '@lancar/db';
import { isStaffRole, type Resource } from '@lancar/domain';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { issueCode } from '../../auth/activation-codes.ts';
import { authorize, publicBaseUrl, targetFacility } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';

export function registerIssueActivationCode(app: App, { database, config, now }: AppContext): void {
  app.post(
    '/api/users/:userId/activation-code',
    {
      config: { access: { action: 'create', kind: 'activation_code' } },
      schema: {
        tags: ['users'],
        summary:
          'Issue a new activation code (first login, or a forgotten password); earlier unused codes stop working',
        params: z.strictObject({ userId: z.uuid() }),
        querystring: z.strictObject({ facilityId: z.uuid().optional() }),
        response: { 201: ActivationCode },
      },
    },
    async (request, reply) => {
      const facilityId = targetFacility(request, request.query.facilityId);
      const actor = authorize(request, 'create', { kind: 'activation_code', facilityId });
      const user = await getUser(database.db, facilityId, request.params.userId);
      if (!user) throw new Problem('not-found');
      // Whoever may manage the person may give them a code: staff by admins, households by their midwife.
      const manages: Resource =
        isStaffRole(user.role) || user.role === 'system_admin'
          ? { kind: 'staff', facilityId }
          : { kind: 'companion', facilityId, motherId: undefined };
      const action = manages.kind === 'staff' ? 'update' : 'create';
      authorize(request, action, manages);
      const at = now();
      const activation = await database.db.transaction().execute(async (tx) => {
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'issue_code',
          subjectType: 'user',
          subjectId: user.id,
          purpose: 'administration',
          at,
        });
        return issueCode(
          tx,
          { facilityId, userId: user.id },
          actor.userId,
          publicBaseUrl(request, config.publicUrl),
          at,
        );
      });
      return reply.code(201).send(activation);
    },
  );
}
