import { MessageBody, type MessageOutput } from '@lancar/contracts';
import { getMessage, insertMessage, nextSeq, recordAudit, userNames } from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { messageView, requireMother } from '../visits/visit-view.ts';

export function registerSendMessage(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/mothers/:motherId/messages',
    {
      config: { access: { action: 'create', kind: 'household_message' } },
      schema: {
        tags: ['messages'],
        summary: 'Send a short message (1-500 characters) to a mother’s household; their phones get it on sync',
        params: z.strictObject({ motherId: z.uuid() }),
        body: MessageBody,
      },
    },
    async (request, reply): Promise<MessageOutput> => {
      const facilityId = request.actor?.facilityId ?? '';
      const { motherId } = request.params;
      const actor = authorize(request, 'create', { kind: 'household_message', facilityId, motherId });
      const at = now();
      await requireMother(database.db, actor, motherId, at, 'message');
      const existing = await getMessage(database.db, facilityId, request.body.id);
      if (existing) {
        // A retry of the same message is acknowledged; another message under the same id is refused.
        if (existing.mother_id !== motherId || existing.body !== request.body.body) throw new Problem('id-conflict');
        const names = await userNames(database.db, facilityId, [existing.sent_by]);
        return reply.code(200).send(messageView(existing, names));
      }
      const row = await database.db.transaction().execute(async (tx) => {
        const message = {
          facility_id: facilityId,
          id: request.body.id,
          mother_id: motherId,
          body: request.body.body,
          sent_by: actor.userId,
          sent_at: at,
          // From the facility's change counter, like entries and care plans, so phones pull it in order.
          seq: await nextSeq(tx, facilityId),
        };
        await insertMessage(tx, message);
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'create',
          subjectType: 'mother',
          subjectId: motherId,
          purpose: 'care',
          detail: { message: message.id, length: message.body.length },
          at,
        });
        return message;
      });
      const names = await userNames(database.db, facilityId, [actor.userId]);
      return reply.code(201).send(messageView(row, names));
    },
  );
}
