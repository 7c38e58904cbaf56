import { SKILL_CHECKLIST } from '@lancar/content/training';
import { SkillCheckBody, type SkillCheckView } from '@lancar/contracts';
import { getUser, insertSkillCheck, recordAudit } from '@lancar/db';
import { evaluateSkillCheck } from '@lancar/domain';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';

export function registerRecordSkillCheck(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/training/companions/:userId/skill-checks',
    {
      config: { access: { action: 'create', kind: 'training' } },
      schema: {
        tags: ['training'],
        summary:
          'Record an observed return demonstration; passing every critical step (and enough others) makes the companion competent',
        params: z.strictObject({ userId: z.uuid() }),
        body: SkillCheckBody,
      },
    },
    async (request, reply): Promise<SkillCheckView> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'create', { kind: 'training', facilityId });
      const companion = await getUser(database.db, facilityId, request.params.userId);
      if (!companion || !['companion', 'cadre'].includes(companion.role)) throw new Problem('not-found');
      const evaluation = evaluateSkillCheck(SKILL_CHECKLIST, request.body.results);
      if (evaluation.unknownSteps.length > 0 || evaluation.missing.length > 0) {
        const fields = [...evaluation.unknownSteps, ...evaluation.missing].map((id) => `results.${id}`);
        throw new Problem('invalid-input', {
          params: { fields: fields.join(', ') },
          extra: {
            errors: [
              ...evaluation.unknownSteps.map((id) => ({
                path: `results.${id}`,
                message: 'not a step of the checklist / bukan langkah ceklis',
              })),
              ...evaluation.missing.map((id) => ({
                path: `results.${id}`,
                message: 'mark pass or fail / tandai lulus atau tidak',
              })),
            ],
          },
        });
      }
      const at = now();
      const row = {
        facility_id: facilityId,
        id: request.body.id,
        user_id: companion.id,
        participant_id: null,
        observed_by: actor.userId,
        observed_at: request.body.observedAt ? new Date(request.body.observedAt) : at,
        checklist_version: SKILL_CHECKLIST.version,
        results: request.body.results,
        passed: evaluation.passed,
        notes: request.body.notes ?? null,
      };
      await database.db.transaction().execute(async (tx) => {
        await insertSkillCheck(tx, row);
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'create',
          subjectType: 'user',
          subjectId: companion.id,
          purpose: 'care',
          detail: { skillCheck: row.id, passed: row.passed },
          at,
        });
      });
      return reply.code(201).send({
        id: row.id,
        observedAt: row.observed_at.toISOString(),
        observerName: request.account?.display_name ?? null,
        passed: row.passed,
        results: row.results,
        notes: row.notes,
      });
    },
  );
}
