const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Day postpartum as midwives count it: the first 24 hours after birth are day 1 ("hari ke-1"),
 * hours 24-48 are day 2, and so on. Undefined before the delivery time.
 */
export function dayPostpartum(deliveredAt: Date, now: Date): number | undefined {
  const elapsed = now.getTime() - deliveredAt.getTime();
  if (elapsed < 0) return undefined;
  return Math.floor(elapsed / DAY_MS) + 1;
}

/** Whole years of age on a given date (for pseudonymised views, which never show a date of birth). */
export function ageInYears(dateOfBirth: string, on: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = on.getUTCFullYear() - y;
  const beforeBirthday = on.getUTCMonth() + 1 < m || (on.getUTCMonth() + 1 === m && on.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}
