// A write refused because the disk holding the database is full: answered 507 by the server, and said plainly
// by `lancar serve` when it cannot start.

/** SQLSTATE 53100: PostgreSQL's disk_full, which PGlite also reports when the file system answers ENOSPC. */
export const DISK_FULL = '53100';

export function isDiskFull(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | undefined;
  return (
    e?.code === DISK_FULL ||
    e?.code === 'ENOSPC' ||
    (typeof e?.message === 'string' && /No space left on device/i.test(e.message))
  );
}
