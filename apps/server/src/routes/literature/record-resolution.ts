import { ResolutionBody } from '@lancar/contracts';
import { insertScreeningResolution, recordAudit } from '@lancar/db';
import { newId } from '@lancar/domain';
import { decisionProblem } from '@lancar/evidence';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { loadReviewState, requireReview } from './review-state.ts';
import { invalidText, madeAfter, requireReference, requireScreenable } from './screening-checks.ts';

export function registerRecordResolution(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/reviews/:reviewId/references/:referenceId/resolutions',
    {
      config: { access: { action: 'update', kind: 'literature_review' } },
      schema: {
        tags: ['literature'],
        summary: 'Settle a screening conflict (a third reviewer or consensus): the final include or exclude',
        params: z.strictObject({ reviewId: z.uuid(), referenceId: z.uuid() }),
        body: ResolutionBody,
      },
    },
    async (request, reply) => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'update', { kind: 'literature_review', facilityId });
      const at = now();
      const review = await requireReview(database.db, actor, request.params.reviewId, at, 'resolution');
      const state = await loadReviewState(database.db, review);
      const reference = requireReference(state, request.params.referenceId);
      const { stage, decision } = request.body;
      const reason = request.body.reason?.trim() ? request.body.reason.trim() : null;
      requireScreenable(state, reference, stage, request.locale);
      const summary = stage === 'full_text' ? state.fullText : state.titleAbstract;
      const current = summary.references.find((item) => item.referenceId === reference.id)?.status;
      // Both reviewers decide independently first; a resolution settles what they left open.
      if (current === 'unscreened' || current === 'awaiting_second') {
        throw invalidText('stage', request.locale, {
          en: 'both reviewers must decide before a resolution',
          id: 'kedua penelaah harus memutuskan dahulu sebelum resolusi',
        });
      }
      const problem = decisionProblem({
        referenceId: reference.id,
        stage,
        resolverId: actor.userId,
        decision,
        ...(reason === null ? {} : { reason }),
      });
      if (problem) throw invalidText('reason', request.locale, problem);
      const row = {
        facility_id: facilityId,
        id: newId(),
        review_id: review.id,
        reference_id: reference.id,
        stage,
        resolver_id: actor.userId,
        decision,
        reason,
        resolved_at: madeAfter(
          state.resolutionRows
            .filter((r) => r.reference_id === reference.id && r.stage === stage)
            .map((r) => r.resolved_at),
          at,
        ),
      };
      await database.db.transaction().execute(async (tx) => {
        await insertScreeningResolution(tx, row);
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'update',
          subjectType: 'literature_review',
          subjectId: review.id,
          purpose: 'research',
          detail: { reference: reference.id, stage, resolution: decision, was: current ?? null },
          at,
        });
      });
      return reply.code(201).send({
        id: row.id,
        referenceId: reference.id,
        stage,
        decision,
        reason,
        resolverId: actor.userId,
        resolvedAt: row.resolved_at.toISOString(),
        status: decision === 'include' ? 'resolved_include' : 'resolved_exclude',
      });
    },
  );
}
