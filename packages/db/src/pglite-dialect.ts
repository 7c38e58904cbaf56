import type { PGlite } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { Mutex } from './mutex.ts';

/** What the dialect uses of PGlite: open-pglite.ts hands it a guarded wrapper that stops after a PANIC. */
export type PGliteQueries = Pick<PGlite, 'query' | 'exec'>;

/**
 * Kysely on PGlite. Kysely 0.28 (the last line for Node 20) has no PGlite dialect, so this is ours
 * (docs/decisions/0003-kysely-and-own-pglite-dialect.md). PGlite has one connection: a connection is
 * a lease on it, taken from the shared mutex and held until Kysely releases it, which keeps a
 * transaction's statements together and everyone else waiting.
 */
export class PGliteDialect implements Dialect {
  readonly #pglite: PGliteQueries;
  readonly #gate: Mutex;

  constructor(pglite: PGliteQueries, gate: Mutex) {
    this.#pglite = pglite;
    this.#gate = gate;
  }

  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.#pglite, this.#gate);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  readonly #pglite: PGliteQueries;
  readonly #gate: Mutex;
  readonly #releases = new WeakMap<DatabaseConnection, () => void>();

  constructor(pglite: PGliteQueries, gate: Mutex) {
    this.#pglite = pglite;
    this.#gate = gate;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#gate.acquire();
    const connection = new PGliteConnection(this.#pglite);
    this.#releases.set(connection, release);
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).run('BEGIN');
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).run('COMMIT');
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).run('ROLLBACK');
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.#releases.get(connection)?.();
    this.#releases.delete(connection);
  }

  async destroy(): Promise<void> {}
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGliteQueries;

  constructor(pglite: PGliteQueries) {
    this.#pglite = pglite;
  }

  async run(text: string): Promise<void> {
    await this.#pglite.exec(text);
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#pglite.query<R>(compiled.sql, [...compiled.parameters]);
    const command = result.command ?? '';
    const changes = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(command);
    return changes ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows ?? 0) } : { rows: result.rows };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered on PGlite; Kysely only calls this for .stream()
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming queries are not supported on PGlite; read in pages instead.');
  }
}
