import type { CompanionTrainingDetail } from '@lancar/contracts';
import { getUser, listUsersByRole } from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { companionTrainings } from '../../training/training-views.ts';

export function registerGetCompanionTraining(app: App, { database }: AppContext): void {
  app.get(
    '/api/training/companions/:userId',
    {
      config: { access: { action: 'read', kind: 'training' } },
      schema: {
        tags: ['training'],
        summary: 'One companion’s training: every test sheet with its answers, lessons, skill checks',
        params: z.strictObject({ userId: z.uuid() }),
      },
    },
    async (request): Promise<CompanionTrainingDetail> => {
      const facilityId = request.actor?.facilityId ?? '';
      const { userId } = request.params;
      const actor = authorize(request, 'read', { kind: 'training', facilityId, ownerUserId: userId });
      const user = await getUser(database.db, actor.facilityId, userId);
      if (!user || !['companion', 'cadre'].includes(user.role)) throw new Problem('not-found');
      const observers = new Map(
        (await listUsersByRole(database.db, facilityId, ['midwife', 'cadre', 'facility_admin'])).map((u) => [
          u.id,
          u.display_name,
        ]),
      );
      const [detail] = await companionTrainings(database.db, facilityId, [user], observers);
      if (!detail) throw new Problem('not-found');
      return detail;
    },
  );
}
