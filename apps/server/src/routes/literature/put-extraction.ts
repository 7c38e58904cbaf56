import { ExtractionBody, type ExtractionOutput } from '@lancar/contracts';
import { insertExtractions, recordAudit } from '@lancar/db';
import { newId } from '@lancar/domain';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { loadReviewState, requireReview } from './review-state.ts';
import { invalidText, requireReference } from './screening-checks.ts';

export function registerPutExtraction(app: App, { database, now }: AppContext): void {
  app.put(
    '/api/reviews/:reviewId/references/:referenceId/extraction',
    {
      config: { access: { action: 'update', kind: 'literature_review' } },
      schema: {
        tags: ['literature'],
        summary:
          'Save a reference’s extraction form (design, who massaged, per outcome the arm numbers and which were derived); the earlier version is kept',
        params: z.strictObject({ reviewId: z.uuid(), referenceId: z.uuid() }),
        body: ExtractionBody,
      },
    },
    async (request, reply): Promise<ExtractionOutput> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'update', { kind: 'literature_review', facilityId });
      const at = now();
      const review = await requireReview(database.db, actor, request.params.reviewId, at, 'extraction');
      const state = await loadReviewState(database.db, review);
      const reference = requireReference(state, request.params.referenceId);
      const keep = state.duplicateOf.get(reference.id);
      if (keep !== undefined) {
        throw invalidText('referenceId', request.locale, {
          en: `a duplicate is not extracted: use record ${keep}`,
          id: `duplikat tidak diekstraksi: gunakan rujukan ${keep}`,
        });
      }
      const data = request.body.data;
      data.results.forEach((result, index) => {
        const derivedOnly = result.derivedFields.filter((field) => result[field] === null);
        if (derivedOnly.length > 0) {
          throw invalidText(`data.results.${index}.derivedFields`, request.locale, {
            en: `marked derived but empty: ${derivedOnly.join(', ')}`,
            id: `ditandai turunan tetapi kosong: ${derivedOnly.join(', ')}`,
          });
        }
      });
      const previous = state.extractions.get(reference.id);
      const row = {
        facility_id: facilityId,
        id: newId(),
        review_id: review.id,
        reference_id: reference.id,
        data,
        recorded_by: actor.userId,
        recorded_at: at,
        supersedes: previous?.id ?? null,
      };
      await database.db.transaction().execute(async (tx) => {
        await insertExtractions(tx, [row]);
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: previous ? 'update' : 'create',
          subjectType: 'literature_review',
          subjectId: review.id,
          purpose: 'research',
          detail: { reference: reference.id, extraction: row.id, supersedes: row.supersedes },
          at,
        });
      });
      return reply.code(previous ? 200 : 201).send({
        id: row.id,
        referenceId: reference.id,
        data,
        recordedBy: actor.userId,
        recordedAt: at.toISOString(),
        supersedes: row.supersedes,
      });
    },
  );
}
