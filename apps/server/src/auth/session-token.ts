import { randomBytes } from 'node:crypto';
import { isUuid, type Role } from '@lancar/domain';

/**
 * The session cookie carries "<facility id>.<session id>.<secret>". The ids let any server find the row with one
 * primary-key lookup on the facility's shard; only the secret's SHA-256 is stored, so the table cannot be replayed.
 */
export interface SessionToken {
  facilityId: string;
  sessionId: string;
  secret: string;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatSessionToken(token: SessionToken): string {
  return `${token.facilityId}.${token.sessionId}.${token.secret}`;
}

export function parseSessionToken(value: string | undefined): SessionToken | undefined {
  if (!value || value.length > 200) return undefined;
  const [facilityId, sessionId, secret, ...rest] = value.split('.');
  if (rest.length > 0 || !facilityId || !sessionId || !secret) return undefined;
  if (!isUuid(facilityId) || !isUuid(sessionId) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
  return { facilityId, sessionId, secret };
}

const HOUR = 3600 * 1000;

/**
 * How long a session lives without use. Phones in a household stay logged in for weeks (they are used offline and
 * shared); staff sessions end the same working day.
 */
export function sessionLifetimeMs(role: Role): number {
  switch (role) {
    case 'mother':
    case 'companion':
      return 30 * 24 * HOUR;
    case 'cadre':
    case 'midwife':
    case 'facility_admin':
      return 12 * HOUR;
    case 'researcher':
    case 'system_admin':
      return 8 * HOUR;
  }
}

/** A session's expiry is pushed forward at most this often, so reads do not write on every request. */
export const SESSION_TOUCH_EVERY_MS = 5 * 60 * 1000;
