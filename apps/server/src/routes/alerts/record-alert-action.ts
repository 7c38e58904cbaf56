import { AlertActionBody, AlertTask } from '@lancar/contracts';
import { getAlertTask, insertAlertAction, recordAudit } from '@lancar/db';
import { newId } from '@lancar/domain';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { alertTaskView } from './task-view.ts';

export function registerRecordAlertAction(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/alerts/:alertId/actions',
    {
      config: { access: { action: 'update', kind: 'alert' } },
      schema: {
        tags: ['alerts'],
        summary:
          'Move a task on: acknowledged (seen), acted (with the action taken) or closed (with the outcome); a closed task cannot change',
        params: z.strictObject({ alertId: z.uuid() }),
        body: AlertActionBody,
        response: { 201: AlertTask },
      },
    },
    async (request, reply) => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'update', { kind: 'alert', facilityId });
      const { alertId } = request.params;
      const body = request.body;
      const at = now();
      const task = await database.db.transaction().execute(async (tx) => {
        // Lock the alert's row so two midwives closing it at once cannot both succeed.
        const locked = await tx
          .selectFrom('alert')
          .select(['id', 'mother_id'])
          .where('facility_id', '=', facilityId)
          .where('id', '=', alertId)
          .forUpdate()
          .executeTakeFirst();
        const current = locked ? await getAlertTask(tx, facilityId, alertId) : undefined;
        if (!locked || !current) throw new Problem('not-found');
        if (current.state === 'closed') throw new Problem('alert-closed');
        await insertAlertAction(tx, {
          facility_id: facilityId,
          id: newId(at.getTime()),
          alert_id: alertId,
          mother_id: locked.mother_id,
          kind: body.kind,
          action_taken: body.actionTaken ?? null,
          outcome: body.kind === 'closed' ? (body.outcome ?? null) : null,
          note: body.note ? body.note : null,
          acted_by: actor.userId,
          acted_at: at,
        });
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'update',
          subjectType: 'mother',
          subjectId: locked.mother_id,
          purpose: 'care',
          detail: {
            alert: alertId,
            kind: body.kind,
            actionTaken: body.actionTaken ?? null,
            outcome: body.outcome ?? null,
          },
          at,
        });
        return getAlertTask(tx, facilityId, alertId);
      });
      if (!task) throw new Problem('not-found');
      return reply.code(201).send(alertTaskView(task, at));
    },
  );
}
