import { QUIZ_ITEMS } from '@lancar/content/training';
import { type EntryMutation, Mutation, type PushResultItem } from '@lancar/contracts';
import type { ProblemDetails } from '@lancar/contracts/problem';
import {
  appendNumbered,
  type CaseloadFacts,
  caseloadFactsOf,
  claimMutations,
  currentCarePlans,
  type Database,
  type Executor,
  entryIdsTaken,
  findMutations,
  getQuizAttempt,
  insertLessonProgress,
  insertQuizAttempt,
  listAlerts,
  listEntriesOfMothers,
  listMothers,
  lockMothers,
  type MotherWithBabies,
  recordAudit,
  type StoredEntry,
  saveMotherActivity,
  type UnnumberedAlert,
  type UnnumberedEntry,
} from '@lancar/db';
import { type Actor, can, scoreQuiz } from '@lancar/domain';
import { z } from 'zod';
import type { Locale } from '../locale.ts';
import { Problem } from '../problem.ts';
import { auditPurpose } from '../routes/mothers/audit-purpose.ts';
import { checkEntry, type EntryRefusal } from './check-entry.ts';
import { checkTraining } from './check-training.ts';
import { alertsToRaise } from './raise-alerts.ts';

const ZOD_LOCALES = { id: z.locales.id(), en: z.locales.en() };

/** One mutation of a push after the checks: to apply, to refuse, or (neither) seen before and only to answer. */
interface Prepared {
  mutationId: string;
  mutation?: Mutation;
  refusal?: ProblemDetails;
}

interface PushContext {
  actor: Actor;
  deviceId: string;
  now: Date;
  mothers: ReadonlyMap<string, MotherWithBabies>;
}

