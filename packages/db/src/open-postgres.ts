import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { type Database, TYPE_PARSERS } from './database.ts';
import { isDatabaseUnavailable } from './database-unavailable.ts';
import type { Schema } from './schema.ts';
import type { SqlSession } from './session.ts';

export interface PostgresOptions {
  poolSize?: number;
  /** How long a request waits for a connection before it fails (and is answered 503); default 15 s. */
  connectTimeoutMs?: number;
}

/** A PostgreSQL server through a pg pool. Several Lancar servers can share one database. */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const types = {
    getTypeParser: (oid: number, format?: 'text' | 'binary') =>
      TYPE_PARSERS[oid] ?? (format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid)),
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    types: types as pg.CustomTypesConfig,
    // While the server is away, a request fails after this long (and is answered 503) instead of waiting forever.
    connectionTimeoutMillis: options.connectTimeoutMs ?? 15_000,
    // A connection whose server vanished without closing it (a crash, a network cut) is noticed, not kept.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // An idle client whose server went away must not crash the process; the next query reports the failure.
  pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
  // Nor may a client in use: between its queries it has no listener of the pool's, and an 'error' event without one
  // ends the process (pg_ctl stop -m fast did exactly that). The query in progress, or the next, fails and is
  // answered 503; the pool discards the client, which is no longer queryable, when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  const client = await pool.connect(); // fail now, with a clear message, if the server is unreachable
  client.release();

  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const withSession = async <T>(fn: (session: SqlSession) => Promise<T>): Promise<T> => {
    const session = await pool.connect();
    let broken: Error | undefined;
    try {
      return await fn({
        query: async <Row>(text: string, params: readonly unknown[] = []) =>
          (await session.query(text, [...params])).rows as Row[],
        exec: async (script: string) => {
          await session.query(script); // no parameters: the simple protocol, which allows several statements
        },
      });
    } catch (error) {
      // A connection that broke is destroyed, not handed to the next request.
      if (isDatabaseUnavailable(error)) broken = error as Error;
      throw error;
    } finally {
      session.release(broken);
    }
  };

  let closing: Promise<void> | undefined;
  return {
    kind: 'postgres',
    description: `PostgreSQL at ${describeUrl(url)}`,
    db,
    withSession,
    checkpoint: async () => {},
    close: () => {
      closing ??= db.destroy(); // ends the pool
      return closing;
    },
  };
}

/** host:port/database, without user or password. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
