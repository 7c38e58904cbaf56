import { Me } from '@lancar/contracts';
import type { App, AppContext } from '../../app-types.ts';
import { actorOf } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { meView } from './me-view.ts';

export function registerGetMe(app: App, { database }: AppContext): void {
  app.get(
    '/api/auth/me',
    {
      config: { access: { action: 'read', kind: 'session' } },
      schema: {
        tags: ['auth'],
        summary: 'Who is logged in, their role, facility and household',
        response: { 200: Me },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (!request.account) throw new Problem('not-authenticated');
      return meView(database.db, request.account, actor);
    },
  );
}
