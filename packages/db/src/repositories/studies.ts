import { sql } from 'kysely';
import type { StudyEnrolmentTable, StudyTable } from '../schema.ts';
import type { Executor } from './executor.ts';

/**
 * Research studies and their enrolments (migration 0009). Researchers see mothers by pseudonym only: the functions
 * that feed research routes select no name, NIK, phone, address or date of birth, and only consenting mothers.
 */

/** jsonb arrives parsed from node-postgres and as text from some PGlite paths. */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export interface StudyRow<Definition = Record<string, unknown>, Allocation = Record<string, unknown>> {
  facility_id: string;
  id: string;
  title: string;
  definition: Definition;
  status: StudyTable['status'];
  created_by: string;
  created_at: Date;
  /** The concealed sequence: for the enrolment route only, never for a response. */
  allocation: Allocation | null;
}

export interface NewStudy {
  facility_id: string;
  id: string;
  title: string;
  definition: object;
  status: StudyTable['status'];
  created_by: string;
  created_at: Date;
  allocation: object | null;
}

export async function insertStudy(db: Executor, study: NewStudy): Promise<void> {
  await db
    .insertInto('study')
    .values({
      ...study,
      definition: JSON.stringify(study.definition),
      allocation: study.allocation === null ? null : JSON.stringify(study.allocation),
    })
    .execute();
}

function studyRow<D, A>(row: Record<string, unknown>): StudyRow<D, A> {
  return {
    ...(row as unknown as StudyRow<D, A>),
    created_at: new Date(row.created_at as string | Date),
    definition: json<D>(row.definition),
    allocation: row.allocation === null ? null : json<A>(row.allocation),
  };
}

/**
 * One study of the facility. `forUpdate` locks its row until the transaction ends: enrolments of one study queue
 * behind each other, so each reads the stratum's count and extends the sequence without a race.
 */
