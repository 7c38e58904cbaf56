import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { adminQuery, withDatabase } from '@lancar/db/testing';

/** The real `lancar serve` program, started in its own process by tests that kill it or its database. */
export const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

export interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** The environment of a server on this store: PGlite in dataDir, or the PostgreSQL database at databaseUrl. */
export function environment(dataDir: string, databaseUrl: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANCAR_DATA_DIR: dataDir, PORT: '0', LANCAR_LOG_LEVEL: 'warn' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return env;
}

/** Starts the server and resolves once it says where it listens. */
export function start(env: NodeJS.ProcessEnv): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Lancar is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1], output: () => output });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code} before it was ready:\n${output}`)));
  });
}

/** Resolves with the exit code (null when killed by a signal) once the process has ended. */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

export interface Store {
  dataDir: string;
  databaseUrl: string | undefined;
}

/**
 * Fresh stores for server processes: a new data directory (PGlite), or, when DATABASE_URL is set, also a new
 * database on that server. `remove()` deletes them all; call it in `after`.
 */
export function storeFactory(prefix = 'lancar-process'): { freshStore(): Promise<Store>; remove(): Promise<void> } {
  const dirs: string[] = [];
  const databases: string[] = [];
  const label = prefix.replace(/[^a-z0-9]/gi, '_').toLowerCase();
  return {
    async freshStore() {
      const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
      dirs.push(dataDir);
      const url = process.env.DATABASE_URL;
      if (!url) return { dataDir, databaseUrl: undefined };
      const name = `${label}_${process.pid}_${databases.length}`;
      await adminQuery(url, `CREATE DATABASE ${name}`);
      databases.push(name);
      return { dataDir, databaseUrl: withDatabase(url, name) };
    },
    async remove() {
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
      const url = process.env.DATABASE_URL;
      if (url) for (const name of databases) await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
