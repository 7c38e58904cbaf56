import { EVIDENCE_STUDIES } from '@lancar/content/evidence';
import type { SourceOutput } from '@lancar/contracts';
import {
  insertExtractions,
  insertLiteratureReferences,
  insertLiteratureSource,
  preloadedStudyIds,
  recordAudit,
} from '@lancar/db';
import { newId } from '@lancar/domain';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { preloadedStudy } from './evidence-preload.ts';
import { requireReview, sourceView } from './review-state.ts';

export const PRELOADED_SOURCE_NAME = 'Lancar evidence file';

export function registerPreloadEvidence(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/reviews/:reviewId/preload',
    {
      config: { access: { action: 'update', kind: 'literature_review' } },
      schema: {
        tags: ['literature'],
        summary:
          'Add the studies of Lancar’s evidence file as references, their extraction filled in (derived numbers flagged)',
        params: z.strictObject({ reviewId: z.uuid() }),
      },
    },
    async (request, reply): Promise<{ source: SourceOutput | null; added: number }> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'update', { kind: 'literature_review', facilityId });
      const at = now();
      const review = await requireReview(database.db, actor, request.params.reviewId, at, 'preload');
      const already = await preloadedStudyIds(database.db, facilityId, review.id);
      const studies = EVIDENCE_STUDIES.filter((study) => !already.has(study.id)).map(preloadedStudy);
      // Preloading twice adds nothing: each study is in a review at most once.
      if (studies.length === 0) return reply.code(200).send({ source: null, added: 0 });
      const source = {
        facility_id: facilityId,
        id: newId(),
        review_id: review.id,
        name: PRELOADED_SOURCE_NAME,
        kind: 'database' as const,
        format: 'preloaded' as const,
        imported_by: actor.userId,
        imported_at: at,
      };
      const references = studies.map((study, index) => ({
        facility_id: facilityId,
        id: newId(),
        review_id: review.id,
        source_id: source.id,
        record_number: index + 1,
        title: study.title,
        authors: study.authors,
        year: study.year,
        journal: study.journal,
        doi: study.doi,
        abstract: study.abstract,
        url: study.url,
        keywords: [],
        evidence_study_id: study.studyId,
      }));
      await database.db.transaction().execute(async (tx) => {
        await insertLiteratureSource(tx, source);
        await insertLiteratureReferences(tx, references);
        await insertExtractions(
          tx,
          studies.map((study, index) => ({
            facility_id: facilityId,
            id: newId(),
            review_id: review.id,
            reference_id: references[index]?.id ?? '',
            data: { ...study.extraction },
            recorded_by: actor.userId,
            recorded_at: at,
            supersedes: null,
          })),
        );
        await recordAudit(tx, {
          facilityId,
          actorUserId: actor.userId,
          actorRole: actor.role,
          action: 'update',
          subjectType: 'literature_review',
          subjectId: review.id,
          purpose: 'research',
          detail: { preloaded: studies.length, source: source.id },
          at,
        });
      });
      return reply.code(201).send({ source: sourceView(source, studies.length), added: studies.length });
    },
  );
}
