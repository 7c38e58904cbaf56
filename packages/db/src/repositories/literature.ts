import type { Selectable } from 'kysely';
import type {
  ExtractionTable,
  LiteratureReferenceTable,
  LiteratureReviewTable,
  LiteratureSourceTable,
  ScreeningDecisionTable,
  ScreeningResolutionTable,
} from '../schema.ts';
import type { Executor } from './executor.ts';

/**
 * Literature reviews: imports, references, two-reviewer screening and the extraction table. Everything but the
 * review's supplied PRISMA numbers is append-only; the newest decision of a reviewer, resolution and extraction
 * version are the ones that count, and the domain (@lancar/evidence) reads them in the order they were made.
 * Every query filters by facility.
 */
export type LiteratureReview = Selectable<LiteratureReviewTable>;
export type LiteratureSource = Selectable<LiteratureSourceTable>;
export type LiteratureReference = Selectable<LiteratureReferenceTable>;
export type ScreeningDecisionRow = Selectable<ScreeningDecisionTable>;
export type ScreeningResolutionRow = Selectable<ScreeningResolutionTable>;
export type ExtractionRow = Selectable<ExtractionTable>;

export interface NewLiteratureReview {
  facility_id: string;
  id: string;
  title: string;
  question: string | null;
  created_by: string;
  created_at: Date;
}

export async function insertLiteratureReview(db: Executor, review: NewLiteratureReview): Promise<void> {
  await db
    .insertInto('literature_review')
    .values({ ...review, updated_at: review.created_at, prisma_supplied: '{}' })
    .execute();
}

