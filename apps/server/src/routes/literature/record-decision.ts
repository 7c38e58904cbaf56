import { DecisionBody } from '@lancar/contracts';
import { insertScreeningDecision, recordAudit } from '@lancar/db';
import { newId } from '@lancar/domain';
import { decisionProblem } from '@lancar/evidence';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { loadReviewState, requireReview } from './review-state.ts';
import { invalidText, madeAfter, requireReference, requireScreenable } from './screening-checks.ts';

export function registerRecordDecision(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/reviews/:reviewId/references/:referenceId/decisions',
    {
      config: { access: { action: 'update', kind: 'literature_review' } },
      schema: {
        tags: ['literature'],
        summary:
          'The logged-in reviewer’s screening decision (include, exclude or maybe); a newer one replaces her earlier one',
        params: z.strictObject({ reviewId: z.uuid(), referenceId: z.uuid() }),
        body: DecisionBody,
      },
    },
    async (request, reply) => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'update', { kind: 'literature_review', facilityId });
      const at = now();
      const review = await requireReview(database.db, actor, request.params.reviewId, at, 'decision');
      const state = await loadReviewState(database.db, review);
      const reference = requireReference(state, request.params.referenceId);
      const { stage, decision } = request.body;
      const reason = request.body.reason?.trim() ? request.body.reason.trim() : null;
      requireScreenable(state, reference, stage, request.locale);
      const problem = decisionProblem({
        referenceId: reference.id,
        stage,
        reviewerId: actor.userId,
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
        reviewer_id: actor.userId,
        decision,
        reason,
        decided_at: madeAfter(
          state.decisionRows
            .filter((r) => r.reference_id === reference.id && r.stage === stage && r.reviewer_id === actor.userId)
            .map((r) => r.decided_at),
          at,
        ),
      };
      await database.db.transaction().execute(async (tx) => {
        await insertScreeningDecision(tx, row);
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'update',
          subjectType: 'literature_review',
          subjectId: review.id,
          purpose: 'research',
          detail: { reference: reference.id, stage, decision },
          at,
        });
      });
      const updated = await loadReviewState(database.db, review);
      const summary = stage === 'full_text' ? updated.fullText : updated.titleAbstract;
      return reply.code(201).send({
        id: row.id,
        referenceId: reference.id,
        stage,
        decision,
        reason,
        reviewerId: actor.userId,
        decidedAt: row.decided_at.toISOString(),
        status: summary.references.find((item) => item.referenceId === reference.id)?.status ?? null,
      });
    },
  );
}
