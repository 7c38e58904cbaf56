import { FacilityList } from '@lancar/contracts';
import { listFacilities } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { facilityView } from './facility-view.ts';

export function registerListFacilities(app: App, { database }: AppContext): void {
  app.get(
    '/api/facilities',
    {
      config: { access: { action: 'list', kind: 'facility' } },
      schema: {
        tags: ['facilities'],
        summary: 'Every facility (system administrators)',
        response: { 200: FacilityList },
      },
    },
    async (request) => {
      // Listing all facilities is an "any facility" right: ask about one that is not the actor's own.
      authorize(request, 'list', { kind: 'facility', facilityId: '*' });
      return { facilities: (await listFacilities(database.db)).map(facilityView) };
    },
  );
}
