import { CompanionCreateBody, CompanionCreated } from '@lancar/contracts';
import {
  createPendingAccount,
  findUserByLoginName,
  getMother,
  linkCompanion,
  listCompanions,
  recordAudit,
} from '@lancar/db';
import { newId, phoneLoginName } from '@lancar/domain';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { issueCode } from '../../auth/activation-codes.ts';
import { authorize, publicBaseUrl } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { companionView } from './mother-view.ts';

export function registerAddCompanion(app: App, { database, config, now }: AppContext): void {
  app.post(
    '/api/mothers/:motherId/companions',
    {
      config: { access: { action: 'create', kind: 'companion' } },
      schema: {
        tags: ['mothers'],
        summary:
          'Link a companion (husband, family member or cadre) to a mother; a new person gets an activation code, ' +
          'an existing companion or cadre account with that phone is linked as it is',
        params: z.strictObject({ motherId: z.uuid() }),
        body: CompanionCreateBody,
        response: { 201: CompanionCreated },
      },
    },
    async (request, reply) => {
      const facilityId = request.actor?.facilityId ?? '';
      const { motherId } = request.params;
      const actor = authorize(request, 'create', { kind: 'companion', facilityId, motherId });
      const phone = request.body.phone;
      const at = now();
      const result = await database.db.transaction().execute(async (tx) => {
        if (!(await getMother(tx, facilityId, motherId))) throw new Problem('not-found');
        const existing = await findUserByLoginName(tx, phoneLoginName(phone));
        if (existing && (existing.facility_id !== facilityId || !['companion', 'cadre'].includes(existing.role))) {
          throw new Problem('unsupported-account');
        }
        const userId = existing?.id ?? newId(at.getTime());
        if (!existing) {
          await createPendingAccount(tx, {
            facilityId,
            id: userId,
            role: 'companion',
            displayName: request.body.displayName,
            phone,
            createdBy: actor.userId,
            at,
          });
        }
        const linked = await listCompanions(tx, facilityId, [motherId]);
        if (linked.some((c) => c.user_id === userId)) throw new Problem('companion-already-linked');
        const linkId = newId(at.getTime());
        await linkCompanion(tx, {
          facilityId,
          id: linkId,
          motherId,
          userId,
          relationship: request.body.relationship,
          createdBy: actor.userId,
        });
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'update',
          subjectType: 'mother',
          subjectId: motherId,
          purpose: 'care',
          detail: { companionLinked: userId, relationship: request.body.relationship },
          at,
        });
        // Someone who already has an account logs in as before; only a new person needs a code.
        const activation =
          existing?.status === 'active'
            ? null
            : await issueCode(tx, { facilityId, userId }, actor.userId, publicBaseUrl(request, config.publicUrl), at);
        const companion = (await listCompanions(tx, facilityId, [motherId])).find((c) => c.id === linkId);
        if (!companion) throw new Error('companion link vanished after insert');
        return { companion: companionView(companion), activation };
      });
      return reply.code(201).send(result);
    },
  );
}
