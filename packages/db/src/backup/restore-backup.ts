import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Database } from '../database.ts';
import { migrate, migrationNames } from '../migrate.ts';
import { BACKUP_FORMAT, BACKUP_TABLES, BACKUP_VERSION, type BackupHeader } from './tables.ts';

const BATCH = 500;

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const KNOWN_TABLES = new Map<string, number>(BACKUP_TABLES.map((table, index) => [table.name, index]));

/**
 * Restores a backup into an empty database (it applies the migrations first). Everything happens in one
 * transaction: a damaged or truncated file leaves the database exactly as it was.
 */
export async function restoreBackup(database: Database, file: string): Promise<Record<string, number>> {
  await migrate(database);
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = lines[Symbol.asyncIterator]();
  const header = parseLine((await iterator.next()).value, 1) as Partial<BackupHeader>;
  checkHeader(header);

  return database.withSession(async (session) => {
    const existing = await session.query<{ n: number }>('SELECT count(*)::int AS n FROM facility');
    if ((existing[0]?.n ?? 0) > 0) {
      throw new BackupError(
        'The target database already holds data. Restore into an empty database (a new LANCAR_DATA_DIR or a new PostgreSQL database).',
      );
    }
    await session.exec('BEGIN');
    try {
      const counts: Record<string, number> = {};
      let batch: Record<string, unknown>[] = [];
      let batchTable: string | undefined;
      let lastTableIndex = -1;
      let trailer: { rows?: Record<string, number> } | undefined;
      const flush = async () => {
        if (!batchTable || batch.length === 0) return;
        // The table name was checked against the known list; the rows go in as one JSON parameter.
        await session.query(
          `INSERT INTO ${batchTable} SELECT * FROM jsonb_populate_recordset(NULL::${batchTable}, $1::jsonb)`,
          [JSON.stringify(batch)],
        );
        batch = [];
      };
      let lineNumber = 1;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        lineNumber++;
        if (next.value.trim() === '') continue;
        if (trailer) throw new BackupError(`Line ${lineNumber}: data after the end marker; the file is damaged.`);
        const line = parseLine(next.value, lineNumber) as {
          table?: string;
          row?: unknown;
          end?: boolean;
          rows?: Record<string, number>;
        };
        if (line.end === true) {
          trailer = line;
          continue;
        }
        const index = KNOWN_TABLES.get(line.table ?? '');
        if (index === undefined || typeof line.row !== 'object' || line.row === null) {
          throw new BackupError(`Line ${lineNumber}: not a row of a known table.`);
        }
        if (index < lastTableIndex)
          throw new BackupError(`Line ${lineNumber}: tables out of order; the file is damaged.`);
        if (line.table !== batchTable || batch.length >= BATCH) await flush();
        lastTableIndex = index;
        batchTable = line.table;
        batch.push(line.row as Record<string, unknown>);
        counts[line.table as string] = (counts[line.table as string] ?? 0) + 1;
      }
      await flush();
      if (!trailer)
        throw new BackupError('The file ends without its end marker: it is truncated. Nothing was restored.');
      for (const table of BACKUP_TABLES) {
        const expected = trailer.rows?.[table.name] ?? 0;
        if ((counts[table.name] ?? 0) !== expected) {
          throw new BackupError(
            `Table ${table.name}: the file says ${expected} rows but holds ${counts[table.name] ?? 0}.`,
          );
        }
      }
      await session.exec('COMMIT');
      return counts;
    } catch (error) {
      await session.exec('ROLLBACK');
      throw error;
    }
  });
}

function parseLine(text: string | undefined, lineNumber: number): unknown {
  if (text === undefined) throw new BackupError('The file is empty.');
  try {
    return JSON.parse(text);
  } catch {
    throw new BackupError(`Line ${lineNumber} is not valid JSON: the file is damaged or not a Lancar backup.`);
  }
}

function checkHeader(header: Partial<BackupHeader>): void {
  if (header.format !== BACKUP_FORMAT) throw new BackupError('This file is not a Lancar backup.');
  if (header.version !== BACKUP_VERSION) {
    throw new BackupError(
      `This backup has format version ${header.version}; this Lancar reads version ${BACKUP_VERSION}.`,
    );
  }
  const known = new Set(migrationNames());
  const unknown = (header.migrations ?? []).filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new BackupError(
      `The backup comes from a newer Lancar (migrations ${unknown.join(', ')}). Upgrade Lancar first.`,
    );
  }
}
