/**
 * Errors that mean the database cannot be reached right now (stopped, restarting, crashed, network gone), as
 * opposed to errors in what was asked of it. A request that meets one is answered 503 with Retry-After, and a pooled
 * connection that met one is discarded rather than reused.
 *
 * - socket errors: ECONNREFUSED (nothing listens), ECONNRESET/EPIPE (the connection broke), ETIMEDOUT,
 *   EHOSTUNREACH/ENETUNREACH/ENOTFOUND/EAI_AGAIN (host unreachable or not resolvable);
 * - SQLSTATE 57P01 admin_shutdown (`pg_ctl stop -m fast`, pg_terminate_backend), 57P02 crash_shutdown,
 *   57P03 cannot_connect_now (starting up, shutting down, in recovery), 53300 too_many_connections,
 *   class 08 (connection exceptions);
 * - messages of node-postgres without a code: "Connection terminated unexpectedly", "Connection terminated due to
 *   connection timeout", "timeout exceeded when trying to connect" (pool), "Client has encountered a connection
 *   error and is not queryable".
 */
const CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

const MESSAGES = /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|not queryable/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (CODES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.test(e.message)) return true;
  // A connection attempt to several addresses fails with an AggregateError; a wrapper may keep the cause.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
