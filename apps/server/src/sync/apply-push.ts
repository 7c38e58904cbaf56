import { QUIZ_ITEMS } from '@lancar/content/training';
import { type EntryMutation, Mutation, type PushResultItem } from '@lancar/contracts';
import type { ProblemDetails } from '@lancar/contracts/problem';
import {
  type CaseloadFacts,
  caseloadFactsOf,
  type Database,
  type Executor,
  findMutations,
  getQuizAttempt,
  insertLessonProgress,
  insertQuizAttempt,
  listMothers,
  lockMothers,
  type MotherWithBabies,
  type PushAlert,
  type PushEntry,
  type PushState,
  readPushState,
  type SeenMutation,
  type StoredEntry,
  writePushRows,
} from '@lancar/db';
import { type Actor, can, newId, scoreQuiz } from '@lancar/domain';
import { z } from 'zod';
import type { Locale } from '../locale.ts';
import { Problem } from '../problem.ts';
import { auditPurpose } from '../routes/mothers/audit-purpose.ts';
import { checkEntry, type EntryRefusal } from './check-entry.ts';
import { checkTraining } from './check-training.ts';
import { alertsToRaise } from './raise-alerts.ts';

const ZOD_LOCALES = { id: z.locales.id(), en: z.locales.en() };

/** One mutation of a push: parsed (or refused by its schema), or, when it repeats one earlier in the batch, neither. */
interface Parsed {
  mutationId: string;
  mutation?: Mutation;
  refusal?: ProblemDetails;
}

interface PushContext {
  actor: Actor;
  deviceId: string;
  now: Date;
  locale: Locale;
  mothers: ReadonlyMap<string, MotherWithBabies>;
}

interface Written {
  /** The answers of the mutations recorded now. */
  answers: Map<string, PushResultItem>;
  /** Mutations recorded before this push. */
  seen: SeenMutation[];
}

/**
 * Applies a pushed batch: every mutation exactly once, each answered on its own. A mutation seen before is
 * acknowledged with its first answer; a bad one is refused with a problem document (and that answer is kept, so a
 * retry gets the same); the good ones are applied together in one transaction with their change numbers.
 *
 * Many phones push at once, so a push makes few round trips to the database: it locks the household's mothers,
 * reads what it checks against in one statement, decides in memory (checks, danger signs, the caseload summary) and
 * writes everything in one statement, in which the facility's change counter is taken last.
 */
