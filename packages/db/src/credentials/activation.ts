import { randomBytes } from 'node:crypto';
import { ACTIVATION_CODE_TTL_DAYS, activationCodeFromBytes } from '@lancar/domain';
import { issueActivationCode } from '../repositories/activation-codes.ts';
import type { Executor } from '../repositories/executor.ts';
import { hashToken } from './token-hash.ts';

function newActivationCode(): string {
  for (;;) {
    const code = activationCodeFromBytes(randomBytes(16));
    if (code) return code;
  }
}

/**
 * Makes a new activation code for an account, stores only its hash (retiring older unused codes) and returns the
 * plain code once, to be shown or printed for the person.
 */
export async function createActivationCode(
  db: Executor,
  target: { facilityId: string; userId: string },
  issuedBy: string | null,
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const code = newActivationCode();
  const expiresAt = new Date(now.getTime() + ACTIVATION_CODE_TTL_DAYS * 24 * 3600 * 1000);
  await issueActivationCode(db, {
    codeHash: hashToken(code),
    facilityId: target.facilityId,
    userId: target.userId,
    issuedBy,
    issuedAt: now,
    expiresAt,
  });
  return { code, expiresAt };
}
