import type { Locale } from '../locale.ts';
import { Problem } from '../problem.ts';

/** 429 with the local time to try again (Western Indonesia Time), a machine-readable retryAt and Retry-After. */
export function lockedProblem(until: Date, locale: Locale, now: Date): Problem {
  const time = until.toLocaleTimeString(locale === 'id' ? 'id-ID' : 'en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jakarta',
    timeZoneName: 'short',
  });
  return new Problem('login-locked', {
    params: { time },
    extra: { retryAt: until.toISOString() },
    headers: { 'retry-after': String(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))) },
  });
}
