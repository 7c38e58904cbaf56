import { AlertTaskList, AlertTaskQuery } from '@lancar/contracts';
import { listAlertTasks, recordAudit } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { auditPurpose } from '../mothers/audit-purpose.ts';
import { alertTaskView } from './task-view.ts';

export function registerListAlerts(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/alerts',
    {
      config: { access: { action: 'list', kind: 'alert' } },
      schema: {
        tags: ['alerts'],
        summary: "The facility's alerts as tasks (open, acknowledged or closed), newest first, with the last action",
        querystring: AlertTaskQuery,
        response: { 200: AlertTaskList },
      },
    },
    async (request) => {
      const actor = authorize(request, 'list', { kind: 'alert', facilityId: request.actor?.facilityId ?? '' });
      const at = now();
      return database.db.transaction().execute(async (tx) => {
        const rows = await listAlertTasks(tx, actor.facilityId, request.query);
        // Tasks show mothers' names: one audit entry per mother shown.
        const motherIds = [...new Set(rows.map((r) => r.mother_id))];
        await recordAudit(
          tx,
          motherIds.map((motherId) => ({
            facilityId: actor.facilityId,
            actorUserId: actor.userId,
            actorRole: actor.role,
            action: 'list' as const,
            subjectType: 'mother',
            subjectId: motherId,
            purpose: auditPurpose(actor, motherId),
            detail: { alerts: request.query.state ?? 'all' },
            at,
          })),
        );
        return { alerts: rows.map((row) => alertTaskView(row, at)) };
      });
    },
  );
}
