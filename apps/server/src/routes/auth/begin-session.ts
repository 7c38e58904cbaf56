import type { Me } from '@lancar/contracts';
import { type Executor, recordAudit, type UserAccount } from '@lancar/db';
import { actorOf, startSession } from '../../auth/sessions.ts';
import { meView } from './me-view.ts';

/**
 * The common end of logging in and of activating an account: a new session, its audit entry, and the person's
 * view of themselves. Run inside the transaction that decided the person may log in.
 */
export async function beginSession(
  tx: Executor,
  user: UserAccount,
  how: 'login' | 'activate',
  userAgent: string | undefined,
  at: Date,
): Promise<{ session: Awaited<ReturnType<typeof startSession>>; me: Me }> {
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
