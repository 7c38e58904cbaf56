import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { lockDataDir } from './data-dir-lock.ts';
import { type Database, TYPE_PARSERS } from './database.ts';
import { Mutex } from './mutex.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { Schema } from './schema.ts';
import type { SqlSession } from './session.ts';

/**
 * Opening PGlite safely (docs/decisions/0002-postgres-everywhere-pglite-embedded.md):
 *  - a lock file, so a second process refuses instead of corrupting the directory;
 *  - first initialisation in a temporary directory renamed into place, so a killed first start leaves nothing half-made;
 *  - WAL capped at 64 MB with CHECKPOINT on a timer and at close, because PGlite runs no checkpointer.
 */
const PGDATA = 'pgdata';
const INIT_PREFIX = 'pgdata.init-';
const CHECKPOINT_EVERY_MS = 10 * 60 * 1000;

const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'max_wal_size=64MB', '-c', 'min_wal_size=32MB'];

export interface PgliteOptions {
  /** What holds the lock, shown to a second process that is refused ("lancar serve"). */
  command: string;
}

export async function openPglite(dataDir: string, options: PgliteOptions): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir, options.command);
  try {
    const pgdata = join(dataDir, PGDATA);
    await initialiseIfNeeded(dataDir, pgdata);
    const pglite = await startPglite(pgdata);
    return wrapPglite(pglite, `PGlite at ${dataDir}`, unlock, true);
  } catch (error) {
    unlock();
    throw error;
  }
}

/** An in-memory PGlite, optionally loaded from a dump (tests clone a migrated template this way). */
export async function openPgliteInMemory(loadDataDir?: Blob): Promise<Database & { dumpDataDir(): Promise<Blob> }> {
  const pglite = await PGlite.create({
    parsers: TYPE_PARSERS,
    startParams: START_PARAMS,
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const database = wrapPglite(pglite, 'PGlite in memory', () => {}, false);
  return { ...database, dumpDataDir: () => database.withSession(() => pglite.dumpDataDir('none')) };
}

async function initialiseIfNeeded(dataDir: string, pgdata: string): Promise<void> {
  // Leftovers of a first start that was killed: they never held data.
  for (const entry of readdirSync(dataDir)) {
    if (entry.startsWith(INIT_PREFIX)) rmSync(join(dataDir, entry), { recursive: true, force: true });
  }
  if (existsSync(join(pgdata, 'PG_VERSION'))) return;
  if (existsSync(pgdata)) {
    // A directory without PG_VERSION never finished initdb, so it cannot hold committed data; keep it aside anyway.
    renameSync(pgdata, join(dataDir, `pgdata.incomplete-${Date.now()}`));
  }
  const staging = join(dataDir, `${INIT_PREFIX}${process.pid}`);
  const pglite = await PGlite.create({ dataDir: staging, startParams: START_PARAMS });
  await pglite.close();
  renameSync(staging, pgdata);
}

async function startPglite(pgdata: string): Promise<PGlite> {
  const open = () => PGlite.create({ dataDir: pgdata, parsers: TYPE_PARSERS, startParams: START_PARAMS });
  try {
    return await open();
  } catch (error) {
    // A process killed while running can leave postmaster.pid behind, which stops the next start.
    // We hold the directory lock, so no live process owns it: remove only that file and try once more.
    const pidFile = join(pgdata, 'postmaster.pid');
    if (!existsSync(pidFile)) throw error;
    rmSync(pidFile);
    return await open();
  }
}

function wrapPglite(pglite: PGlite, description: string, unlock: () => void, onDisk: boolean): Database {
  const gate = new Mutex();
  const db = new Kysely<Schema>({ dialect: new PGliteDialect(pglite, gate) });

  const withSession = async <T>(fn: (session: SqlSession) => Promise<T>): Promise<T> => {
    const release = await gate.acquire();
    try {
      return await fn({
        query: async <Row>(text: string, params: readonly unknown[] = []) =>
          (await pglite.query<Row>(text, [...params])).rows,
        exec: async (script: string) => {
          await pglite.exec(script);
        },
      });
    } finally {
      release();
    }
  };

  const checkpoint = async () => {
    if (!onDisk || pglite.closed) return;
    await withSession((session) => session.exec('CHECKPOINT'));
  };

  const timer = onDisk
    ? setInterval(() => {
        checkpoint().catch((error: unknown) => console.error('Periodic CHECKPOINT failed:', error));
      }, CHECKPOINT_EVERY_MS)
    : undefined;
  timer?.unref();

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      if (timer) clearInterval(timer);
      try {
        await checkpoint();
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        unlock();
      }
    })();
    return closing;
  };

  return { kind: 'pglite', description, db, withSession, checkpoint, close };
}
