import { recordAudit, revokeSession } from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { actorOf } from '../../auth/authorize.ts';
import { clearSessionCookie } from '../../auth/cookie.ts';

export function registerLogout(app: App, { database, config, now }: AppContext): void {
  app.post(
    '/api/auth/logout',
    {
      config: { access: { action: 'update', kind: 'session' } },
      schema: { tags: ['auth'], summary: 'End this session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const at = now();
      await database.db.transaction().execute(async (tx) => {
        if (request.sessionId) await revokeSession(tx, actor.facilityId, request.sessionId, at);
        await recordAudit(tx, {
          facilityId: actor.facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'logout',
          subjectType: 'user',
          subjectId: actor.userId,
          purpose: 'self',
          at,
        });
      });
      clearSessionCookie(reply, config.secureCookies);
      return reply.code(204).send(null);
    },
  );
}
