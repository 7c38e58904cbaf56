import type { ExtractionData, ReviewOutput, SourceOutput } from '@lancar/contracts';
import {
  type Executor,
  type ExtractionRow,
  getLiteratureReview,
  type LiteratureReference,
  type LiteratureReview,
  type LiteratureSource,
  listCurrentExtractions,
  listLiteratureReferences,
  listLiteratureSources,
  listScreeningDecisions,
  listScreeningResolutions,
  recordAudit,
  type ScreeningDecisionRow,
  type ScreeningResolutionRow,
} from '@lancar/db';
import type { Actor } from '@lancar/domain';
import {
  type DuplicateGroup,
  findDuplicates,
  type Reference,
  type Resolution,
  type ScreeningDecision,
  type ScreeningSummary,
  screeningStatus,
} from '@lancar/evidence';
import { Problem } from '../../problem.ts';

/**
 * A review as its routes need it: its imports and references, the duplicate groups across all imports, and the
 * screening of the records left after duplicates are removed. Derived on each request from the append-only rows,
 * so an import, a decision or a resolution never leaves a stored summary out of date.
 */
export interface ReviewState {
  review: LiteratureReview;
  sources: LiteratureSource[];
  references: LiteratureReference[];
  duplicateGroups: DuplicateGroup[];
  /** Duplicate record id -> the record kept in its place. */
  duplicateOf: Map<string, string>;
  /** The records screened: every reference that is not a duplicate, in import order. */
  screeningIds: string[];
  decisionRows: ScreeningDecisionRow[];
  resolutionRows: ScreeningResolutionRow[];
  decisions: ScreeningDecision[];
  resolutions: Resolution[];
  titleAbstract: ScreeningSummary;
  fullText: ScreeningSummary;
  /** The newest extraction of each reference. */
  extractions: Map<string, ExtractionRow>;
}

/**
 * The review a request names, in the actor's facility. Another facility's review is answered 404 and the attempt
 * is written to the audit log. Call it outside the request's transaction, so a failing request keeps the trace.
 */
export async function requireReview(
  db: Executor,
  actor: Actor,
  reviewId: string,
  at: Date,
  what: string,
): Promise<LiteratureReview> {
  const review = await getLiteratureReview(db, actor.facilityId, reviewId);
  if (review) return review;
  await recordAudit(db, {
    facilityId: actor.facilityId,
    actorUserId: actor.userId,
    actorRole: actor.role,
    action: 'read',
    subjectType: 'literature_review',
    subjectId: reviewId,
    purpose: 'research',
    detail: { found: false, what },
    at,
  });
  throw new Problem('not-found');
}

export function asEvidenceReference(row: LiteratureReference, format: LiteratureSource['format']): Reference {
  return {
    id: row.id,
    title: row.title,
    authors: row.authors,
    year: row.year,
    journal: row.journal,
    doi: row.doi,
    abstract: row.abstract,
    url: row.url,
    keywords: row.keywords,
    source: format === 'ris' ? 'ris' : 'csv',
    recordNumber: row.record_number,
    line: 0,
  };
}

export function asDecision(row: ScreeningDecisionRow): ScreeningDecision {
  return {
    referenceId: row.reference_id,
    stage: row.stage,
    reviewerId: row.reviewer_id,
    decision: row.decision,
    ...(row.reason === null ? {} : { reason: row.reason }),
  };
}

export function asResolution(row: ScreeningResolutionRow): Resolution {
  return {
    referenceId: row.reference_id,
    stage: row.stage,
    resolverId: row.resolver_id,
    decision: row.decision,
    ...(row.reason === null ? {} : { reason: row.reason }),
  };
}

export async function loadReviewState(db: Executor, review: LiteratureReview): Promise<ReviewState> {
  const { facility_id: facilityId, id: reviewId } = review;
  const [sources, references, decisionRows, resolutionRows, extractionRows] = await Promise.all([
    listLiteratureSources(db, facilityId, reviewId),
    listLiteratureReferences(db, facilityId, reviewId),
    listScreeningDecisions(db, facilityId, reviewId),
    listScreeningResolutions(db, facilityId, reviewId),
    listCurrentExtractions(db, facilityId, reviewId),
  ]);
  const formats = new Map(sources.map((source) => [source.id, source.format]));
  const duplicateGroups = findDuplicates(
    references.map((row) => asEvidenceReference(row, formats.get(row.source_id) ?? 'csv')),
  );
  const duplicateOf = new Map<string, string>();
  for (const group of duplicateGroups) {
    for (const id of group.duplicates) duplicateOf.set(id, group.keep);
  }
  const screeningIds = references.map((row) => row.id).filter((id) => !duplicateOf.has(id));
  const decisions = decisionRows.map(asDecision);
  const resolutions = resolutionRows.map(asResolution);
  return {
    review,
    sources,
    references,
    duplicateGroups,
    duplicateOf,
    screeningIds,
    decisionRows,
    resolutionRows,
    decisions,
    resolutions,
    titleAbstract: screeningStatus(decisions, screeningIds, 'title_abstract', resolutions),
    fullText: screeningStatus(decisions, screeningIds, 'full_text', resolutions),
    extractions: new Map(extractionRows.map((row) => [row.reference_id, row])),
  };
}

export function reviewView(review: LiteratureReview): ReviewOutput {
  return {
    id: review.id,
    title: review.title,
    question: review.question,
    prisma: review.prisma_supplied,
    createdBy: review.created_by,
    createdAt: review.created_at.toISOString(),
  };
}

export function sourceView(source: LiteratureSource, references: number): SourceOutput {
  return {
    id: source.id,
    name: source.name,
    kind: source.kind,
    format: source.format,
    references,
    importedAt: source.imported_at.toISOString(),
  };
}

export function extractionData(row: ExtractionRow): ExtractionData {
  return row.data as unknown as ExtractionData;
}

/** "Sulaeman 2016": the first author's family name and the year, else the start of the title. */
export function referenceLabel(reference: LiteratureReference): string {
  const first = reference.authors[0]?.split(/[,;]/)[0]?.trim();
  const who = first && first.length > 0 ? first : reference.title.slice(0, 40);
  const more = reference.authors.length > 1 ? ' et al.' : '';
  return reference.year === null ? `${who}${more}` : `${who}${more} ${reference.year}`;
}
