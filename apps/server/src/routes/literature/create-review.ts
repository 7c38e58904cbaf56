import { ReviewBody, type ReviewOutput } from '@lancar/contracts';
import { getLiteratureReview, insertLiteratureReview, recordAudit } from '@lancar/db';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { reviewView } from './review-state.ts';

export function registerCreateReview(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/reviews',
    {
      config: { access: { action: 'create', kind: 'literature_review' } },
      schema: {
        tags: ['literature'],
        summary: 'Start a literature review (its question; references, screening and extraction follow)',
        body: ReviewBody,
      },
    },
    async (request, reply): Promise<ReviewOutput> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'create', { kind: 'literature_review', facilityId });
      const body = request.body;
      // Stored trimmed, an empty question as none; a retry is compared in that form too.
      const question = body.question?.trim() || null;
      const at = now();
      // The same review sent again (a retry) is acknowledged; another one under the same id is refused.
      const existing = await getLiteratureReview(database.db, facilityId, body.id);
      if (existing) {
        if (existing.title !== body.title || existing.question !== question) throw new Problem('id-conflict');
        return reply.code(200).send(reviewView(existing));
      }
      await database.db.transaction().execute(async (tx) => {
        await insertLiteratureReview(tx, {
          facility_id: facilityId,
          id: body.id,
          title: body.title,
          question,
          created_by: actor.userId,
          created_at: at,
        });
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'create',
          subjectType: 'literature_review',
          subjectId: body.id,
          purpose: 'research',
          at,
        });
      });
      const stored = await getLiteratureReview(database.db, facilityId, body.id);
      if (!stored) throw new Problem('internal');
      return reply.code(201).send(reviewView(stored));
    },
  );
}
