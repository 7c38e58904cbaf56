import { timingSafeEqual } from 'node:crypto';
import {
  type Executor,
  findSessionWithAccount,
  hashToken,
  householdMotherIds,
  insertSession,
  touchSession,
  type UserAccount,
} from '@lancar/db';
import { type Actor, newId } from '@lancar/domain';
import {
  formatSessionToken,
  newSecret,
  parseSessionToken,
  SESSION_TOUCH_EVERY_MS,
  sessionLifetimeMs,
} from './session-token.ts';

export interface AuthenticatedSession {
  actor: Actor;
  user: UserAccount;
  sessionId: string;
  /** Set when this request pushed the session's end forward: the cookie must be renewed to match. */
  renewedUntil: Date | undefined;
}

export async function startSession(
  db: Executor,
  user: UserAccount,
  userAgent: string | undefined,
  now: Date,
): Promise<{ cookieValue: string; expiresAt: Date; sessionId: string }> {
  const secret = newSecret();
  const sessionId = newId(now.getTime());
  const expiresAt = new Date(now.getTime() + sessionLifetimeMs(user.role));
  await insertSession(db, {
    facility_id: user.facility_id,
    id: sessionId,
    user_id: user.id,
    token_hash: hashToken(secret),
    expires_at: expiresAt,
    user_agent: userAgent?.slice(0, 300) ?? null,
  });
  return {
    cookieValue: formatSessionToken({ facilityId: user.facility_id, sessionId, secret }),
    expiresAt,
    sessionId,
  };
}

/** The live session a cookie names, with its account and actor; undefined for anything expired, revoked or forged. */
export async function resolveSession(
  db: Executor,
  cookieValue: string | undefined,
  now: Date,
): Promise<AuthenticatedSession | undefined> {
  const token = parseSessionToken(cookieValue);
  if (!token) return undefined;
  const found = await findSessionWithAccount(db, token.facilityId, token.sessionId);
  if (!found) return undefined;
  const { session, user } = found;
  if (session.revoked_at || session.expires_at <= now) return undefined;
  const expected = Buffer.from(session.token_hash, 'hex');
  const actual = Buffer.from(hashToken(token.secret), 'hex');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  if (user.status !== 'active') return undefined;
  let renewedUntil: Date | undefined;
  if (now.getTime() - session.last_seen_at.getTime() > SESSION_TOUCH_EVERY_MS) {
    renewedUntil = new Date(now.getTime() + sessionLifetimeMs(user.role));
    await touchSession(db, session.facility_id, session.id, now, renewedUntil);
  }
  const actor: Actor = {
    userId: user.id,
    role: user.role,
    facilityId: user.facility_id,
    householdMotherIds: found.householdMotherIds,
  };
  return { actor, user, sessionId: session.id, renewedUntil };
}

export async function actorOf(db: Executor, user: UserAccount): Promise<Actor> {
  return {
    userId: user.id,
    role: user.role,
    facilityId: user.facility_id,
    householdMotherIds: await householdMotherIds(db, user.facility_id, user.id, user.role),
  };
}
