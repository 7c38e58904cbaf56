import { ForestQuery } from '@lancar/contracts';
import { recordAudit } from '@lancar/db';
import { forestPlot } from '@lancar/stats';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { includedStudies } from './included-studies.ts';
import { computeMetaAnalysis } from './meta-analysis.ts';
import { loadReviewState, requireReview } from './review-state.ts';

export const SVG_TYPE = 'image/svg+xml; charset=utf-8';

export function registerGetForestPlot(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/reviews/:reviewId/forest.svg',
    {
      config: { access: { action: 'read', kind: 'literature_review' } },
      schema: {
        tags: ['literature'],
        summary:
          'Forest plot (SVG) of the meta-analysis: every included study, or one subgroup (group=...), in the reader’s language',
        params: z.strictObject({ reviewId: z.uuid() }),
        querystring: ForestQuery,
      },
    },
    async (request, reply) => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'read', { kind: 'literature_review', facilityId });
      const at = now();
      const review = await requireReview(database.db, actor, request.params.reviewId, at, 'forest plot');
      const state = await loadReviewState(database.db, review);
      const { group, ...query } = request.query;
      const computed = computeMetaAnalysis(includedStudies(state), query);
      const studies =
        group === undefined ? computed.studies : computed.studies.filter((study) => study.group === group);
      const model = group === undefined ? computed.models.overall : (computed.models.subgroups.get(group) ?? null);
      if (!model) throw new Problem('meta-analysis-too-few', { params: { k: String(studies.length) } });
      const svg = forestPlot({
        studies: studies.map((study) => ({ label: study.label, yi: study.yi, vi: study.vi })),
        result: model,
        exponentiate: computed.logScale,
        title:
          group === undefined ? `${query.outcome} (${query.measure})` : `${query.outcome} (${query.measure}): ${group}`,
        language: request.locale,
      });
      await recordAudit(database.db, {
        facilityId,
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'read',
        subjectType: 'literature_review',
        subjectId: review.id,
        purpose: 'research',
        detail: { forestPlot: query.outcome, measure: query.measure, group: group ?? null, k: studies.length },
        at,
      });
      return reply.type(SVG_TYPE).send(svg);
    },
  );
}
