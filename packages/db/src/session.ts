/**
 * One connection held exclusively for a while: for migrations, backup and restore, which need multi-statement
 * scripts, session-level locks or long reads that Kysely's query builder does not model.
 */
export interface SqlSession {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs a script of several statements with no parameters. */
  exec(script: string): Promise<void>;
}
