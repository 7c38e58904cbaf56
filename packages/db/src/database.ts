import type { Kysely } from 'kysely';
import type { Schema } from './schema.ts';
import type { SqlSession } from './session.ts';

/** An open Lancar database: PGlite in this process, or a PostgreSQL server. The rest of the code cannot tell which. */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** For logs: the data directory or the server address, never a password. */
  readonly description: string;
  readonly db: Kysely<Schema>;
  /** Holds one connection for a script, a session-level lock or a long read. */
  withSession<T>(fn: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Flushes the WAL into the data files (PGlite); a no-op on a server, which checkpoints itself. */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
  /**
   * Embedded PGlite only: calls `listener` once if the database stops for good while open (a PANIC, e.g. a
   * CHECKPOINT on a full disk). Every later query then fails with PgliteStoppedError, and the process should exit:
   * the next start recovers from the write-ahead log. Returns a function that removes the listener.
   */
  onFatal?(listener: (error: Error) => void): () => void;
}

/** Type OIDs whose default JavaScript form differs between pg and PGlite; both drivers use these parsers. */
export const TYPE_PARSERS: Record<number, (value: string) => unknown> = {
  20: (value) => Number(value), // int8: counts and sums fit in a double here
  1700: (value) => Number(value), // numeric
  1082: (value) => value, // date stays 'YYYY-MM-DD' (pg would make a local-midnight Date)
};
