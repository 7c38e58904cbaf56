import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Database } from '../database.ts';
import { appliedMigrations } from '../migrate.ts';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type BackupHeader, type BackupTrailer } from './tables.ts';

const PAGE = 1000;

/**
 * Writes a backup as NDJSON: a header line, one line per row ({"table", "row"}), and a trailer with row counts so a
 * truncated file is detected. Rows are PostgreSQL's own to_jsonb() form, which is the same on PGlite and on a
 * server and restores exactly (docs/decisions/0006-backup-format.md).
 */
export async function writeBackup(database: Database, file: string): Promise<Record<string, number>> {
  const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  const write = async (value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  const counts: Record<string, number> = {};
  try {
    await once(out, 'open'); // rejects with EEXIST when the file is already there
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      migrations: await appliedMigrations(database),
      source: database.kind,
    };
    await write(header);
    // One snapshot for every table, so a backup taken while the server runs is consistent.
    await database.withSession(async (session) => {
      await session.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        for (const table of BACKUP_TABLES) {
          counts[table.name] = 0;
          const order = table.key.map((column) => `t.${column}`).join(', ');
          for (let offset = 0; ; offset += PAGE) {
            const rows = await session.query<{ r: Record<string, unknown> }>(
              `SELECT to_jsonb(t) AS r FROM ${table.name} t ORDER BY ${order} LIMIT ${PAGE} OFFSET ${offset}`,
            );
            for (const { r } of rows) await write({ table: table.name, row: r });
            counts[table.name] = (counts[table.name] ?? 0) + rows.length;
            if (rows.length < PAGE) break;
          }
        }
      } finally {
        await session.exec('COMMIT');
      }
    });
    const trailer: BackupTrailer = { end: true, rows: counts };
    await write(trailer);
    out.end();
    await once(out, 'finish');
    return counts;
  } catch (error) {
    out.destroy();
    throw error;
  }
}
