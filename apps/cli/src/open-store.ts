import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, openDatabase } from '@lancar/db';

export const DATABASE_OPTIONS = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface StoreOptions {
  'data-dir'?: string | undefined;
  'database-url'?: string | undefined;
}

/** The database a command works on, chosen like the server chooses it, with the command named in the lock. */
export function openStore(options: StoreOptions, command: string): Promise<Database> {
  const databaseUrl = options['database-url'] ?? (process.env.DATABASE_URL || undefined);
  const dataDir = resolve(options['data-dir'] ?? (process.env.LANCAR_DATA_DIR || resolve(REPO_ROOT, 'data')));
  return openDatabase({ databaseUrl, dataDir, command: `lancar ${command}` });
}

/** Opens, runs, and always closes (which checkpoints PGlite and releases its lock). */
export async function withStore<T>(
  options: StoreOptions,
  command: string,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const database = await openStore(options, command);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
