import { closeSync, linkSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite does not lock its data directory, and two processes writing one directory corrupt it
 * (pglite #1106). So the directory carries our own lock file naming the process that holds it.
 */
export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export class DataDirLockedError extends Error {
  readonly holder: LockHolder;
  constructor(dataDir: string, holder: LockHolder) {
    super(
      `The data directory ${dataDir} is in use by another Lancar process ` +
        `(pid ${holder.pid} on ${holder.host}, "${holder.command}", since ${holder.startedAt}). ` +
        'Stop that process first, or point LANCAR_DATA_DIR at another directory.',
    );
    this.name = 'DataDirLockedError';
    this.holder = holder;
  }
}

export const LOCK_FILE = 'lancar.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else; it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function isFresh(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs < 5_000;
  } catch {
    return false;
  }
}

const TAKEOVER_FILE = 'lancar.lock.takeover';
/** A takeover marker older than this was left by a process that died while taking over; it is ignored. */
const TAKEOVER_STALE_MS = 30_000;

/**
 * Creates `path` with its content in one step, or returns false if it exists. The content is written to a private
 * file first and then hard-linked into place: a file opened with 'wx' exists empty for a moment before it is
 * written, and another process reading it then would take a live lock for a stale one.
 */
function createExclusive(path: string, content: string): boolean {
  const draft = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(draft, content, { mode: 0o600 });
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links (FAT, some network shares): fall back to an exclusive open.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return openExclusive(path, content);
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

function openExclusive(path: string, content: string): boolean {
  try {
    const fd = openSync(path, 'wx', 0o600);
    writeSync(fd, content);
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Removes a lock left by a dead process. Only the process that creates the takeover marker may do it, so two
 * processes finding the same stale lock cannot both remove it (one of them would remove the other's new lock).
 */
function takeOverStaleLock(dataDir: string, path: string, staleHolder: LockHolder | undefined): boolean {
  const marker = join(dataDir, TAKEOVER_FILE);
  if (!createExclusive(marker, String(process.pid))) {
    try {
      if (Date.now() - statSync(marker).mtimeMs > TAKEOVER_STALE_MS) rmSync(marker, { force: true });
    } catch {
      // The other process finished its takeover meanwhile.
    }
    return false;
  }
  try {
    // Still the same stale holder? Then nobody took the directory while we looked.
    if (readHolder(path)?.pid === staleHolder?.pid) rmSync(path, { force: true });
    return true;
  } finally {
    rmSync(marker, { force: true });
  }
}

/** Takes the lock or throws DataDirLockedError. Returns the function that gives it back. */
export function lockDataDir(dataDir: string, command: string): () => void {
  const path = join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createExclusive(path, JSON.stringify(me))) {
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
      };
    }
    const holder = readHolder(path);
    // A lock from a process on another host cannot be checked; a live local process keeps it.
    if (holder && (holder.host !== me.host || isAlive(holder.pid))) throw new DataDirLockedError(dataDir, holder);
    // Unreadable but new: another process is still writing it (exclusive-open fallback); leave it alone.
    if (!holder && isFresh(path)) {
      throw new DataDirLockedError(dataDir, { pid: -1, host: 'unknown', command: 'starting', startedAt: 'just now' });
    }
    // Left behind by a process that died (kill -9, power cut): take it over.
    takeOverStaleLock(dataDir, path, holder);
  }
  const holder = readHolder(path);
  throw new DataDirLockedError(
    dataDir,
    holder ?? { pid: -1, host: 'unknown', command: 'unknown', startedAt: 'unknown' },
  );
}
