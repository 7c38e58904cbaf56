import { sql } from 'kysely';
import type { UserAccount } from '../schema.ts';
import type { Executor } from './executor.ts';
import { householdMothersOf } from './mothers.ts';

export interface StoredSession {
  facility_id: string;
  id: string;
  user_id: string;
  token_hash: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  user_agent: string | null;
}

export async function insertSession(
  db: Executor,
  session: Omit<StoredSession, 'created_at' | 'last_seen_at' | 'revoked_at'>,
): Promise<void> {
  await db.insertInto('auth_session').values(session).execute();
}

export interface SessionWithAccount {
  session: StoredSession;
  user: UserAccount;
  /** The mothers of the account's household (herself, or those a companion is linked to); none for staff. */
  householdMotherIds: string[];
}

/** A session with its account and household, in one query: every request asks for it. */
export async function findSessionWithAccount(
  db: Executor,
  facilityId: string,
  id: string,
): Promise<SessionWithAccount | undefined> {
  const row = await db
    .selectFrom('auth_session as s')
    .innerJoin('user_account as u', (join) =>
      join.onRef('u.facility_id', '=', 's.facility_id').onRef('u.id', '=', 's.user_id'),
    )
    .selectAll('u')
    .select([
      's.id as session_id',
      's.user_id as session_user_id',
      's.token_hash as session_token_hash',
      's.created_at as session_created_at',
      's.last_seen_at as session_last_seen_at',
      's.expires_at as session_expires_at',
      's.revoked_at as session_revoked_at',
      's.user_agent as session_user_agent',
    ])
    .select(householdMothersOf(sql.ref('u.facility_id'), sql.ref('u.id'), sql.ref('u.role')).as('household_mother_ids'))
    .where('s.facility_id', '=', facilityId)
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    session_id,
    session_user_id,
    session_token_hash,
    session_created_at,
    session_last_seen_at,
    session_expires_at,
    session_revoked_at,
    session_user_agent,
    household_mother_ids,
    ...user
  } = row;
  return {
    session: {
      facility_id: user.facility_id,
      id: session_id,
      user_id: session_user_id,
      token_hash: session_token_hash,
      created_at: session_created_at,
      last_seen_at: session_last_seen_at,
      expires_at: session_expires_at,
      revoked_at: session_revoked_at,
      user_agent: session_user_agent,
    },
    user,
    householdMotherIds: household_mother_ids,
  };
}

/** Sliding expiry: every use pushes the end forward. */
export async function touchSession(
  db: Executor,
  facilityId: string,
  id: string,
  seenAt: Date,
  expiresAt: Date,
): Promise<void> {
  await db
    .updateTable('auth_session')
    .set({ last_seen_at: seenAt, expires_at: expiresAt })
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .execute();
}

export async function revokeSession(db: Executor, facilityId: string, id: string, at: Date): Promise<void> {
  await db
    .updateTable('auth_session')
    .set({ revoked_at: at })
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/** "Log out other devices": ends every live session of the user except the one given. Returns how many ended. */
export async function revokeOtherSessions(
  db: Executor,
  facilityId: string,
  userId: string,
  keepId: string | undefined,
  at: Date,
): Promise<number> {
  let query = db
    .updateTable('auth_session')
    .set({ revoked_at: at })
    .where('facility_id', '=', facilityId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepId) query = query.where('id', '!=', keepId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function listLiveSessions(
  db: Executor,
  facilityId: string,
  userId: string,
  now: Date,
): Promise<StoredSession[]> {
  return db
    .selectFrom('auth_session')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Removes sessions that ended (expired or logged out) before the given time. Returns how many. */
export async function purgeEndedSessions(db: Executor, endedBefore: Date): Promise<number> {
  const result = await db
    .deleteFrom('auth_session')
    .where((eb) => eb.or([eb('expires_at', '<', endedBefore), eb('revoked_at', '<', endedBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
