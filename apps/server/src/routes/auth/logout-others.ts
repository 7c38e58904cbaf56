import { LogoutOthersResult } from '@lancar/contracts';
import { recordAudit, revokeOtherSessions } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { actorOf } from '../../auth/authorize.ts';

export function registerLogoutOthers(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/auth/logout-others',
    {
      config: { access: { action: 'update', kind: 'session' } },
      schema: {
        tags: ['auth'],
        summary: 'End every other session of this account (a lost or shared phone)',
        response: { 200: LogoutOthersResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const at = now();
      const ended = await database.db.transaction().execute(async (tx) => {
        const count = await revokeOtherSessions(tx, actor.facilityId, actor.userId, request.sessionId ?? undefined, at);
        await recordAudit(tx, {
          facilityId: actor.facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'logout',
          subjectType: 'user',
          subjectId: actor.userId,
          purpose: 'self',
          detail: { otherSessionsEnded: count },
          at,
        });
        return count;
      });
      return { ended };
    },
  );
}
