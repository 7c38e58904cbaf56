import type { HouseholdMessage, UserAccount, Visit } from '../schema.ts';
import type { Executor } from './executor.ts';

/**
 * The midwife's postnatal visits and her messages to households. Both append-only: a visit is corrected or removed
 * by a new row that supersedes it; a message is never changed. Every query filters by facility.
 */
export interface NewVisit {
  facility_id: string;
  id: string;
  mother_id: string;
  visit_code: Visit['visit_code'];
  visited_at: Date;
  place: Visit['place'];
  observations: Record<string, unknown>;
  notes: string | null;
  recorded_by: string;
  recorded_at: Date;
  supersedes: string | null;
  voided: boolean;
}

export async function insertVisit(db: Executor, visit: NewVisit): Promise<void> {
  await db
    .insertInto('visit')
    .values({ ...visit, observations: JSON.stringify(visit.observations) })
    .execute();
}

export function getVisit(db: Executor, facilityId: string, id: string): Promise<Visit | undefined> {
  return db
    .selectFrom('visit')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whether a correction or removal already points at this visit (only the newest version may be corrected). */
export async function visitIsSuperseded(db: Executor, facilityId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('visit')
    .select('id')
    .where('facility_id', '=', facilityId)
    .where('supersedes', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every visit row of a mother, oldest first (corrections and removals included; the domain decides what counts). */
export function listVisits(db: Executor, facilityId: string, motherId: string): Promise<Visit[]> {
  return db
    .selectFrom('visit')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', '=', motherId)
    .orderBy('visited_at')
    .orderBy('recorded_at')
    .execute();
}

export async function insertMessage(
  db: Executor,
  message: Omit<HouseholdMessage, 'sent_at'> & { sent_at: Date },
): Promise<void> {
  await db.insertInto('household_message').values(message).execute();
}

export function getMessage(db: Executor, facilityId: string, id: string): Promise<HouseholdMessage | undefined> {
  return db
    .selectFrom('household_message')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A mother's messages, newest first. */
export function listMessages(db: Executor, facilityId: string, motherId: string): Promise<HouseholdMessage[]> {
  return db
    .selectFrom('household_message')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', '=', motherId)
    .orderBy('sent_at', 'desc')
    .orderBy('seq', 'desc')
    .execute();
}

/** Messages to these mothers after the cursor, in change order (for the phones' pull). */
export function messagesSince(
  db: Executor,
  facilityId: string,
  motherIds: readonly string[],
  since: number,
  limit: number,
): Promise<HouseholdMessage[]> {
  if (motherIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('household_message')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('mother_id', 'in', [...motherIds])
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

/** Display names of a facility's accounts, by id (who recorded a visit, who sent a message). */
export async function userNames(
  db: Executor,
  facilityId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('user_account')
    .select(['id', 'display_name'])
    .where('facility_id', '=', facilityId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** A facility's accounts by id, in one query. */
export function usersByIds(db: Executor, facilityId: string, userIds: readonly string[]): Promise<UserAccount[]> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_account')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('id', 'in', ids)
    .execute();
}
