import { StaffList } from '@lancar/contracts';
import { listUsersByRole } from '@lancar/db';
import { STAFF_ROLES } from '@lancar/domain';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize, targetFacility } from '../../auth/authorize.ts';
import { staffView } from './staff-view.ts';

export function registerListStaff(app: App, { database }: AppContext): void {
  app.get(
    '/api/staff',
    {
      config: { access: { action: 'list', kind: 'staff' } },
      schema: {
        tags: ['staff'],
        summary: 'Midwives, cadres, admins and researchers of a facility',
        querystring: z.strictObject({ facilityId: z.uuid().optional() }),
        response: { 200: StaffList },
      },
    },
    async (request) => {
      const facilityId = targetFacility(request, request.query.facilityId);
      authorize(request, 'list', { kind: 'staff', facilityId });
      const staff = await listUsersByRole(database.db, facilityId, [...STAFF_ROLES, 'system_admin']);
      return { staff: staff.map(staffView) };
    },
  );
}
