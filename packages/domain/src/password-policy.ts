/** Limits shared by the server and the phone form. Long enough to resist guessing with rate limiting, short enough to type on a phone. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_simple';

/** Refuses passwords that are too short, too long, or one repeated or sequential run such as 11111111 or 12345678. */
export function passwordProblem(password: string): PasswordProblem | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'too_short';
  if (length > PASSWORD_MAX_LENGTH) return 'too_long';
  if (new Set(password).size <= 2) return 'too_simple';
  if ('01234567890123456789'.includes(password) || '98765432109876543210'.includes(password)) return 'too_simple';
  return undefined;
}
