import { AuditPage, AuditQuery } from '@lancar/contracts';
import { listAudit } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize, targetFacility } from '../../auth/authorize.ts';

export function registerListAuditEvents(app: App, { database }: AppContext): void {
  app.get(
    '/api/audit-events',
    {
      config: { access: { action: 'list', kind: 'audit_event' } },
      schema: {
        tags: ['audit'],
        summary: 'Who read or changed what, newest first (facility administrators)',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => {
      const facilityId = targetFacility(request, request.query.facilityId);
      authorize(request, 'list', { kind: 'audit_event', facilityId });
      const page = await listAudit(database.db, facilityId, {
        limit: request.query.limit,
        before: request.query.before,
        subjectId: request.query.subjectId,
      });
      return {
        events: page.events.map((e) => ({
          id: e.id,
          at: e.at.toISOString(),
          actorName: e.actor_name,
          actorRole: e.actor_role,
          action: e.action,
          subjectType: e.subject_type,
          subjectId: e.subject_id,
          purpose: e.purpose,
        })),
        nextBefore: page.nextBefore,
      };
    },
  );
}
