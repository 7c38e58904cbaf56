import { sql } from 'kysely';
import type { Executor } from './executor.ts';

/**
 * Failed-login counting in the database, so every server process behind a load balancer sees the same counts.
 * A key is "login:<name>" (locks the account name, whether or not it exists) or "ip:<address>".
 */
export interface ThrottleRule {
  /** Failures allowed inside the window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export interface ThrottleState {
  lockedUntil: Date | null;
}

export async function throttleState(db: Executor, key: string, now: Date): Promise<ThrottleState> {
  const row = await db.selectFrom('login_throttle').select('locked_until').where('key', '=', key).executeTakeFirst();
  const lockedUntil = row?.locked_until && row.locked_until > now ? row.locked_until : null;
  return { lockedUntil };
}

/** Counts one failure atomically (one statement, safe under concurrency) and returns the lock it caused, if any. */
export async function recordFailure(db: Executor, key: string, now: Date, rule: ThrottleRule): Promise<ThrottleState> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const lockUntil = new Date(now.getTime() + rule.lockMs);
  const row = await sql<{ locked_until: Date | null }>`
    INSERT INTO login_throttle AS t (key, failures, window_started_at, locked_until)
    VALUES (${key}, 1, ${now}, ${rule.maxFailures <= 1 ? lockUntil : null})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN t.window_started_at < ${windowStart} THEN 1 ELSE t.failures + 1 END,
      window_started_at = CASE WHEN t.window_started_at < ${windowStart} THEN ${now} ELSE t.window_started_at END,
      locked_until = CASE
        WHEN t.window_started_at >= ${windowStart} AND t.failures + 1 >= ${rule.maxFailures} THEN ${lockUntil}
        ELSE t.locked_until END
    RETURNING locked_until`.execute(db);
  const lockedUntil = row.rows[0]?.locked_until ?? null;
  return { lockedUntil: lockedUntil && lockedUntil > now ? lockedUntil : null };
}

export async function clearFailures(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Forgets failure counts whose window and lock are both over. */
export async function purgeOldThrottles(db: Executor, now: Date, olderThanMs: number): Promise<number> {
  const result = await db
    .deleteFrom('login_throttle')
    .where('window_started_at', '<', new Date(now.getTime() - olderThanMs))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
