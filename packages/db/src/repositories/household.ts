import { sql } from 'kysely';
import type { Alert, CarePlan, StoredEntry } from '../schema.ts';
import type { Executor } from './executor.ts';

/**
 * Takes `count` numbers from the facility's change counter, in the caller's transaction, and returns the first.
 * The row lock it takes is held until commit, which puts one facility's changes in commit order.
 */
export async function nextSeq(db: Executor, facilityId: string, count = 1): Promise<number> {
  const result = await sql<{ seq: number }>`
    INSERT INTO facility_sync AS s (facility_id, seq) VALUES (${facilityId}, ${count})
    ON CONFLICT (facility_id) DO UPDATE SET seq = s.seq + ${count}
    RETURNING seq`.execute(db);
  const last = Number(result.rows[0]?.seq);
  return last - count + 1;
}

export interface NewEntry {
  facility_id: string;
  id: string;
  mother_id: string;
  baby_id: string | null;
  kind: string;
  occurred_at: Date;
  tz_offset_min: number;
  recorded_by: string;
  recorded_at: Date;
  supersedes: string | null;
  data: Record<string, unknown>;
  schema_version: number;
  seq: number;
}

export async function insertEntry(db: Executor, entry: NewEntry): Promise<void> {
  await db
    .insertInto('household_entry')
    .values({ ...entry, data: JSON.stringify(entry.data) })
    .execute();
}

/**
 * Locks the mothers a push writes for (in id order, so two pushes cannot deadlock) and returns the transaction's
 * time, which PostgreSQL also gives the entries' `received_at`. A second push for the same household waits here,
 * then reads the first one's entries committed.
 */
export async function lockMothers(db: Executor, facilityId: string, motherIds: readonly string[]): Promise<Date> {
  const ids = [...new Set(motherIds)].sort();
  const mothers = ids.length === 0 ? sql`false` : sql`id IN (${sql.join(ids)})`;
  const result = await sql<{ now: Date | string }>`
    SELECT now() AS now, (SELECT count(*) FROM (SELECT id FROM mother WHERE facility_id = ${facilityId} AND ${mothers}
                                               ORDER BY id FOR NO KEY UPDATE) AS locked) AS locked`.execute(db);
  return new Date(result.rows[0]?.now as Date | string);
}

export function getEntry(db: Executor, facilityId: string, id: string): Promise<StoredEntry | undefined> {
  return db
    .selectFrom('household_entry')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** All entries of a mother, oldest first (corrections and voids included; the domain decides what counts). */
export function listEntries(db: Executor, facilityId: string, motherId: string): Promise<StoredEntry[]> {
  return listEntriesOfMothers(db, facilityId, [motherId]);
}

/** All entries of these mothers, oldest first, in one query. */
export function listEntriesOfMothers(
  db: Executor,
  facilityId: string,
  motherIds: readonly string[],
): Promise<StoredEntry[]> {
  if (motherIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('household_entry')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', [...motherIds])
    .orderBy('occurred_at')
    .orderBy('seq')
    .execute();
}

export function entriesSince(
  db: Executor,
  facilityId: string,
  motherIds: readonly string[],
  since: number,
  limit: number,
): Promise<StoredEntry[]> {
  if (motherIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('household_entry')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', [...motherIds])
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function assignCarePlan(
  db: Executor,
  plan: Omit<CarePlan, 'assigned_at' | 'starts_on'> & { assigned_at: Date; starts_on?: string | null },
): Promise<void> {
  await db
    .insertInto('care_plan')
    .values({ ...plan, starts_on: plan.starts_on ?? null })
    .execute();
}

/** The current plan of each mother given (the newest assigned). */
export async function currentCarePlans(
  db: Executor,
  facilityId: string,
  motherIds: readonly string[],
): Promise<Map<string, CarePlan>> {
  const plans = new Map<string, CarePlan>();
  if (motherIds.length === 0) return plans;
  const rows = await db
    .selectFrom('care_plan')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', [...motherIds])
    .orderBy('assigned_at')
    .orderBy('seq')
    .execute();
  for (const row of rows) plans.set(row.mother_id, row);
  return plans;
}

export function carePlansSince(
  db: Executor,
  facilityId: string,
  motherIds: readonly string[],
  since: number,
  limit: number,
): Promise<CarePlan[]> {
  if (motherIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('care_plan')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', [...motherIds])
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export function findMutations(
  db: Executor,
  facilityId: string,
  mutationIds: readonly string[],
): Promise<{ mutation_id: string; status: 'applied' | 'rejected'; problem: Record<string, unknown> | null }[]> {
  if (mutationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('sync_mutation')
    .select(['mutation_id', 'status', 'problem'])
    .where('facility_id', '=', facilityId)
    .where('mutation_id', 'in', [...mutationIds])
    .execute();
}

/** Raises an alert once per mother, sign and triggering record; returns whether it was new. */
export async function raiseAlert(
  db: Executor,
  alert: Omit<Alert, 'raised_at' | 'episode' | 'rule_version'> & { raised_at: Date; rule_version?: number | null },
): Promise<boolean> {
  const inserted = await db
    .insertInto('alert')
    .values(alert)
    .onConflict((oc) => oc.columns(['facility_id', 'mother_id', 'sign_id', 'entry_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export function listAlerts(db: Executor, facilityId: string, motherIds: readonly string[]): Promise<Alert[]> {
  if (motherIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('alert')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', [...motherIds])
    .orderBy('raised_at', 'desc')
    .execute();
}
