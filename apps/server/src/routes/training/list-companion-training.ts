import type { CompanionTraining } from '@lancar/contracts';
import { listUsersByRole } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { companionTrainings } from '../../training/training-views.ts';

export function registerListCompanionTraining(app: App, { database }: AppContext): void {
  app.get(
    '/api/training/companions',
    {
      config: { access: { action: 'list', kind: 'training' } },
      schema: {
        tags: ['training'],
        summary: 'Companions and cadres of the facility with their training status and scores',
      },
    },
    async (request): Promise<{ companions: CompanionTraining[] }> => {
      const actor = authorize(request, 'list', { kind: 'training', facilityId: request.actor?.facilityId ?? '' });
      const users = (await listUsersByRole(database.db, actor.facilityId, ['companion', 'cadre'])).filter(
        (u) => u.status !== 'disabled',
      );
      const trainings = await companionTrainings(database.db, actor.facilityId, users);
      return { companions: trainings.map(({ attempts: _a, skillChecks: _s, ...summary }) => summary) };
    },
  );
}
