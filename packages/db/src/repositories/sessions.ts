import type { Executor } from './executor.ts';

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

export function findSession(db: Executor, facilityId: string, id: string): Promise<StoredSession | undefined> {
  return db
    .selectFrom('auth_session')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('id', '=', id)
    .executeTakeFirst();
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
