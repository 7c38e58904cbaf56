import type { CompanionTrainingDetail } from '@lancar/contracts';
import { listUsersByRole } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { companionTrainings } from '../../training/training-views.ts';

export function registerGetMyTraining(app: App, { database }: AppContext): void {
  app.get(
    '/api/training/me',
    {
      config: { access: { action: 'read', kind: 'training' } },
      schema: { tags: ['training'], summary: 'My training: status, tests taken, lessons done, skill checks' },
    },
    async (request): Promise<CompanionTrainingDetail> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'read', { kind: 'training', facilityId, ownerUserId: request.actor?.userId });
      if (!request.account) throw new Problem('not-authenticated');
      const observers = new Map(
        (await listUsersByRole(database.db, facilityId, ['midwife', 'cadre', 'facility_admin'])).map((u) => [
          u.id,
          u.display_name,
        ]),
      );
      const [mine] = await companionTrainings(database.db, actor.facilityId, [request.account], observers);
      if (!mine) throw new Problem('not-found');
      return mine;
    },
  );
}
