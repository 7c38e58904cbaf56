import { SessionList } from '@lancar/contracts';
import { listLiveSessions } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { actorOf } from '../../auth/authorize.ts';

export function registerListSessions(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/auth/sessions',
    {
      config: { access: { action: 'list', kind: 'session' } },
      schema: {
        tags: ['auth'],
        summary: 'The devices where this account is logged in',
        response: { 200: SessionList },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const sessions = await listLiveSessions(database.db, actor.facilityId, actor.userId, now());
      return {
        sessions: sessions.map((s) => ({
          id: s.id,
          current: s.id === request.sessionId,
          createdAt: s.created_at.toISOString(),
          lastSeenAt: s.last_seen_at.toISOString(),
          device: s.user_agent,
        })),
      };
    },
  );
}
