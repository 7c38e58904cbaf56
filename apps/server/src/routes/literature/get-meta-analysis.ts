import { type MetaAnalysisOutput, MetaAnalysisQuery } from '@lancar/contracts';
import { recordAudit } from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { includedStudies } from './included-studies.ts';
import { computeMetaAnalysis } from './meta-analysis.ts';
import { loadReviewState, requireReview } from './review-state.ts';

export function registerGetMetaAnalysis(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/reviews/:reviewId/meta-analysis',
    {
      config: { access: { action: 'read', kind: 'literature_review' } },
      schema: {
        tags: ['literature'],
        summary:
          'Pool one outcome over the included studies’ extractions (MD, SMD, RR or OR; FE, DL or REML), overall and by subgroup',
        params: z.strictObject({ reviewId: z.uuid() }),
        querystring: MetaAnalysisQuery,
      },
    },
    async (request): Promise<MetaAnalysisOutput> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'read', { kind: 'literature_review', facilityId });
      const at = now();
      const review = await requireReview(database.db, actor, request.params.reviewId, at, 'meta-analysis');
      const state = await loadReviewState(database.db, review);
      const { models: _models, ...result } = computeMetaAnalysis(includedStudies(state), request.query);
      await recordAudit(database.db, {
        facilityId,
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'read',
        subjectType: 'literature_review',
        subjectId: review.id,
        purpose: 'research',
        detail: { metaAnalysis: request.query.outcome, measure: request.query.measure, k: result.studies.length },
        at,
      });
      return result;
    },
  );
}