export function getLiteratureReview(
  db: Executor,
  facilityId: string,
  id: string,
): Promise<LiteratureReview | undefined> {
  return db
    .selectFrom('literature_review')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The facility's reviews, newest first. */
export function listLiteratureReviews(db: Executor, facilityId: string): Promise<LiteratureReview[]> {
  return db
    .selectFrom('literature_review')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Replaces the PRISMA numbers the researcher supplies (the only part of a review that changes). */
export async function setPrismaSupplied(
  db: Executor,
  facilityId: string,
  id: string,
  supplied: Record<string, number>,
  at: Date,
): Promise<void> {
  await db
    .updateTable('literature_review')
    .set({ prisma_supplied: JSON.stringify(supplied), updated_at: at })
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .execute();
}

export interface NewLiteratureSource {
  facility_id: string;
  id: string;
  review_id: string;
  name: string;
  kind: LiteratureSource['kind'];
  format: LiteratureSource['format'];
  imported_by: string;
  imported_at: Date;
}

export async function insertLiteratureSource(db: Executor, source: NewLiteratureSource): Promise<void> {
  await db.insertInto('literature_source').values(source).execute();
}

/** A review's imports, oldest first. */
export function listLiteratureSources(db: Executor, facilityId: string, reviewId: string): Promise<LiteratureSource[]> {
  return db
    .selectFrom('literature_source')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('review_id', '=', reviewId)
    .orderBy('imported_at')
    .orderBy('id')
    .execute();
}

export interface NewLiteratureReference {
  facility_id: string;
  id: string;
  review_id: string;
  source_id: string;
  record_number: number;
  title: string;
  authors: string[];
  year: number | null;
  journal: string | null;
  doi: string | null;
  abstract: string | null;
  url: string | null;
  keywords: string[];
  evidence_study_id: string | null;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters at 14 columns a row. */
const INSERT_CHUNK = 500;

export async function insertLiteratureReferences(
  db: Executor,
  references: readonly NewLiteratureReference[],
): Promise<void> {
  for (let start = 0; start < references.length; start += INSERT_CHUNK) {
    const chunk = references.slice(start, start + INSERT_CHUNK);
    await db
      .insertInto('literature_reference')
      .values(
        chunk.map((reference) => ({
          ...reference,
          authors: JSON.stringify(reference.authors),
          keywords: JSON.stringify(reference.keywords),
        })),
      )
      .execute();
  }
}

/** A review's references in import order (source by source, then as they stood in the file). */
export function listLiteratureReferences(
  db: Executor,
  facilityId: string,
  reviewId: string,
): Promise<LiteratureReference[]> {
  return db
    .selectFrom('literature_reference')
    .innerJoin('literature_source', (join) =>
      join
        .onRef('literature_source.facility_id', '=', 'literature_reference.facility_id')
        .onRef('literature_source.id', '=', 'literature_reference.source_id'),
    )
    .selectAll('literature_reference')
    .where('literature_reference.facility_id', '=', facilityId)
    .where('literature_reference.review_id', '=', reviewId)
    .orderBy('literature_source.imported_at')
    .orderBy('literature_source.id')
    .orderBy('literature_reference.record_number')
    .execute();
}

export function getLiteratureReference(
  db: Executor,
  facilityId: string,
  reviewId: string,
  id: string,
): Promise<LiteratureReference | undefined> {
  return db
    .selectFrom('literature_reference')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('review_id', '=', reviewId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The evidence-file study ids already preloaded into a review. */
export async function preloadedStudyIds(db: Executor, facilityId: string, reviewId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('literature_reference')
    .select('evidence_study_id')
    .where('facility_id', '=', facilityId)
    .where('review_id', '=', reviewId)
    .where('evidence_study_id', 'is not', null)
    .execute();
  return new Set(rows.map((row) => row.evidence_study_id ?? ''));
}

export async function insertScreeningDecision(db: Executor, decision: ScreeningDecisionRow): Promise<void> {
  await db.insertInto('screening_decision').values(decision).execute();
}

/** Every decision of a review in the order it was made (later ones supersede a reviewer's earlier ones). */
export function listScreeningDecisions(
  db: Executor,
  facilityId: string,
  reviewId: string,
): Promise<ScreeningDecisionRow[]> {
  return db
    .selectFrom('screening_decision')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('review_id', '=', reviewId)
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
}

export async function insertScreeningResolution(db: Executor, resolution: ScreeningResolutionRow): Promise<void> {
  await db.insertInto('screening_resolution').values(resolution).execute();
}

/** Every resolution of a review in the order it was made (a later one supersedes an earlier one). */
export function listScreeningResolutions(
  db: Executor,
  facilityId: string,
  reviewId: string,
): Promise<ScreeningResolutionRow[]> {
  return db
    .selectFrom('screening_resolution')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('review_id', '=', reviewId)
    .orderBy('resolved_at')
    .orderBy('id')
    .execute();
}

export interface NewExtraction {
  facility_id: string;
  id: string;
  review_id: string;
  reference_id: string;
  data: Record<string, unknown>;
  recorded_by: string;
  recorded_at: Date;
  supersedes: string | null;
}

export async function insertExtractions(db: Executor, extractions: readonly NewExtraction[]): Promise<void> {
  for (let start = 0; start < extractions.length; start += INSERT_CHUNK) {
    const chunk = extractions.slice(start, start + INSERT_CHUNK);
    await db
      .insertInto('extraction')
      .values(chunk.map((extraction) => ({ ...extraction, data: JSON.stringify(extraction.data) })))
      .execute();
  }
}

/** The newest extraction of each reference of a review: the one no other row supersedes. */
export function listCurrentExtractions(db: Executor, facilityId: string, reviewId: string): Promise<ExtractionRow[]> {
  return db
    .selectFrom('extraction as e')
    .selectAll('e')
    .where('e.facility_id', '=', facilityId)
    .where('e.review_id', '=', reviewId)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('extraction as newer')
            .select('newer.id')
            .whereRef('newer.facility_id', '=', 'e.facility_id')
            .whereRef('newer.supersedes', '=', 'e.id'),
        ),
      ),
    )
    .orderBy('e.recorded_at')
    .orderBy('e.id')
    .execute();
}