/**
 * Applies a pushed batch: every mutation exactly once, each answered on its own. A mutation seen before is
 * acknowledged with its first answer; a bad one is refused with a problem document (and that answer is kept, so a
 * retry gets the same); the good ones are applied together in one transaction with their change numbers.
 *
 * Many phones of one facility push at once, and the facility's change counter admits one transaction at a time from
 * the moment it numbers the entries to the commit. So everything else (checks, reads, danger signs, the caseload
 * summary, the audit) happens before, and the numbered rows are written in one statement just before the commit.
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
  const seen = new Set(
    (
      await findMutations(
        database.db,
        facilityId,
        raw.map((m) => m.mutationId),
      )
    ).map((m) => m.mutation_id),
  );
  const mothers = new Map(
    (await listMothers(database.db, facilityId, { onlyIds: actor.householdMotherIds })).map((m) => [m.id, m] as const),
  );
  const context: PushContext = { actor, deviceId, now, mothers };
  const prepared = await preparePush(database.db, context, raw, seen, locale);

  let answers: Map<string, PushResultItem>;
  try {
    answers = await database.db.transaction().execute((tx) => writePush(tx, context, prepared));
  } catch (error) {
    if (!refusedByDatabase(error)) throw error;
    // Something the checks let through was refused by the database (a constraint, a text PostgreSQL cannot store):
    // apply the mutations one by one, so only the one at fault is refused.
    answers = new Map();
    for (const item of prepared) {
      let one: Map<string, PushResultItem>;
      try {
        one = await database.db.transaction().execute((tx) => writePush(tx, context, [item]));
      } catch (itemError) {
        if (!refusedByDatabase(itemError)) throw itemError;
        const refusal = new Problem('invalid-input', { params: { fields: 'entry' } }).toDetails(locale, undefined);
        one = await database.db
          .transaction()
          .execute((tx) => writePush(tx, context, [{ mutationId: item.mutationId, refusal }]));
      }
      for (const [id, answer] of one) answers.set(id, answer);
    }
  }

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

/** 22xxx (data exception) and 23xxx (integrity constraint): the database refused this data, not a fault. */
function refusedByDatabase(error: unknown): boolean {
  return /^2[23]/.test((error as { code?: string }).code ?? '');
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

/** Parses and checks every mutation not seen before; reads the database but writes nothing. */
async function preparePush(
  db: Executor,
  { actor, now, mothers }: PushContext,
  raw: readonly { mutationId: string }[],
  seen: ReadonlySet<string>,
  locale: Locale,
): Promise<Prepared[]> {
  const facilityId = actor.facilityId;
  const accepted = new Map<string, EntryMutation['entry']>();
  const refused = (refusal: EntryRefusal) =>
    new Problem(refusal.key, {
      params: { fields: refusal.field },
      extra: { errors: [{ path: refusal.field, message: refusal.message }] },
    }).toDetails(locale, undefined);
  const problem = (key: 'forbidden' | 'id-conflict') => new Problem(key).toDetails(locale, undefined);

  const parsed: { mutationId: string; mutation?: Mutation; refusal?: ProblemDetails }[] = [];
  const inBatch = new Set<string>();
  for (const item of raw) {
    if (seen.has(item.mutationId) || inBatch.has(item.mutationId)) {
      parsed.push({ mutationId: item.mutationId });
      continue;
    }
    inBatch.add(item.mutationId);
    const result = Mutation.safeParse(item, { error: ZOD_LOCALES[locale].localeError });
    if (result.success) parsed.push({ mutationId: item.mutationId, mutation: result.data });
    else parsed.push({ mutationId: item.mutationId, refusal: invalid(result.error, locale) });
  }
  const taken = await entryIdsTaken(
    db,
    facilityId,
    parsed.flatMap((p) => (p.mutation?.type === 'entry' ? [p.mutation.entry.id] : [])),
  );

  /** Who may push it, and the checks a schema cannot make; undefined when it may be applied. */
  const check = async (mutation: Mutation): Promise<ProblemDetails | undefined> => {
    if (mutation.type !== 'entry') {
      // Training records are the pusher's own.
      if (!can(actor, 'read', { kind: 'training', facilityId, ownerUserId: actor.userId })) return problem('forbidden');
      const refusal = checkTraining(mutation, now);
      if (refusal) return refused(refusal);
      if (mutation.type === 'quiz_attempt') {
        if (await getQuizAttempt(db, facilityId, mutation.attempt.id)) return problem('id-conflict');
        // The server scores the sheet itself; the phone's own score is only for showing at once.
        if (!scoreQuiz(QUIZ_ITEMS, mutation.attempt.answers).ok) {
          return new Problem('invalid-input', { params: { fields: 'attempt.answers' } }).toDetails(locale, undefined);
        }
      }
      return undefined;
    }
    const { entry } = mutation;
    const mother = mothers.get(entry.motherId);
    if (!mother || !can(actor, 'create', { kind: 'household_entry', facilityId, motherId: entry.motherId })) {
      return problem('forbidden');
    }
    if (taken.has(entry.id) || accepted.has(entry.id)) return problem('id-conflict');
    const refusal = await checkEntry(db, facilityId, entry, mother, now, accepted);
    return refusal ? refused(refusal) : undefined;
  };

  const prepared: Prepared[] = [];
  for (const item of parsed) {
    if (!item.mutation) {
      prepared.push(item);
      continue;
    }
    const refusal = await check(item.mutation);
    if (refusal) {
      prepared.push({ mutationId: item.mutationId, refusal });
      continue;
    }
    if (item.mutation.type === 'entry') accepted.set(item.mutation.entry.id, item.mutation.entry);
    prepared.push(item);
  }
  return prepared;
}

/**
 * Writes a prepared push in the caller's transaction and returns the answers of the mutations recorded now. The
 * household's mothers are locked first, so a concurrent push for them waits and then sees these entries.
 */
async function writePush(
  tx: Executor,
  { actor, deviceId, now, mothers }: PushContext,
  prepared: readonly Prepared[],
): Promise<Map<string, PushResultItem>> {
  const facilityId = actor.facilityId;
  const entryMotherIds = prepared.flatMap((p) => (p.mutation?.type === 'entry' ? [p.mutation.entry.motherId] : []));
  const receivedAt = entryMotherIds.length > 0 ? await lockMothers(tx, facilityId, entryMotherIds) : now;

  const fresh = await claimMutations(
    tx,
    prepared.flatMap((p) =>
      p.mutation || p.refusal
        ? [
            {
              facilityId,
              mutationId: p.mutationId,
              deviceId,
              userId: actor.userId,
              status: p.refusal ? ('rejected' as const) : ('applied' as const),
              problem: (p.refusal ?? null) as Record<string, unknown> | null,
            },
          ]
        : [],
    ),
  );
  const answers = new Map<string, PushResultItem>();
  const toApply: Mutation[] = [];
  for (const item of prepared) {
    if (!fresh.has(item.mutationId)) continue; // seen before, or a concurrent push recorded it first
    answers.set(item.mutationId, {
      mutationId: item.mutationId,
      status: item.refusal ? 'rejected' : 'applied',
      replay: false,
      problem: item.refusal ?? null,
    });
    if (item.mutation) toApply.push(item.mutation);
  }

  for (const mutation of toApply) {
    if (mutation.type === 'quiz_attempt') await insertAttempt(tx, facilityId, actor, mutation);
    if (mutation.type === 'lesson_done') {
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
  }

  const entries = toApply.flatMap((m) => (m.type === 'entry' ? [entryRow(m, actor)] : []));
  if (entries.length === 0) return answers;
  const touched = [...new Set(entries.map((e) => e.mother_id))].sort();
  const stored = await listEntriesOfMothers(tx, facilityId, touched);
  const plans = await currentCarePlans(tx, facilityId, touched);
  const existingAlerts = await listAlerts(tx, facilityId, touched);

  const alerts: UnnumberedAlert[] = [];
  const facts = new Map<string, CaseloadFacts>();
  for (const motherId of touched) {
    const mother = mothers.get(motherId) as MotherWithBabies;
    const hers = withNewEntries(
      stored.filter((e) => e.mother_id === motherId),
      entries.filter((e) => e.mother_id === motherId),
      facilityId,
      receivedAt,
    );
    alerts.push(
      ...alertsToRaise(
        mother,
        hers,
        plans.get(motherId),
        existingAlerts.filter((a) => a.mother_id === motherId),
        now,
      ),
    );
    facts.set(motherId, caseloadFactsOf(hers, mother.delivered_at));
  }
  await recordAudit(
    tx,
    touched.map((motherId) => ({
      facilityId,
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'create' as const,
      subjectType: 'mother',
      subjectId: motherId,
      purpose: auditPurpose(actor, motherId),
      detail: { householdEntries: entries.filter((e) => e.mother_id === motherId).length, deviceId },
      at: now,
    })),
  );
  // The caseload's summary of these mothers, in the same transaction: what was acknowledged is in it.
  await saveMotherActivity(tx, facilityId, facts);
  await appendNumbered(tx, facilityId, entries, alerts);
  return answers;
}

function entryRow(mutation: EntryMutation, actor: Actor): UnnumberedEntry {
  const { entry } = mutation;
  return {
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
  };
}

/**
 * A mother's stored entries with the new ones added as the database will hold them: received now, numbered after
 * every stored entry in the order of the push, and ordered as `listEntries` orders them (time, then number).
 */
function withNewEntries(
  stored: readonly StoredEntry[],
  fresh: readonly UnnumberedEntry[],
  facilityId: string,
  receivedAt: Date,
): StoredEntry[] {
  const after = Number.MAX_SAFE_INTEGER - fresh.length;
  const added = fresh.map((e, i) => ({ ...e, facility_id: facilityId, received_at: receivedAt, seq: after + i }));
  return [...stored, ...added].sort(
    (a, b) => a.occurred_at.getTime() - b.occurred_at.getTime() || Number(a.seq) - Number(b.seq),
  );
}

async function insertAttempt(
  tx: Executor,
  facilityId: string,
  actor: Actor,
  mutation: Extract<Mutation, { type: 'quiz_attempt' }>,
): Promise<void> {
  const { attempt } = mutation;
  const scored = scoreQuiz(QUIZ_ITEMS, attempt.answers);
  if (!scored.ok) throw new Error('a quiz attempt was checked before it was written');
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
}
