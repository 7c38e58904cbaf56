import {
  type Executor,
  type Facility,
  findActivationCode,
  getFacility,
  getUser,
  hashToken,
  recordFailure,
  type StoredActivationCode,
  throttleState,
  type UserAccount,
} from '@lancar/db';
import { normaliseActivationCode } from '@lancar/domain';
import type { Locale } from '../locale.ts';
import { Problem } from '../problem.ts';
import { lockedProblem } from './locked-problem.ts';
import { ACTIVATION_RULE, throttleKeys } from './login-throttle-rules.ts';

export interface ValidCode {
  code: StoredActivationCode;
  user: UserAccount;
  facility: Facility;
}

/**
 * The account an activation code opens, if the code is known, unused, unexpired and its account not disabled.
 * Every failure counts against the client address, so codes cannot be guessed by brute force.
 */
export async function findValidCode(
  db: Executor,
  rawCode: string,
  ip: string,
  now: Date,
  locale: Locale,
): Promise<ValidCode> {
  const key = throttleKeys.activation(ip);
  const { lockedUntil } = await throttleState(db, key, now);
  if (lockedUntil) {
    throw lockedProblem(lockedUntil, locale, now);
  }
  const normalised = normaliseActivationCode(rawCode);
  const code = normalised ? await findActivationCode(db, hashToken(normalised)) : undefined;
  const user = code ? await getUser(db, code.facility_id, code.user_id) : undefined;
  const facility = user ? await getFacility(db, user.facility_id) : undefined;
  const valid =
    code &&
    !code.used_at &&
    !code.revoked_at &&
    code.expires_at > now &&
    user &&
    user.status !== 'disabled' &&
    facility;
  if (!valid) {
    // The failure that reaches the limit says so at once, as a wrong password does: the person knows to wait.
    const failed = await recordFailure(db, key, now, ACTIVATION_RULE);
    if (failed.lockedUntil) throw lockedProblem(failed.lockedUntil, locale, now);
    throw new Problem('activation-invalid');
  }
  return { code, user, facility };
}
