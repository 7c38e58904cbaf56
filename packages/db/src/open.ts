import type { Database } from './database.ts';
import { openPglite } from './open-pglite.ts';
import { openPostgres } from './open-postgres.ts';

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, the embedded PGlite database in dataDir is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Shown to a second process that finds the embedded database in use. */
  command: string;
  poolSize?: number | undefined;
}

export function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) {
    return openPostgres(options.databaseUrl, options.poolSize === undefined ? {} : { poolSize: options.poolSize });
  }
  return openPglite(options.dataDir, { command: options.command });
}
