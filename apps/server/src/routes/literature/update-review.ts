import { type ReviewOutput, ReviewPatchBody } from '@lancar/contracts';
import { getLiteratureReview, recordAudit, setPrismaSupplied } from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { requireReview, reviewView } from './review-state.ts';

export function registerUpdateReview(app: App, { database, now }: AppContext): void {
  app.patch(
    '/api/reviews/:reviewId',
    {
      config: { access: { action: 'update', kind: 'literature_review' } },
      schema: {
        tags: ['literature'],
        summary: 'Set the PRISMA 2020 numbers only the researcher knows (automation, other removals, not retrieved)',
        params: z.strictObject({ reviewId: z.uuid() }),
        body: ReviewPatchBody,
      },
    },
    async (request): Promise<ReviewOutput> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'update', { kind: 'literature_review', facilityId });
      const at = now();
      const review = await requireReview(database.db, actor, request.params.reviewId, at, 'prisma numbers');
      const prisma = request.body.prisma;
      await database.db.transaction().execute(async (tx) => {
        await setPrismaSupplied(tx, facilityId, review.id, prisma, at);
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'update',
          subjectType: 'literature_review',
          subjectId: review.id,
          purpose: 'research',
          detail: { prisma: review.prisma_supplied, to: prisma },
          at,
        });
      });
      const stored = await getLiteratureReview(database.db, facilityId, review.id);
      if (!stored) throw new Problem('internal');
      return reviewView(stored);
    },
  );
}
