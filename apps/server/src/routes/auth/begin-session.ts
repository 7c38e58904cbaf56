import type { Me } from '@lancar/contracts';
import { type Executor, recordAudit, revokeSession, type UserAccount } from '@lancar/db';
import type { FastifyRequest } from 'fastify';
import { actorOf, startSession } from '../../auth/sessions.ts';
import { meView } from './me-view.ts';

/** The live session the request came with, if any: the browser is about to replace its cookie. */
export interface ReplacedSession {
  facilityId: string;
  sessionId: string;
}

/**
 * The common end of logging in and of activating an account: a new session, its audit entry, and the person's
 * view of themselves. Run inside the transaction that decided the person may log in.
 *
 * The session is always new (a cookie the browser had before, planted or real, is never reused), and the session
 * the request came with ends: the browser forgets its cookie, so nothing should still accept it (a family phone
 * handed from one person to the next, or a session an attacker planted).
 */
export async function beginSession(
  tx: Executor,
  user: UserAccount,
  how: 'login' | 'activate',
  userAgent: string | undefined,
  at: Date,
  replacing?: ReplacedSession,
): Promise<{ session: Awaited<ReturnType<typeof startSession>>; me: Me }> {
  if (replacing) await revokeSession(tx, replacing.facilityId, replacing.sessionId, at);
  const session = await startSession(tx, user, userAgent, at);
  await recordAudit(tx, {
    facilityId: user.facility_id,
    actorUserId: user.id,
    actorRole: user.role,
    action: how,
    subjectType: 'user',
    subjectId: user.id,
    purpose: 'self',
    at,
  });
  return { session, me: await meView(tx, user, await actorOf(tx, user)) };
}

/** The session a login or activation request came with (resolved from its cookie before the handler ran). */
export function replacedSession(request: FastifyRequest): ReplacedSession | undefined {
  return request.actor && request.sessionId
    ? { facilityId: request.actor.facilityId, sessionId: request.sessionId }
    : undefined;
}
