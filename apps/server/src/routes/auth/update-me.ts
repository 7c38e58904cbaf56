import { MeUpdateBody } from '@lancar/contracts';
import { setLocale } from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { actorOf } from '../../auth/authorize.ts';

export function registerUpdateMe(app: App, { database }: AppContext): void {
  app.patch(
    '/api/auth/me',
    {
      config: { access: { action: 'update', kind: 'session' } },
      schema: {
        tags: ['auth'],
        summary: 'Save the language this person prefers',
        body: MeUpdateBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await setLocale(database.db, actor.facilityId, actor.userId, request.body.locale);
      return reply.code(204).send(null);
    },
  );
}
