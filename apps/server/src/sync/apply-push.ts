import { QUIZ_ITEMS } from '@lancar/content/training';
import { type EntryMutation, Mutation, type PushResultItem } from '@lancar/contracts';
import type { ProblemDetails } from '@lancar/contracts/problem';
import {
  type Database,
  type Executor,
  findMutations,
  getEntry,
  getQuizAttempt,
  insertEntry,
  insertLessonProgress,
  insertQuizAttempt,
  listMothers,
  type MotherWithBabies,
  nextSeq,
  recordAudit,
  recordMutation,
  refreshMotherActivity,
} from '@lancar/db';
import { type Actor, can, scoreQuiz } from '@lancar/domain';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Locale } from '../locale.ts';
import { Problem } from '../problem.ts';
import { auditPurpose } from '../routes/mothers/audit-purpose.ts';
import { checkEntry, type EntryRefusal } from './check-entry.ts';
import { checkTraining } from './check-training.ts';
import { raiseAlertsFor } from './raise-alerts.ts';

const ZOD_LOCALES = { id: z.locales.id(), en: z.locales.en() };

interface Prepared {
  mutationId: string;
  mutation?: Mutation;
  refusal?: ProblemDetails;
}

function invalid(error: z.ZodError, locale: Locale): ProblemDetails {
  const errors = error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.join('.') : '(root)',
    message: issue.message,
  }));
  return new Problem('invalid-input', {
    params: { fields: errors.map((e) => e.path).join(', ') },
    extra: { errors },
  }).toDetails(locale, undefined);
}

/**
 * Applies a pushed batch: every mutation exactly once, each answered on its own. A mutation seen before is
 * acknowledged with its first answer; a bad one is refused with a problem document (and that answer is kept, so a
 * retry gets the same); the good ones are applied together in one transaction with their change numbers.
 */
export async function applyPush(
  database: Database,
  actor: Actor,
  deviceId: string,
  raw: readonly { mutationId: string }[],
  now: Date,
  locale: Locale,
): Promise<PushResultItem[]> {
  const facilityId = actor.facilityId;
  const seen = new Map(
    (
      await findMutations(
        database.db,
        facilityId,
        raw.map((m) => m.mutationId),
      )
    ).map((m) => [m.mutation_id, m]),
  );
  const mothers = new Map(
    (await listMothers(database.db, facilityId, { onlyIds: actor.householdMotherIds })).map((m) => [m.id, m] as const),
  );

  const accepted = new Map<string, EntryMutation['entry']>();
  const refused = (refusal: EntryRefusal) =>
    new Problem(refusal.key, {
      params: { fields: refusal.field },
      extra: { errors: [{ path: refusal.field, message: refusal.message }] },
    }).toDetails(locale, undefined);
  /** Who may push it, and the checks a schema cannot make; undefined when it may be applied. */
  const checkMutation = async (mutation: Mutation): Promise<ProblemDetails | undefined> => {
    if (mutation.type !== 'entry') {
      // Training records are the pusher's own.
      if (!can(actor, 'read', { kind: 'training', facilityId, ownerUserId: actor.userId })) {
        return new Problem('forbidden').toDetails(locale, undefined);
      }
      const refusal = checkTraining(mutation, now);
      return refusal ? refused(refusal) : undefined;
    }
    const { entry } = mutation;
    const mother = mothers.get(entry.motherId);
    if (!mother || !can(actor, 'create', { kind: 'household_entry', facilityId, motherId: entry.motherId })) {
      return new Problem('forbidden').toDetails(locale, undefined);
    }
    const refusal = await checkEntry(database.db, facilityId, entry, mother, now, accepted);
    return refusal ? refused(refusal) : undefined;
  };

  const prepared: Prepared[] = [];
  const inBatch = new Set<string>();
  for (const item of raw) {
    if (seen.has(item.mutationId) || inBatch.has(item.mutationId)) {
      prepared.push({ mutationId: item.mutationId });
      continue;
    }
    inBatch.add(item.mutationId);
    const parsed = Mutation.safeParse(item, { error: ZOD_LOCALES[locale].localeError });
    if (!parsed.success) {
      prepared.push({ mutationId: item.mutationId, refusal: invalid(parsed.error, locale) });
      continue;
    }
    const mutation = parsed.data;
    const refusal = await checkMutation(mutation);
    if (refusal) {
      prepared.push({ mutationId: item.mutationId, refusal });
      continue;
    }
    if (mutation.type === 'entry') accepted.set(mutation.entry.id, mutation.entry);
    prepared.push({ mutationId: item.mutationId, mutation });
  }

  const answers = new Map<string, PushResultItem>();
  await database.db.transaction().execute(async (tx) => {
    const toApply = prepared.filter((p) => p.mutation);
    let seq = toApply.length > 0 ? await nextSeq(tx, facilityId, toApply.length) : 0;
    const touched = new Map<string, number>();
    for (const item of prepared) {
      if (item.refusal) {
        const fresh = await recordMutation(tx, {
          facilityId,
          mutationId: item.mutationId,
          deviceId,
          userId: actor.userId,
          status: 'rejected',
          problem: item.refusal as unknown as Record<string, unknown>,
        });
        if (fresh)
          answers.set(item.mutationId, {
            mutationId: item.mutationId,
            status: 'rejected',
            replay: false,
            problem: item.refusal,
          });
        continue;
      }
      if (!item.mutation) continue; // a replay: answered below from the stored record
      const answer = await applyMutation(tx, facilityId, actor, deviceId, item.mutation, seq++, locale);
      if (!answer) continue; // a concurrent push applied it first
      answers.set(item.mutationId, answer);
      if (answer.status === 'applied' && item.mutation.type === 'entry') {
        const motherId = item.mutation.entry.motherId;
        touched.set(motherId, (touched.get(motherId) ?? 0) + 1);
      }
    }
    for (const [motherId, count] of touched) {
      await recordAudit(tx, {
        facilityId,
        actorUserId: actor.userId,
        actorRole: actor.role,
        action: 'create',
        subjectType: 'mother',
        subjectId: motherId,
        purpose: auditPurpose(actor, motherId),
        detail: { householdEntries: count, deviceId },
        at: now,
      });
      const mother = mothers.get(motherId) as MotherWithBabies;
      await raiseAlertsFor(tx, mother, now);
    }
    // The caseload's summary of these mothers, in the same transaction: what was acknowledged is in it.
    await refreshMotherActivity(tx, facilityId, [...touched.keys()]);
  });

  // Everything not answered above had been recorded before (or by a concurrent push): answer from the record.
  const stored = new Map(
    (
      await findMutations(
        database.db,
        facilityId,
        prepared.filter((p) => !answers.has(p.mutationId)).map((p) => p.mutationId),
      )
    ).map((m) => [m.mutation_id, m]),
  );
  return prepared.map((item) => {
    const answer = answers.get(item.mutationId);
    if (answer) return answer;
    const record = stored.get(item.mutationId);
    return {
      mutationId: item.mutationId,
      status: record?.status ?? 'rejected',
      replay: true,
      problem: (record?.problem as ProblemDetails | null | undefined) ?? null,
    };
  });
}

