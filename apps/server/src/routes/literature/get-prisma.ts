import { recordAudit } from '@lancar/db';
import { type PrismaResult, prismaCounts, prismaFlowSvg } from '@lancar/evidence';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { SVG_TYPE } from './get-forest-plot.ts';
import { loadReviewState, type ReviewState, requireReview } from './review-state.ts';

/** PRISMA 2020 counts from the imports, the duplicates found and the screening, with the researcher's numbers. */
export function reviewPrisma(state: ReviewState): PrismaResult {
  return prismaCounts({
    sources: state.sources.map((source) => ({
      name: source.name,
      kind: source.kind,
      referenceIds: state.references.filter((row) => row.source_id === source.id).map((row) => row.id),
    })),
    duplicateGroups: state.duplicateGroups,
    decisions: state.decisions,
    resolutions: state.resolutions,
    supplied: state.review.prisma_supplied,
  });
}

export function registerGetPrisma(app: App, { database, now }: AppContext): void {
  for (const format of ['json', 'svg'] as const) {
    app.get(
      format === 'svg' ? '/api/reviews/:reviewId/prisma.svg' : '/api/reviews/:reviewId/prisma',
      {
        config: { access: { action: 'read', kind: 'literature_review' } },
        schema: {
          tags: ['literature'],
          summary:
            format === 'svg'
              ? 'The PRISMA 2020 flow diagram (SVG, printable) in the reader’s language'
              : 'The PRISMA 2020 flow counts and what does not add up',
          params: z.strictObject({ reviewId: z.uuid() }),
        },
      },
      async (request, reply) => {
        const facilityId = request.actor?.facilityId ?? '';
        const actor = authorize(request, 'read', { kind: 'literature_review', facilityId });
        const at = now();
        const review = await requireReview(database.db, actor, request.params.reviewId, at, 'prisma');
        const result = reviewPrisma(await loadReviewState(database.db, review));
        await recordAudit(database.db, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'read',
          subjectType: 'literature_review',
          subjectId: review.id,
          purpose: 'research',
          detail: { prisma: format },
          at,
        });
        if (format === 'json') return result;
        return reply.type(SVG_TYPE).send(prismaFlowSvg(result.counts, { language: request.locale }));
      },
    );
  }
}
