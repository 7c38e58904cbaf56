import type { EntryOutput } from '@lancar/contracts';
import { listEntries, recordAudit } from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { entryView } from '../../sync/entry-view.ts';
import { auditPurpose } from './audit-purpose.ts';

export function registerListEntries(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/mothers/:motherId/entries',
    {
      config: { access: { action: 'read', kind: 'household_entry' } },
      schema: {
        tags: ['mothers'],
        summary: 'Everything a household logged for a mother, oldest first, corrections included (audited)',
        params: z.strictObject({ motherId: z.uuid() }),
      },
    },
    async (request): Promise<{ entries: EntryOutput[] }> => {
      const facilityId = request.actor?.facilityId ?? '';
      const { motherId } = request.params;
      const actor = authorize(request, 'read', { kind: 'household_entry', facilityId, motherId });
      return database.db.transaction().execute(async (tx) => {
        const entries = await listEntries(tx, facilityId, motherId);
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'read',
          subjectType: 'mother',
          subjectId: motherId,
          purpose: auditPurpose(actor, motherId),
          detail: { entries: entries.length },
          at: now(),
        });
        return { entries: entries.map(entryView) };
      });
    },
  );
}
