import { Facility } from '@lancar/contracts';
import { getFacility } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { facilityView } from './facility-view.ts';

export function registerGetCurrentFacility(app: App, { database }: AppContext): void {
  app.get(
    '/api/facility',
    {
      config: { access: { action: 'read', kind: 'facility' } },
      schema: {
        tags: ['facilities'],
        summary: 'The facility of the logged-in person, with the phone to call',
        response: { 200: Facility },
      },
    },
    async (request) => {
      const facilityId = request.actor?.facilityId ?? '';
      authorize(request, 'read', { kind: 'facility', facilityId });
      const facility = await getFacility(database.db, facilityId);
      if (!facility) throw new Problem('not-found');
      return facilityView(facility);
    },
  );
}
