import { createHash } from 'node:crypto';

/**
 * Session secrets and activation codes are stored only as their SHA-256, so a copy of the database cannot be used
 * to log in. (They are random and long-lived only briefly, so a fast hash is enough; passwords use scrypt.)
 */
export function hashToken(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
