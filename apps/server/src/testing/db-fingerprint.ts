import type { Database } from '@lancar/db';
import { sql } from 'kysely';

/**
 * What the database holds, table by table, cheaply enough to take before and after every fuzzed request: each
 * table's row count and an order-independent hash of its rows (the sum of a hash of each row's text). Two equal
 * fingerprints mean no row was added, removed or changed, which is how the hostile-input tests prove that a refused
 * request wrote nothing.
 */
export type Fingerprint = Map<string, string>;

async function tableNames(database: Database): Promise<string[]> {
  const result = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`.execute(database.db);
  return result.rows.map((row) => row.name);
}

const tablesOf = new WeakMap<Database, string[]>();

export async function fingerprint(database: Database): Promise<Fingerprint> {
  let tables = tablesOf.get(database);
  if (!tables) {
    tables = await tableNames(database);
    tablesOf.set(database, tables);
  }
  const parts = tables.map(
    (table) =>
      sql`SELECT ${table} AS t, count(*)::text || ':' || coalesce(sum(hashtextextended(r::text, 0)), 0)::text AS f
          FROM ${sql.table(table)} r`,
  );
  const result = await sql<{ t: string; f: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(database.db);
  return new Map(result.rows.map((row) => [row.t, row.f]));
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

export interface StoredValues {
  /** Whether this text is stored anywhere (a date-time also when stored as the same instant in another zone). */
  has(text: string): boolean;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/;

/**
 * Every string stored in the given tables (all of them by default), at any depth of their JSON columns, for checking
 * that what an accepted request carried was written. Read in UTC so that stored instants parse back.
 */
export async function storedValues(database: Database, tables?: readonly string[]): Promise<StoredValues> {
  const names = tables ?? (await allTables(database));
  const strings = new Set<string>();
  const instants = new Set<number>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      strings.add(value);
      if (DATE_TIME.test(value)) instants.add(Date.parse(value));
    } else if (Array.isArray(value)) {
      for (const item of value) collect(item);
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        strings.add(key);
        collect(item);
      }
    }
  };
  await database.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL TimeZone = 'UTC'`.execute(tx);
    for (const table of names) {
      const result = await sql<{ row: unknown }>`SELECT to_jsonb(r) AS row FROM ${sql.table(table)} r`.execute(tx);
      for (const { row } of result.rows) collect(typeof row === 'string' ? JSON.parse(row) : row);
    }
  });
  return {
    has: (text) => strings.has(text) || (DATE_TIME.test(text) && instants.has(Date.parse(text))),
  };
}

async function allTables(database: Database): Promise<string[]> {
  return tablesOf.get(database) ?? tableNames(database);
}
