import { normalisePhone } from './phone.ts';

/** Usernames: lower-case letters, digits, dot, dash, underscore; 3 to 32 characters; start with a letter. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/;

/**
 * People log in with a phone number or a username. Both are stored as one "login name" so either finds the account:
 * a phone becomes "tel:6281234567890", a username stays as typed in lower case.
 */
export function loginNameFromInput(input: string): string | undefined {
  const trimmed = input.trim();
  if (/^\+?[\d\s().-]+$/.test(trimmed)) {
    const phone = normalisePhone(trimmed);
    return phone === undefined ? undefined : phoneLoginName(phone);
  }
  const username = trimmed.toLowerCase();
  return USERNAME_PATTERN.test(username) ? username : undefined;
}

export function phoneLoginName(canonicalPhone: string): string {
  return `tel:${canonicalPhone}`;
}
