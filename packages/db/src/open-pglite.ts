import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { lockDataDir } from './data-dir-lock.ts';
import { type Database, TYPE_PARSERS } from './database.ts';
import { DISK_FULL, isDiskFull } from './disk-full.ts';
import { Mutex } from './mutex.ts';
import { PGliteDialect, type PGliteQueries } from './pglite-dialect.ts';
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

/**
 * Thrown for every query after the embedded database stopped on a PANIC. PGlite keeps running after a PANIC but
 * is no longer sound: reads answer with no rows and writes hang (seen with a CHECKPOINT on a full disk), so Lancar
 * refuses to use it and the process must restart; the next start recovers from the write-ahead log.
 * `code` keeps 53100 when the disk was full (the server then answers "disk full"), else 57P01 (database down).
 */
export class PgliteStoppedError extends Error {
  readonly code: string;
  constructor(description: string, cause: Error) {
    const diskFull = isDiskFull(cause);
    super(
      `The embedded database (${description}) stopped after a fatal error: ${cause.message}. ` +
        (diskFull ? 'The disk is full: free space on it, then restart Lancar. ' : 'Restart Lancar. ') +
        'Data already saved is kept; the next start recovers it.',
      { cause },
    );
    this.name = 'PgliteStoppedError';
    this.code = diskFull ? DISK_FULL : '57P01';
  }
}

function isPanic(error: unknown): boolean {
  const severity = (error as { severity?: unknown } | undefined)?.severity;
  return severity === 'PANIC' || severity === 'FATAL';
}

function wrapPglite(pglite: PGlite, description: string, unlock: () => void, onDisk: boolean): Database {
  const gate = new Mutex();
  let stopped: PgliteStoppedError | undefined;
  const fatalListeners = new Set<(error: Error) => void>();
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    if (stopped) throw stopped;
    try {
      return await run();
    } catch (error) {
      if (!stopped && isPanic(error)) {
        stopped = new PgliteStoppedError(description, error as Error);
        for (const listener of fatalListeners) listener(stopped);
      }
      throw error;
    }
  };
  const guarded: PGliteQueries = {
    query: (...args: Parameters<PGlite['query']>) => guard(() => pglite.query(...args)),
    exec: (...args: Parameters<PGlite['exec']>) => guard(() => pglite.exec(...args)),
  } as PGliteQueries;
  const db = new Kysely<Schema>({ dialect: new PGliteDialect(guarded, gate) });

  const withSession = async <T>(fn: (session: SqlSession) => Promise<T>): Promise<T> => {
    const release = await gate.acquire();
    try {
      return await fn({
        query: async <Row>(text: string, params: readonly unknown[] = []) =>
          (await guarded.query<Row>(text, [...params])).rows,
        exec: async (script: string) => {
          await guarded.exec(script);
        },
      });
    } finally {
      release();
    }
  };

  const checkpoint = async () => {
    if (!onDisk || pglite.closed || stopped) return;
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
        // A stopped PGlite may never finish closing; the process is about to exit and the next start recovers.
        if (!pglite.closed && !stopped) await pglite.close();
      } finally {
        unlock();
      }
    })();
    return closing;
  };

  const onFatal = (listener: (error: Error) => void) => {
    fatalListeners.add(listener);
    return () => {
      fatalListeners.delete(listener);
    };
  };

  return { kind: 'pglite', description, db, withSession, checkpoint, close, onFatal };
}
