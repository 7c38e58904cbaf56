import { type ReferenceOutput, ReferencesQuery } from '@lancar/contracts';
import { recordAudit, userNames } from '@lancar/db';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { extractionData, loadReviewState, requireReview } from './review-state.ts';

export function registerListReferences(app: App, { database, now }: AppContext): void {
  app.get(
    '/api/reviews/:reviewId/references',
    {
      config: { access: { action: 'read', kind: 'literature_review' } },
      schema: {
        tags: ['literature'],
        summary:
          'References to screen at a stage, each with its status (conflicts included), the reviewers’ newest decisions and its extraction',
        params: z.strictObject({ reviewId: z.uuid() }),
        querystring: ReferencesQuery,
      },
    },
    async (request): Promise<{ stage: string; references: ReferenceOutput[]; problems: unknown[] }> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'read', { kind: 'literature_review', facilityId });
      const at = now();
      const { stage } = request.query;
      const review = await requireReview(database.db, actor, request.params.reviewId, at, 'references');
      const state = await loadReviewState(database.db, review);
      const summary = stage === 'full_text' ? state.fullText : state.titleAbstract;
      const statuses = new Map(summary.references.map((item) => [item.referenceId, item]));
      const names = await userNames(
        database.db,
        facilityId,
        state.decisionRows.map((row) => row.reviewer_id),
      );
      // Each reviewer's newest decision: rows come oldest first, so a later one overwrites.
      const latest = new Map<string, Map<string, (typeof state.decisionRows)[number]>>();
      for (const row of state.decisionRows) {
        if (row.stage !== stage) continue;
        const byReviewer = latest.get(row.reference_id) ?? new Map();
        byReviewer.set(row.reviewer_id, row);
        latest.set(row.reference_id, byReviewer);
      }
      const resolutions = new Map(
        state.resolutionRows.filter((row) => row.stage === stage).map((row) => [row.reference_id, row]),
      );
      // At full text only the records included at title/abstract are listed; duplicates are shown at title/abstract.
      const listed = state.references.filter((row) => (stage === 'full_text' ? statuses.has(row.id) : true));
      const references = listed.map((row): ReferenceOutput => {
        const status = statuses.get(row.id);
        const resolution = resolutions.get(row.id);
        const extraction = state.extractions.get(row.id);
        return {
          id: row.id,
          sourceId: row.source_id,
          title: row.title,
          authors: row.authors,
          year: row.year,
          journal: row.journal,
          doi: row.doi,
          abstract: row.abstract,
          url: row.url,
          keywords: row.keywords,
          evidenceStudyId: row.evidence_study_id,
          duplicateOf: state.duplicateOf.get(row.id) ?? null,
          status: status?.status ?? 'duplicate',
          exclusionReason: status?.exclusionReason ?? null,
          decisions: [...(latest.get(row.id)?.values() ?? [])].map((decision) => ({
            reviewerId: decision.reviewer_id,
            reviewerName: names.get(decision.reviewer_id) ?? null,
            decision: decision.decision,
            reason: decision.reason,
            decidedAt: decision.decided_at.toISOString(),
          })),
          resolution: resolution
            ? {
                resolverId: resolution.resolver_id,
                decision: resolution.decision,
                reason: resolution.reason,
                resolvedAt: resolution.resolved_at.toISOString(),
              }
            : null,
          extraction: extraction
            ? {
                id: extraction.id,
                referenceId: extraction.reference_id,
                data: extractionData(extraction),
                recordedBy: extraction.recorded_by,
                recordedAt: extraction.recorded_at.toISOString(),
                supersedes: extraction.supersedes,
              }
            : null,
        };
      });
      await recordAudit(database.db, {
        facilityId,
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'list',
        subjectType: 'literature_review',
        subjectId: review.id,
        purpose: 'research',
        detail: { references: references.length, stage },
        at,
      });
      return { stage, references, problems: summary.problems };
    },
  );
}