export async function getStudy<D = Record<string, unknown>, A = Record<string, unknown>>(
  db: Executor,
  facilityId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StudyRow<D, A> | undefined> {
  let query = db.selectFrom('study').selectAll().where('facility_id', '=', facilityId).where('id', '=', id);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row ? studyRow<D, A>(row as unknown as Record<string, unknown>) : undefined;
}

export async function listStudies<D = Record<string, unknown>>(
  db: Executor,
  facilityId: string,
): Promise<(Omit<StudyRow<D>, 'allocation'> & { enrolled: number })[]> {
  const rows = await db
    .selectFrom('study as s')
    .select((eb) => [
      's.facility_id',
      's.id',
      's.title',
      's.definition',
      's.status',
      's.created_by',
      's.created_at',
      eb
        .selectFrom('study_enrolment as e')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('e.facility_id', '=', 's.facility_id')
        .whereRef('e.study_id', '=', 's.id')
        .as('enrolled'),
    ])
    .where('s.facility_id', '=', facilityId)
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id')
    .execute();
  return rows.map((row) => ({
    facility_id: row.facility_id,
    id: row.id,
    title: row.title,
    definition: json<D>(row.definition),
    status: row.status,
    created_by: row.created_by,
    created_at: new Date(row.created_at),
    enrolled: Number(row.enrolled ?? 0),
  }));
}

export async function setStudyAllocation(db: Executor, facilityId: string, id: string, allocation: object) {
  await db
    .updateTable('study')
    .set({ allocation: JSON.stringify(allocation) })
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .execute();
}

export async function setStudyStatus(
  db: Executor,
  facilityId: string,
  id: string,
  status: StudyTable['status'],
): Promise<void> {
  await db.updateTable('study').set({ status }).where('facility_id', '=', facilityId).where('id', '=', id).execute();
}

export async function countStratumEnrolments(
  db: Executor,
  facilityId: string,
  studyId: string,
  stratumKey: string,
): Promise<number> {
  const row = await db
    .selectFrom('study_enrolment')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('facility_id', '=', facilityId)
    .where('study_id', '=', studyId)
    .where('stratum_key', '=', stratumKey)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export type NewEnrolment = Omit<StudyEnrolmentTable, 'enrolled_at'> & { enrolled_at: Date };

export async function insertEnrolment(db: Executor, enrolment: NewEnrolment): Promise<void> {
  await db.insertInto('study_enrolment').values(enrolment).execute();
}

/** An enrolment with the mother's pseudonym: what a researcher may see of her. */
export interface EnrolmentRow {
  id: string;
  mother_id: string;
  pseudonym: string;
  stratum_key: string;
  position: number;
  arm_id: string | null;
  enrolled_at: Date;
}

export async function listEnrolments(db: Executor, facilityId: string, studyId: string): Promise<EnrolmentRow[]> {
  const rows = await db
    .selectFrom('study_enrolment as e')
    .innerJoin('mother as m', (join) =>
      join.onRef('m.facility_id', '=', 'e.facility_id').onRef('m.id', '=', 'e.mother_id'),
    )
    .select(['e.id', 'e.mother_id', 'm.pseudonym', 'e.stratum_key', 'e.position', 'e.arm_id', 'e.enrolled_at'])
    .where('e.facility_id', '=', facilityId)
    .where('e.study_id', '=', studyId)
    .orderBy('e.enrolled_at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({ ...r, enrolled_at: new Date(r.enrolled_at) }));
}

/** What eligibility and Table 1 need about a mother; delivered_at stays on the server (only days are shown). */
export interface ResearchCandidateRow {
  id: string;
  facility_id: string;
  pseudonym: string;
  consent_research: boolean;
  delivered_at: Date | null;
  delivery_mode: 'vaginal' | 'caesarean' | null;
  parity: 'primipara' | 'multipara' | null;
  gestational_age_weeks: number | null;
}

function candidateQuery(db: Executor, facilityId: string) {
  return db
    .selectFrom('mother')
    .select([
      'id',
      'facility_id',
      'pseudonym',
      'consent_research',
      'delivered_at',
      'delivery_mode',
      'parity',
      'gestational_age_weeks',
    ])
    .where('facility_id', '=', facilityId)
    .where('voided_at', 'is', null);
}

const candidate = (row: ResearchCandidateRow): ResearchCandidateRow => ({
  ...row,
  delivered_at: row.delivered_at === null ? null : new Date(row.delivered_at),
  gestational_age_weeks: row.gestational_age_weeks === null ? null : Number(row.gestational_age_weeks),
});

/** A mother of the facility by pseudonym (consenting or not: the route refuses with a reason). */
export async function findCandidateByPseudonym(
  db: Executor,
  facilityId: string,
  pseudonym: string,
): Promise<ResearchCandidateRow | undefined> {
  const row = await candidateQuery(db, facilityId).where('pseudonym', '=', pseudonym).executeTakeFirst();
  return row ? candidate(row) : undefined;
}

/** Consenting mothers of the facility who are not enrolled in the study yet. */
export async function listUnenrolledConsenting(
  db: Executor,
  facilityId: string,
  studyId: string,
): Promise<ResearchCandidateRow[]> {
  const rows = await candidateQuery(db, facilityId)
    .where('consent_research', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('study_enrolment as e')
            .select('e.id')
            .whereRef('e.facility_id', '=', 'mother.facility_id')
            .whereRef('e.mother_id', '=', 'mother.id')
            .where('e.study_id', '=', studyId),
        ),
      ),
    )
    .orderBy('pseudonym')
    .execute();
  return rows.map(candidate);
}

/** The enrolled mothers of a study, consenting ones only, with their research fields. */
export async function listEnrolledCandidates(
  db: Executor,
  facilityId: string,
  motherIds: readonly string[],
): Promise<ResearchCandidateRow[]> {
  if (motherIds.length === 0) return [];
  const rows = await candidateQuery(db, facilityId)
    .where('consent_research', '=', true)
    .where('id', 'in', [...motherIds])
    .execute();
  return rows.map(candidate);
}

/** What a study's outcomes are computed from, for a set of enrolled mothers. */
export interface StudyRecords {
  babies: { mother_id: string; id: string; birth_weight_g: number | null; birth_order: number }[];
  /** Current entries only (no void, nothing a correction supersedes) of the kinds outcomes use. */
  entries: {
    mother_id: string;
    baby_id: string | null;
    kind: string;
    occurred_at: Date;
    recorded_at: Date;
    data: Record<string, unknown>;
  }[];
  /** The current, complete pre- and post-tests of each mother's active companions. */
  quizScores: { mother_id: string; phase: 'pre' | 'post'; score: number; taken_at: Date }[];
}

export async function readStudyRecords(
  db: Executor,
  facilityId: string,
  motherIds: readonly string[],
): Promise<StudyRecords> {
  if (motherIds.length === 0) return { babies: [], entries: [], quizScores: [] };
  const ids = [...motherIds];
  const babies = await db
    .selectFrom('baby')
    .select(['mother_id', 'id', 'birth_weight_g', 'birth_order'])
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', ids)
    .where('voided_at', 'is', null)
    .orderBy('mother_id')
    .orderBy('birth_order')
    .execute();
  const entries = await sql<StudyRecords['entries'][number]>`
    SELECT e.mother_id, e.baby_id, e.kind, e.occurred_at, e.recorded_at, e.data
    FROM household_entry e
    WHERE e.facility_id = ${facilityId} AND e.mother_id IN (${sql.join(ids)})
      AND e.kind IN ('expression', 'weight', 'adequacy_check', 'massage_session')
      AND NOT EXISTS (SELECT 1 FROM household_entry s WHERE s.facility_id = e.facility_id AND s.supersedes = e.id)
    ORDER BY e.mother_id, e.occurred_at, e.seq`.execute(db);
  // A companion's test: on the phone (user_id) or on paper at a group session (participant linked to the account).
  const quizScores = await sql<StudyRecords['quizScores'][number]>`
    SELECT l.mother_id, q.phase, q.score::int AS score, q.taken_at
    FROM companion_link l
    JOIN quiz_attempt q ON q.facility_id = l.facility_id
    LEFT JOIN training_participant tp ON tp.facility_id = q.facility_id AND tp.id = q.participant_id
    WHERE l.facility_id = ${facilityId} AND l.mother_id IN (${sql.join(ids)}) AND l.ended_at IS NULL
      AND coalesce(q.user_id, tp.user_id) = l.user_id
      AND q.complete AND q.score IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM quiz_attempt s WHERE s.facility_id = q.facility_id AND s.supersedes = q.id)
    ORDER BY l.mother_id, q.taken_at`.execute(db);
  return {
    babies: babies.map((b) => ({ ...b, birth_weight_g: b.birth_weight_g === null ? null : Number(b.birth_weight_g) })),
    entries: entries.rows.map((e) => ({
      ...e,
      occurred_at: new Date(e.occurred_at),
      recorded_at: new Date(e.recorded_at),
      data: json<Record<string, unknown>>(e.data),
    })),
    quizScores: quizScores.rows.map((q) => ({ ...q, score: Number(q.score), taken_at: new Date(q.taken_at) })),
  };
}
