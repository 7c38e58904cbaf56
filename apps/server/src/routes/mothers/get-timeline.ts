import type { TimelineCompanion, TimelineItem, TimelineOutput } from '@lancar/contracts';
import {
  listAlerts,
  listCompanions,
  listEntries,
  listMessages,
  listVisits,
  recordAudit,
  userNames,
  usersByIds,
} from '@lancar/db';
import { currentEntries } from '@lancar/domain';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { domainEntry, entryView } from '../../sync/entry-view.ts';
import { companionTrainings } from '../../training/training-views.ts';
import { messageView, requireMother, visitView } from '../visits/visit-view.ts';
import { auditPurpose } from './audit-purpose.ts';

/**
 * Everything about one mother on one timeline, for her midwife: what the household logged (the current version of
 * each record), alerts, visits, messages, and her companions' tests and skill checks. One query per source, never
 * one per row, so it stays fast for a mother with weeks of logs.
 */
export function registerGetTimeline(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/mothers/:motherId/timeline',
    {
      config: { access: { action: 'read', kind: 'visit' } },
      schema: {
        tags: ['mothers'],
        summary:
          'A mother’s timeline: household records, alerts, visits, messages and companions’ training, newest first (audited)',
        params: z.strictObject({ motherId: z.uuid() }),
      },
    },
    async (request): Promise<TimelineOutput> => {
      const facilityId = request.actor?.facilityId ?? '';
      const { motherId } = request.params;
      const actor = authorize(request, 'read', { kind: 'visit', facilityId, motherId });
      for (const kind of ['household_entry', 'alert', 'household_message', 'training'] as const) {
        authorize(request, 'read', { kind, facilityId, motherId });
      }
      const at = now();
      const mother = await requireMother(database.db, actor, motherId, at, 'timeline');
      return database.db.transaction().execute(async (tx) => {
        // One connection per transaction: the reads queue anyway, so they are made one after another.
        const stored = await listEntries(tx, facilityId, motherId);
        const alerts = await listAlerts(tx, facilityId, [motherId]);
        const visits = await listVisits(tx, facilityId, motherId);
        const messages = await listMessages(tx, facilityId, motherId);
        const companions = await listCompanions(tx, facilityId, [motherId]);
        const companionUsers = await usersByIds(
          tx,
          facilityId,
          companions.map((c) => c.user_id),
        );
        const trainings = await companionTrainings(tx, facilityId, companionUsers);
        const names = await userNames(tx, facilityId, [
          ...stored.map((e) => e.recorded_by),
          ...visits.map((v) => v.recorded_by),
          ...messages.map((m) => m.sent_by),
        ]);

        const current = new Set(currentEntries(stored.map(domainEntry)).map((e) => e.id));
        const replaced = new Set(visits.map((v) => v.supersedes).filter((id): id is string => id !== null));
        const items: TimelineItem[] = [
          ...stored
            .filter((e) => current.has(e.id))
            .map((e): TimelineItem => {
              const entry = entryView(e);
              return {
                id: e.id,
                // Removal markers are never current, so every entry here is a record of its own kind.
                kind: entry.kind as Exclude<typeof entry.kind, 'void'>,
                at: entry.occurredAt,
                entry,
                recordedByName: names.get(e.recorded_by) ?? null,
              };
            }),
          ...alerts.map(
            (a): TimelineItem => ({
              id: a.id,
              kind: 'alert',
              at: a.raised_at.toISOString(),
              alert: { signId: a.sign_id, severity: a.severity, entryId: a.entry_id },
            }),
          ),
          ...visits
            .filter((v) => !v.voided && !replaced.has(v.id))
            .map(
              (v): TimelineItem => ({
                id: v.id,
                kind: 'visit',
                at: v.visited_at.toISOString(),
                visit: visitView(v, names),
              }),
            ),
          ...messages.map(
            (m): TimelineItem => ({
              id: m.id,
              kind: 'message',
              at: m.sent_at.toISOString(),
              message: messageView(m, names),
            }),
          ),
          ...trainings.flatMap((t) => [
            ...t.attempts.map(
              (a): TimelineItem => ({
                id: a.id,
                kind: 'training',
                at: a.takenAt,
                training: {
                  userId: t.userId,
                  displayName: t.displayName,
                  event: a.phase === 'pre' ? 'pre_test' : 'post_test',
                  score: a.score,
                  passed: null,
                  lessonId: null,
                },
              }),
            ),
            ...t.skillChecks.map(
              (c): TimelineItem => ({
                id: c.id,
                kind: 'training',
                at: c.observedAt,
                training: {
                  userId: t.userId,
                  displayName: t.displayName,
                  event: 'skill_check',
                  score: null,
                  passed: c.passed,
                  lessonId: null,
                },
              }),
            ),
          ]),
        ].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

        const byUser = new Map(trainings.map((t) => [t.userId, t]));
        const companionViews = companions.map((c): TimelineCompanion => {
          const t = byUser.get(c.user_id);
          return {
            userId: c.user_id,
            linkId: c.id,
            displayName: c.display_name,
            relationship: c.relationship,
            accountStatus: c.status,
            training: t
              ? {
                  status: t.status,
                  preScore: t.preScore,
                  postScore: t.postScore,
                  lessonsDone: t.lessonsDone.length,
                  lastSkillCheck: t.lastSkillCheck,
                }
              : null,
          };
        });

        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'read',
          subjectType: 'mother',
          subjectId: motherId,
          purpose: auditPurpose(actor, motherId),
          detail: { timeline: items.length },
          at,
        });
        return {
          motherId,
          deliveredAt: mother.delivered_at?.toISOString() ?? null,
          items,
          companions: companionViews,
        };
      });
    },
  );
}
