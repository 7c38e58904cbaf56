import { type ImportOutput, LITERATURE_LIMITS, ReferenceImportBody } from '@lancar/contracts';
import { insertLiteratureReferences, insertLiteratureSource, recordAudit } from '@lancar/db';
import { newId } from '@lancar/domain';
import {
  type ImportProblem,
  parseReferenceCsv,
  parseRis,
  ReferenceFileError,
  type ReferenceImport,
} from '@lancar/evidence';
import { z } from 'zod';
import type { App, AppContext } from '../../app-types.ts';
import { authorize } from '../../auth/authorize.ts';
import { Problem } from '../../problem.ts';
import { loadReviewState, requireReview, sourceView } from './review-state.ts';

/** JSON escapes (\n, \") make the body larger than the file it carries. */
const BODY_LIMIT = Math.ceil(LITERATURE_LIMITS.importMaxBytes * 1.25);

function unusable(reason: { id: string; en: string }): Problem {
  return new Problem('reference-file-unusable', { params: { reasonId: reason.id, reasonEn: reason.en } });
}

function parse(format: 'ris' | 'csv', text: string): ReferenceImport {
  const idFor = () => newId();
  try {
    return format === 'ris' ? parseRis(text, idFor) : parseReferenceCsv(text, idFor);
  } catch (error) {
    if (error instanceof ReferenceFileError) throw unusable(error.bilingual);
    throw error;
  }
}

/** Within the column's length check, and without NUL (PostgreSQL cannot store it in text). */
function clip<T extends string | null>(value: T, max: number): T {
  return (value === null ? null : value.replaceAll('\u0000', '').slice(0, max)) as T;
}

function problemView(problem: ImportProblem): ImportOutput['problems'][number] {
  return { recordNumber: problem.recordNumber, line: problem.line, message: problem.message };
}

export function registerImportReferences(app: App, { database, now }: AppContext): void {
  app.post(
    '/api/reviews/:reviewId/imports',
    {
      bodyLimit: BODY_LIMIT,
      config: { access: { action: 'update', kind: 'literature_review' } },
      schema: {
        tags: ['literature'],
        summary:
          'Import references from a database or register export (RIS or CSV); records that cannot be read are reported, duplicates marked',
        params: z.strictObject({ reviewId: z.uuid() }),
        body: ReferenceImportBody,
      },
    },
    async (request, reply): Promise<ImportOutput> => {
      const facilityId = request.actor?.facilityId ?? '';
      const actor = authorize(request, 'update', { kind: 'literature_review', facilityId });
      const at = now();
      const review = await requireReview(database.db, actor, request.params.reviewId, at, 'import');
      const body = request.body;
      const before = await loadReviewState(database.db, review);
      const sourceId = body.id ?? newId();
      const retried = before.sources.find((source) => source.id === sourceId);
      if (retried) {
        // The same upload sent again: acknowledged with what the first one stored.
        if (retried.name !== body.sourceName || retried.format !== body.format) throw new Problem('id-conflict');
        const count = before.references.filter((reference) => reference.source_id === sourceId).length;
        return reply
          .code(200)
          .send({ source: sourceView(retried, count), imported: count, problems: [], duplicates: [] });
      }

      const parsed = parse(body.format, body.text);
      if (parsed.references.length === 0) {
        const first = parsed.problems[0]?.message;
        throw unusable(
          first
            ? { id: `Tidak ada rujukan yang bisa dibaca. ${first.id}`, en: `No reference could be read. ${first.en}` }
            : { id: 'Tidak ada rujukan dalam berkas.', en: 'The file holds no references.' },
        );
      }
      if (parsed.references.length > LITERATURE_LIMITS.importMaxReferences) {
        throw unusable({
          id: `Berkas berisi ${parsed.references.length} rujukan; batasnya ${LITERATURE_LIMITS.importMaxReferences} per impor. Bagi hasil pencarian menjadi beberapa berkas.`,
          en: `The file holds ${parsed.references.length} references; the limit is ${LITERATURE_LIMITS.importMaxReferences} per import. Split the search results into several files.`,
        });
      }
      const source = {
        facility_id: facilityId,
        id: sourceId,
        review_id: review.id,
        name: body.sourceName,
        kind: body.kind,
        format: body.format,
        imported_by: actor.userId,
        imported_at: at,
      };
      await database.db.transaction().execute(async (tx) => {
        await insertLiteratureSource(tx, source);
        await insertLiteratureReferences(
          tx,
          parsed.references.map((reference) => ({
            facility_id: facilityId,
            id: reference.id,
            review_id: review.id,
            source_id: sourceId,
            record_number: reference.recordNumber,
            title: clip(reference.title, 2000),
            authors: reference.authors.map((author) => clip(author, 300)),
            year: reference.year,
            journal: clip(reference.journal, 1000),
            doi: clip(reference.doi, 300),
            abstract: clip(reference.abstract, 20000),
            url: clip(reference.url, 2000),
            keywords: reference.keywords.map((keyword) => clip(keyword, 300)),
            evidence_study_id: null,
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
          detail: {
            import: sourceId,
            format: body.format,
            references: parsed.references.length,
            problems: parsed.problems.length,
          },
          at,
        });
      });
      const after = await loadReviewState(database.db, review);
      const imported = new Set(parsed.references.map((reference) => reference.id));
      const stored = after.sources.find((item) => item.id === sourceId) ?? { ...source, imported_at: at };
      return reply.code(201).send({
        source: sourceView(stored, parsed.references.length),
        imported: parsed.references.length,
        problems: parsed.problems.map(problemView),
        duplicates: after.duplicateGroups.filter((group) =>
          [group.keep, ...group.duplicates].some((id) => imported.has(id)),
        ),
      });
    },
  );
}
