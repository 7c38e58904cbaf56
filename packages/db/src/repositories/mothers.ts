import type { Role } from '@lancar/domain';
import { type Expression, sql } from 'kysely';
import type { Baby, Mother, NewBaby, NewMother } from '../schema.ts';
import type { Executor } from './executor.ts';

export interface MotherWithBabies extends Mother {
  /** The state of her own account, or null when she has none (no phone). */
  account_status: 'pending' | 'active' | 'disabled' | null;
  babies: Baby[];
}

/** Mothers with the status of their own account, in one query. */
function selectMothers(db: Executor, facilityId: string) {
  return db
    .selectFrom('mother')
    .leftJoin('user_account', (join) =>
      join.onRef('user_account.facility_id', '=', 'mother.facility_id').onRef('user_account.id', '=', 'mother.user_id'),
    )
    .selectAll('mother')
    .select('user_account.status as account_status')
    .where('mother.facility_id', '=', facilityId)
    .where('mother.voided_at', 'is', null);
}

/** Creates a mother and her babies (twins are two). Call inside a transaction. */
export async function createMother(db: Executor, mother: NewMother, babies: readonly NewBaby[]): Promise<void> {
  await db.insertInto('mother').values(mother).execute();
  if (babies.length > 0)
    await db
      .insertInto('baby')
      .values([...babies])
      .execute();
}

/**
 * Active (not voided) mothers of a facility, newest delivery first. `onlyIds` narrows the list to a household;
 * an empty `onlyIds` means "none", never "all".
 */
export async function listMothers(
  db: Executor,
  facilityId: string,
  options: { onlyIds?: readonly string[] | undefined } = {},
): Promise<MotherWithBabies[]> {
  if (options.onlyIds && options.onlyIds.length === 0) return [];
  let query = selectMothers(db, facilityId);
  if (options.onlyIds) query = query.where('mother.id', 'in', [...options.onlyIds]);
  const mothers = await query.orderBy('mother.delivered_at', 'desc').orderBy('mother.id').execute();
  return attachBabies(db, facilityId, mothers);
}

export async function getMother(db: Executor, facilityId: string, id: string): Promise<MotherWithBabies | undefined> {
  const mother = await selectMothers(db, facilityId).where('mother.id', '=', id).executeTakeFirst();
  if (!mother) return undefined;
  const [withBabies] = await attachBabies(db, facilityId, [mother]);
  return withBabies;
}

async function attachBabies(
  db: Executor,
  facilityId: string,
  mothers: (Mother & Pick<MotherWithBabies, 'account_status'>)[],
): Promise<MotherWithBabies[]> {
  if (mothers.length === 0) return [];
  const babies = await db
    .selectFrom('baby')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where(
      'mother_id',
      'in',
      mothers.map((m) => m.id),
    )
    .where('voided_at', 'is', null)
    .orderBy('birth_order')
    .execute();
  return mothers.map((mother) => ({ ...mother, babies: babies.filter((b) => b.mother_id === mother.id) }));
}

/**
 * The mothers whose household an account belongs to, as an SQL expression (text[]) over the account's facility, id
 * and role: herself, or the mothers a companion or cadre is linked to; none for staff.
 */
export function householdMothersOf(
  facilityId: Expression<string>,
  userId: Expression<string>,
  role: Expression<string>,
) {
  return sql<string[]>`CASE ${role}
    WHEN 'mother' THEN ARRAY(SELECT hm.id::text FROM mother hm
                             WHERE hm.facility_id = ${facilityId} AND hm.user_id = ${userId} AND hm.voided_at IS NULL
                             ORDER BY hm.id)
    WHEN 'companion' THEN ARRAY(SELECT hl.mother_id::text FROM companion_link hl
                                WHERE hl.facility_id = ${facilityId} AND hl.user_id = ${userId} AND hl.ended_at IS NULL
                                ORDER BY hl.mother_id)
    WHEN 'cadre' THEN ARRAY(SELECT hl.mother_id::text FROM companion_link hl
                            WHERE hl.facility_id = ${facilityId} AND hl.user_id = ${userId} AND hl.ended_at IS NULL
                            ORDER BY hl.mother_id)
    ELSE ARRAY[]::text[] END`;
}

/** The mothers whose household this account belongs to: herself, or the mothers a companion is linked to. */
export async function householdMotherIds(
  db: Executor,
  facilityId: string,
  userId: string,
  role: Role,
): Promise<string[]> {
  const result = await sql<{ ids: string[] }>`
    SELECT ${householdMothersOf(sql.val(facilityId), sql.val(userId), sql.val(role))} AS ids`.execute(db);
  return result.rows[0]?.ids ?? [];
}

export async function pseudonymTaken(db: Executor, facilityId: string, pseudonym: string): Promise<boolean> {
  const row = await db
    .selectFrom('mother')
    .select('id')
    .where('facility_id', '=', facilityId)
    .where('pseudonym', '=', pseudonym)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Mothers of a facility who may be the one being enrolled: the same NIK, or born on the same date (the caller
 * compares names, normalised). Voided records are not candidates.
 */
export async function findDuplicateCandidates(
  db: Executor,
  facilityId: string,
  match: { nik: string | null; dateOfBirth: string | null },
): Promise<Mother[]> {
  const { nik, dateOfBirth } = match;
  if (!nik && !dateOfBirth) return [];
  return db
    .selectFrom('mother')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('voided_at', 'is', null)
    .where((eb) => {
      const either = [];
      if (nik) either.push(eb('nik', '=', nik));
      if (dateOfBirth) either.push(eb('date_of_birth', '=', dateOfBirth));
      return eb.or(either);
    })
    .orderBy('created_at')
    .limit(20)
    .execute();
}
