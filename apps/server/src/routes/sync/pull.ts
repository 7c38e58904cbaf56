import { type Change, PullQuery, type PullResult } from '@lancar/contracts';
import { carePlansSince, entriesSince, listMothers, messagesSince, recordAudit, userNames } from '@lancar/db';
import { scopeOf } from '@lancar/domain';
import type { App, AppContext } from '../../app-types.ts';
import { actorOf } from '../../auth/authorize.ts';
import { carePlanView, entryView } from '../../sync/entry-view.ts';
import { auditPurpose } from '../mothers/audit-purpose.ts';
import { messageView } from '../visits/visit-view.ts';

export function registerPull(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/sync/pull',
    {
      config: { access: { action: 'list', kind: 'household_entry' } },
      schema: {
        tags: ['sync'],
        summary:
          'What changed since the cursor, in order: household entries, care plans and the midwife’s messages of the mothers this person may see',
        querystring: PullQuery,
      },
    },
    async (request): Promise<PullResult> => {
      const actor = actorOf(request);
      const { since, limit } = request.query;
      const motherIds =
        scopeOf(actor.role, 'list', 'household_entry') === 'household'
          ? actor.householdMotherIds
          : (await listMothers(database.db, actor.facilityId)).map((m) => m.id);
      return database.db.transaction().execute(async (tx) => {
        const entries = await entriesSince(tx, actor.facilityId, motherIds, since, limit);
        const plans = await carePlansSince(tx, actor.facilityId, motherIds, since, limit);
        const messages = scopeOf(actor.role, 'list', 'household_message')
          ? await messagesSince(tx, actor.facilityId, motherIds, since, limit)
          : [];
        const senders = await userNames(
          tx,
          actor.facilityId,
          messages.map((m) => m.sent_by),
        );
        // All lists draw on one counter: merge by it and cut at the limit, so nothing in between is skipped.
        const changes: Change[] = [
          ...entries.map((e) => ({ seq: Number(e.seq), type: 'entry' as const, entry: entryView(e) })),
          ...plans.map((p) => ({ seq: Number(p.seq), type: 'care_plan' as const, plan: carePlanView(p) })),
          ...messages.map((m) => ({ seq: Number(m.seq), type: 'message' as const, message: messageView(m, senders) })),
        ]
          .sort((a, b) => a.seq - b.seq)
          .slice(0, limit);
        const more = entries.length === limit || plans.length === limit || messages.length === limit;
        const next = changes.at(-1)?.seq ?? since;
        const read = new Set(changes.flatMap((c) => (c.type === 'entry' ? [c.entry.motherId] : [])));
        await recordAudit(
          tx,
          [...read].map((motherId) => ({
            facilityId: actor.facilityId,
            actorUserId: actor.userId,
            actorRole: actor.role,
            action: 'read' as const,
            subjectType: 'mother',
            subjectId: motherId,
            purpose: auditPurpose(actor, motherId),
            detail: { pulledChanges: changes.length },
            at: now(),
          })),
        );
        return { changes, next, more };
      });
    },
  );
}
