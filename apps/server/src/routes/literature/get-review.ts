import type { ReviewDetailOutput } from '@lancar/contracts';
import { recordAudit } from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { loadReviewState, requireReview, reviewView, sourceView } from './review-state.ts';

export function registerGetReview(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/reviews/:reviewId',
    {
      config: { access: { action: 'read', kind: 'literature_review' } },
      schema: {
        tags: ['literature'],
        summary: 'A literature review with its imports and screening counts per stage',
        params: z.strictObject({ reviewId: z.uuid() }),
      },
    },
    async (request): Promise<ReviewDetailOutput> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'read', { kind: 'literature_review', facilityId });
      const at = now();
      const review = await requireReview(database.db, actor, request.params.reviewId, at, 'review');
      const state = await loadReviewState(database.db, review);
      await recordAudit(database.db, {
        facilityId,
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'read',
        subjectType: 'literature_review',
        subjectId: review.id,
        purpose: 'research',
        at,
      });
      const perSource = new Map<string, number>();
      for (const reference of state.references) {
        perSource.set(reference.source_id, (perSource.get(reference.source_id) ?? 0) + 1);
      }
      return {
        ...reviewView(review),
        sources: state.sources.map((source) => sourceView(source, perSource.get(source.id) ?? 0)),
        references: state.references.length,
        duplicates: state.duplicateOf.size,
        screening: { title_abstract: state.titleAbstract.counts, full_text: state.fullText.counts },
        extracted: state.extractions.size,
      };
    },
  );
}