export async function applyPush(
  database: Database,
  actor: Actor,
  deviceId: string,
  raw: readonly { mutationId: string }[],
  now: Date,
  locale: Locale,
): Promise<PushResultItem[]> {
  const parsed = parseMutations(raw, locale);
  const mothers = new Map(
    (await listMothers(database.db, actor.facilityId, { onlyIds: actor.householdMotherIds })).map(
      (m) => [m.id, m] as const,
    ),
  );
  const context: PushContext = { actor, deviceId, now, locale, mothers };

  let written: Written;
  try {
    written = await database.db.transaction().execute((tx) => writePush(tx, context, parsed));
  } catch (error) {
    if (!refusedByDatabase(error)) throw error;
    // Something the checks let through was refused by the database (a constraint, a duplicate record id): apply
    // the mutations one by one, so only the one at fault is refused.
    written = { answers: new Map(), seen: [] };
    for (const item of parsed) {
      let one: Written;
      try {
        one = await database.db.transaction().execute((tx) => writePush(tx, context, [item]));
      } catch (itemError) {
        if (!refusedByDatabase(itemError)) throw itemError;
        const refusal = new Problem('invalid-input', { params: { fields: 'entry' } }).toDetails(locale, undefined);
        one = await database.db
          .transaction()
          .execute((tx) => writePush(tx, context, [{ mutationId: item.mutationId, refusal }]));
      }
      for (const [id, answer] of one.answers) written.answers.set(id, answer);
      written.seen.push(...one.seen);
    }
  }

  // Mutations recorded before are answered with their first answer; the few a concurrent push recorded first
  // (or that repeat one earlier in this batch) are read back.
  const records = new Map(written.seen.map((m) => [m.mutation_id, m]));
  const unknown = parsed.filter((p) => !written.answers.has(p.mutationId) && !records.has(p.mutationId));
  for (const m of await findMutations(
    database.db,
    actor.facilityId,
    unknown.map((p) => p.mutationId),
  ))
    records.set(m.mutation_id, m);
  return parsed.map((item) => {
    const answer = written.answers.get(item.mutationId);
    if (answer) return answer;
    const record = records.get(item.mutationId);
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

function parseMutations(raw: readonly { mutationId: string }[], locale: Locale): Parsed[] {
  const inBatch = new Set<string>();
  return raw.map((item): Parsed => {
    if (inBatch.has(item.mutationId)) return { mutationId: item.mutationId };
    inBatch.add(item.mutationId);
    const result = Mutation.safeParse(item, { error: ZOD_LOCALES[locale].localeError });
    if (result.success) return { mutationId: item.mutationId, mutation: result.data };
    const errors = result.error.issues.map((issue) => ({
      path: issue.path.length > 0 ? issue.path.join('.') : '(root)',
      message: issue.message,
    }));
    const refusal = new Problem('invalid-input', {
      params: { fields: errors.map((e) => e.path).join(', ') },
      extra: { errors },
    }).toDetails(locale, undefined);
    return { mutationId: item.mutationId, refusal };
  });
}

/**
 * Writes a push in the caller's transaction. The household's mothers are locked first, so a concurrent push for
 * them waits and then sees these entries (and these mutations as recorded).
 */
async function writePush(tx: Executor, context: PushContext, items: readonly Parsed[]): Promise<Written> {
  const { actor, deviceId, now, mothers } = context;
  const facilityId = actor.facilityId;
  const entryMutations = items.flatMap((p) => (p.mutation?.type === 'entry' ? [p.mutation] : []));
  // Only the household's own mothers: an entry for anyone else is refused below.
  const motherIds = [...new Set(entryMutations.map((m) => m.entry.motherId))].filter((id) => mothers.has(id)).sort();
  const receivedAt = motherIds.length > 0 ? await lockMothers(tx, facilityId, motherIds) : now;
  const state = await readPushState(tx, facilityId, {
    mutationIds: items.map((p) => p.mutationId),
    entryIds: entryMutations.flatMap((m) => (m.entry.supersedes ? [m.entry.id, m.entry.supersedes] : [m.entry.id])),
    motherIds,
  });
  const seen = new Set(state.seen.map((m) => m.mutation_id));

  const decided = await decide(tx, context, items, seen, state);
  const entries = decided.flatMap((d) => (d.mutation?.type === 'entry' ? [entryRow(d.mutation, actor)] : []));
  const touched = [...new Set(entries.map((e) => e.mother_id))].sort();
  const alerts: PushAlert[] = [];
  const activity = new Map<string, CaseloadFacts>();
  for (const motherId of touched) {
    const mother = mothers.get(motherId) as MotherWithBabies;
    const hers = withNewEntries(
      state.entries.filter((e) => e.mother_id === motherId),
      entries.filter((e) => e.mother_id === motherId),
      facilityId,
      receivedAt,
    );
    const existing = state.alerts.filter((a) => a.mother_id === motherId);
    alerts.push(...alertsToRaise(mother, hers, state.plans.get(motherId), existing, now));
    activity.set(motherId, caseloadFactsOf(hers, mother.delivered_at));
  }

  for (const { mutation } of decided) {
    if (mutation?.type === 'quiz_attempt') await insertAttempt(tx, facilityId, actor, mutation);
    if (mutation?.type === 'lesson_done') {
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

  const fresh = await writePushRows(tx, facilityId, {
    claims: decided.map((d) => ({
      mutation_id: d.mutationId,
      device_id: deviceId,
      user_id: actor.userId,
      status: d.refusal ? 'rejected' : 'applied',
      problem: (d.refusal ?? null) as Record<string, unknown> | null,
    })),
    entries,
    alerts,
    audit: touched.map((motherId) => ({
      id: newId(now.getTime()),
      at: now,
      actor_user_id: actor.userId,
      actor_role: actor.role,
      action: 'create',
      subject_type: 'mother',
      subject_id: motherId,
      purpose: auditPurpose(actor, motherId),
      detail: { householdEntries: entries.filter((e) => e.mother_id === motherId).length, deviceId },
    })),
    activity,
  });
  const answers = new Map<string, PushResultItem>();
  for (const d of decided) {
    if (!fresh.has(d.mutationId)) continue; // a concurrent push recorded it first
    answers.set(d.mutationId, {
      mutationId: d.mutationId,
      status: d.refusal ? 'rejected' : 'applied',
      replay: false,
      problem: d.refusal ?? null,
    });
  }
  return { answers, seen: state.seen };
}

/**
 * Decides each mutation not recorded before: to apply (`mutation`), or to refuse (`refusal`): who may push it, and
 * the checks a schema cannot make.
 */
async function decide(
  tx: Executor,
  { actor, now, locale, mothers }: PushContext,
  items: readonly Parsed[],
  seen: ReadonlySet<string>,
  state: PushState,
): Promise<Parsed[]> {
  const facilityId = actor.facilityId;
  const accepted = new Map<string, EntryMutation['entry']>();
  const refused = (refusal: EntryRefusal) =>
    new Problem(refusal.key, {
      params: { fields: refusal.field },
      extra: { errors: [{ path: refusal.field, message: refusal.message }] },
    }).toDetails(locale, undefined);
  const problem = (key: 'forbidden' | 'id-conflict') => new Problem(key).toDetails(locale, undefined);

  const check = async (mutation: Mutation): Promise<ProblemDetails | undefined> => {
    if (mutation.type !== 'entry') {
      // Training records are the pusher's own.
      if (!can(actor, 'read', { kind: 'training', facilityId, ownerUserId: actor.userId })) return problem('forbidden');
      const refusal = checkTraining(mutation, now);
      if (refusal) return refused(refusal);
      if (mutation.type === 'quiz_attempt') {
        if (await getQuizAttempt(tx, facilityId, mutation.attempt.id)) return problem('id-conflict');
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
    if (state.known.has(entry.id) || accepted.has(entry.id)) return problem('id-conflict');
    const refusal = checkEntry(entry, mother, now, accepted, state.known);
    return refusal ? refused(refusal) : undefined;
  };

  const decided: Parsed[] = [];
  for (const item of items) {
    if (seen.has(item.mutationId) || (!item.mutation && !item.refusal)) continue;
    if (!item.mutation) {
      decided.push(item);
      continue;
    }
    const refusal = await check(item.mutation);
    if (refusal) {
      decided.push({ mutationId: item.mutationId, refusal });
      continue;
    }
    if (item.mutation.type === 'entry') accepted.set(item.mutation.entry.id, item.mutation.entry);
    decided.push(item);
  }
  return decided;
}

function entryRow(mutation: EntryMutation, actor: Actor): PushEntry {
  const { entry } = mutation;
  return {
    mutation_id: mutation.mutationId,
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
  fresh: readonly PushEntry[],
  facilityId: string,
  receivedAt: Date,
): StoredEntry[] {
  const after = Number.MAX_SAFE_INTEGER - fresh.length;
  const added = fresh.map(({ mutation_id: _mutation, ...e }, i) => ({
    ...e,
    facility_id: facilityId,
    received_at: receivedAt,
    seq: after + i,
  }));
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
