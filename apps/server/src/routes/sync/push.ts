import { PushBody, PushResult } from '@lancar/contracts';
import type { App, AppContext } from '../../app-types.ts';
import { actorOf } from '../../auth/authorize.ts';
import { applyPush } from '../../sync/apply-push.ts';

export function registerPush(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/sync/push',
    {
      config: { access: { action: 'create', kind: 'household_entry' } },
      schema: {
        tags: ['sync'],
        summary:
          'Apply a batch of mutations made on a phone, each exactly once; each is answered applied or rejected (with a problem document)',
        body: PushBody,
        response: { 200: PushResult },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const results = await applyPush(
        database,
        actor,
        request.body.deviceId,
        request.body.mutations,
        now(),
        request.locale,
      );
      return { results: results.map((r) => ({ ...r, problem: r.problem as Record<string, unknown> | null })) };
    },
  );
}
