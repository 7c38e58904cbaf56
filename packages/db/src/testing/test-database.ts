import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../database.ts';
import { loadDemo } from '../demo/demo-dataset.ts';
import { migrate } from '../migrate.ts';
import { openPgliteInMemory } from '../open-pglite.ts';
import { openPostgres } from '../open-postgres.ts';

/**
 * A private, migrated database for one test file: PGlite in memory by default, or a fresh database on the
 * PostgreSQL server named by DATABASE_URL. `npm test` prepares migrated templates once (prepare-templates.ts) and
 * each test clones one, which is much faster than migrating per file; run alone, a test file migrates by itself.
 */
export interface TestDatabaseOptions {
  /** Load the demo dataset (default true). */
  demo?: boolean;
}

export const TEMPLATE_ENV = {
  pgliteDir: 'LANCAR_TEST_PGLITE_TEMPLATES',
  pgDemo: 'LANCAR_TEST_PG_TEMPLATE_DEMO',
  pgEmpty: 'LANCAR_TEST_PG_TEMPLATE_EMPTY',
} as const;

let counter = 0;

export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const demo = options.demo ?? true;
  const url = process.env.DATABASE_URL;
  return url ? openPostgresTestDatabase(url, demo) : openPgliteTestDatabase(demo);
}

async function openPgliteTestDatabase(demo: boolean): Promise<Database> {
  const dir = process.env[TEMPLATE_ENV.pgliteDir];
  if (dir) {
    const tarball = readFileSync(join(dir, demo ? 'demo.tar' : 'empty.tar'));
    return openPgliteInMemory(new Blob([tarball]));
  }
  const database = await openPgliteInMemory();
  await migrate(database);
  if (demo) await loadDemo(database);
  return database;
}

async function openPostgresTestDatabase(url: string, demo: boolean): Promise<Database> {
  const name = `lancar_t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const template = process.env[demo ? TEMPLATE_ENV.pgDemo : TEMPLATE_ENV.pgEmpty];
  await adminQuery(url, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  const testUrl = withDatabase(url, name);
  const database = await openPostgres(testUrl, { poolSize: 4 });
  if (!template) {
    await migrate(database);
    if (demo) await loadDemo(database);
  }
  const close = database.close;
  return {
    ...database,
    close: async () => {
      await close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Runs one statement on the server's maintenance connection (CREATE/DROP DATABASE cannot run in a transaction). */
export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
