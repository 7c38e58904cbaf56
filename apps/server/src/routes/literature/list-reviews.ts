import type { ReviewOutput } from '@lancar/contracts';
import { listLiteratureReviews, recordAudit } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { reviewView } from './review-state.ts';

export function registerListReviews(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/reviews',
    {
      config: { access: { action: 'list', kind: 'literature_review' } },
      schema: { tags: ['literature'], summary: 'The facility’s literature reviews, newest first' },
    },
    async (request): Promise<{ reviews: ReviewOutput[] }> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'list', { kind: 'literature_review', facilityId });
      const reviews = await listLiteratureReviews(database.db, facilityId);
      await recordAudit(database.db, {
        facilityId,
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'list',
        subjectType: 'literature_review',
        subjectId: null,
        purpose: 'research',
        detail: { reviews: reviews.length },
        at: now(),
      });
      return { reviews: reviews.map(reviewView) };
    },
  );
}
