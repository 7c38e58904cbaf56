import type { MessageOutput } from '@lancar/contracts';
import { listMessages, recordAudit, userNames } from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { auditPurpose } from '../mothers/audit-purpose.ts';
import { messageView, requireMother } from '../visits/visit-view.ts';

export function registerListMessages(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/mothers/:motherId/messages',
    {
      config: { access: { action: 'list', kind: 'household_message' } },
      schema: {
        tags: ['messages'],
        summary: 'The messages sent to a mother’s household, newest first (audited)',
        params: z.strictObject({ motherId: z.uuid() }),
      },
    },
    async (request): Promise<{ messages: MessageOutput[] }> => {
      const facilityId = request.actor?.facilityId ?? '';
      const { motherId } = request.params;
      const actor = authorize(request, 'list', { kind: 'household_message', facilityId, motherId });
      const at = now();
      await requireMother(database.db, actor, motherId, at, 'messages');
      return database.db.transaction().execute(async (tx) => {
        const messages = await listMessages(tx, facilityId, motherId);
        const names = await userNames(
          tx,
          facilityId,
          messages.map((m) => m.sent_by),
        );
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'read',
          subjectType: 'mother',
          subjectId: motherId,
          purpose: auditPurpose(actor, motherId),
          detail: { messages: messages.length },
          at,
        });
        return { messages: messages.map((m) => messageView(m, names)) };
      });
    },
  );
}