/**
 * Records and applies one mutation inside a savepoint. Recording first makes a concurrent push of the same mutation
 * wait and then find it done (undefined is returned). If the database refuses the entry, the savepoint undoes both
 * and the refusal is recorded instead, so a retry gets the same answer.
 */
async function applyMutation(
  tx: Executor,
  facilityId: string,
  actor: Actor,
  deviceId: string,
  mutation: Mutation,
  seq: number,
  locale: Locale,
): Promise<PushResultItem | undefined> {
  const record = (status: 'applied' | 'rejected', problem: ProblemDetails | null) =>
    recordMutation(tx, {
      facilityId,
      mutationId: mutation.mutationId,
      deviceId,
      userId: actor.userId,
      status,
      problem: problem as unknown as Record<string, unknown> | null,
    });
  await sql`SAVEPOINT lancar_mutation`.execute(tx);
  try {
    if (!(await record('applied', null))) {
      await sql`RELEASE SAVEPOINT lancar_mutation`.execute(tx);
      return undefined;
    }
    await insertMutation(tx, facilityId, actor, mutation, seq);
    await sql`RELEASE SAVEPOINT lancar_mutation`.execute(tx);
    return { mutationId: mutation.mutationId, status: 'applied', replay: false, problem: null };
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT lancar_mutation`.execute(tx);
    let problem: ProblemDetails;
    if (error instanceof Problem) problem = error.toDetails(locale, undefined);
    else if (/^2[23]/.test((error as { code?: string }).code ?? '')) {
      problem = new Problem('invalid-input', { params: { fields: 'entry' } }).toDetails(locale, undefined);
    } else throw error;
    await record('rejected', problem);
    return { mutationId: mutation.mutationId, status: 'rejected', replay: false, problem };
  }
}

/** Writes what a mutation carries; a record with the same id already there is an id conflict. */
async function insertMutation(
  tx: Executor,
  facilityId: string,
  actor: Actor,
  mutation: Mutation,
  seq: number,
): Promise<void> {
  if (mutation.type === 'entry') {
    const { entry } = mutation;
    if (await getEntry(tx, facilityId, entry.id)) throw new Problem('id-conflict');
    await insertEntry(tx, {
      facility_id: facilityId,
      id: entry.id,
      mother_id: entry.motherId,
      baby_id: entry.babyId,
      kind: entry.kind,
      occurred_at: new Date(entry.occurredAt),
      tz_offset_min: entry.tzOffsetMin,
      recorded_by: actor.userId,
      recorded_at: new Date(mutation.recordedAt),
      supersedes: entry.supersedes,
      data: entry.data as Record<string, unknown>,
      schema_version: mutation.schemaVersion,
      seq,
    });
    return;
  }
  if (mutation.type === 'quiz_attempt') {
    const { attempt } = mutation;
    if (await getQuizAttempt(tx, facilityId, attempt.id)) throw new Problem('id-conflict');
    // The server scores the sheet itself; the phone's own score is only for showing at once.
    const scored = scoreQuiz(QUIZ_ITEMS, attempt.answers);
    if (!scored.ok) throw new Problem('invalid-input', { params: { fields: 'attempt.answers' } });
    await insertQuizAttempt(tx, {
      facility_id: facilityId,
      id: attempt.id,
      user_id: actor.userId,
      participant_id: null,
      phase: attempt.phase,
      item_bank_version: attempt.itemBankVersion,
      answers: attempt.answers,
      correct: scored.correct,
      answered: scored.answered,
      total: scored.total,
      score: scored.score,
      complete: scored.complete,
      source: 'phone',
      taken_at: new Date(attempt.takenAt),
      recorded_by: actor.userId,
      supersedes: null,
    });
    return;
  }
  const { lesson } = mutation;
  await insertLessonProgress(tx, {
    facility_id: facilityId,
    id: lesson.id,
    user_id: actor.userId,
    lesson_id: lesson.lessonId,
    lessons_version: lesson.lessonsVersion,
    completed_at: new Date(lesson.completedAt),
  });
}
