import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));
const MIGRATION_FILE = /^\d{4}_[a-z0-9_]+\.sql$/;
// Any constant works; it keeps two servers starting at once from migrating at the same time.
const MIGRATION_LOCK_KEY = 7_231_004_412;

export function migrationNames(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => MIGRATION_FILE.test(name))
    .sort();
}

export interface MigrateOptions {
  /** Called after each migration commits (the crash tests kill the process between two). */
  onApplied?: (name: string) => void;
}

/**
 * Applies the numbered .sql files not yet applied, each in its own transaction together with its bookkeeping row,
 * in order. Safe to run on every start and from several processes at once. Returns the names it applied.
 */
export async function migrate(database: Database, options: MigrateOptions = {}): Promise<string[]> {
  return database.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await session.exec(
        'CREATE TABLE IF NOT EXISTS schema_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const rows = await session.query<{ name: string }>('SELECT name FROM schema_migration');
      const done = new Set(rows.map((row) => row.name));
      const applied: string[] = [];
      for (const name of migrationNames()) {
        if (done.has(name)) continue;
        const script = readFileSync(join(MIGRATIONS_DIR, name), 'utf8');
        await session.exec('BEGIN');
        try {
          await session.exec(script);
          await session.query('INSERT INTO schema_migration (name) VALUES ($1)', [name]);
          await session.exec('COMMIT');
        } catch (error) {
          await session.exec('ROLLBACK');
          throw new Error(`Migration ${name} failed and was rolled back: ${(error as Error).message}`, {
            cause: error,
          });
        }
        applied.push(name);
        options.onApplied?.(name);
      }
      return applied;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

/** Names of applied migrations; empty for a database Lancar has never migrated. */
export async function appliedMigrations(database: Database): Promise<string[]> {
  return database.withSession(async (session) => {
    const exists = await session.query<{ present: boolean }>(
      "SELECT to_regclass('schema_migration') IS NOT NULL AS present",
    );
    if (!exists[0]?.present) return [];
    const rows = await session.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY name');
    return rows.map((row) => row.name);
  });
}
