import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { LOCK_FILE } from './data-dir-lock.ts';
import type { Database } from './database.ts';
import { appliedMigrations, migrationNames } from './migrate.ts';
import { openPglite } from './open-pglite.ts';

/**
 * SIGKILL during the first start (issue 7): initdb, the migrations and the demo load are each interrupted, and the
 * next start on the same directory must come up complete, never half-initialised.
 */
const skip = process.env.DATABASE_URL ? 'PGlite only: runs in the PGlite run' : false;

const FIRST_START = fileURLToPath(new URL('./testing/first-start.ts', import.meta.url));
const STEP_TIMEOUT_MS = 90_000;

const root = mkdtempSync(join(tmpdir(), 'lancar-first-start-'));
after(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const freshDir = () => join(root, `dir-${++counter}`);

interface Run {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when the child prints a line starting with `prefix`; rejects if it exits first. */
  waitFor(prefix: string): Promise<void>;
  output(): string;
}

function start(dir: string): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', FIRST_START, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const waiters: { prefix: string; resolve: () => void }[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    lines.push(line);
    for (const waiter of waiters.filter((w) => line.startsWith(w.prefix))) waiter.resolve();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const output = () => `stdout:\n${lines.join('\n')}\nstderr:\n${stderr}`;
  return {
    child,
    exited,
    output,
    waitFor: (prefix) =>
      new Promise<void>((resolve, reject) => {
        if (lines.some((line) => line.startsWith(prefix))) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`no "${prefix}" within ${STEP_TIMEOUT_MS} ms\n${output()}`)),
          STEP_TIMEOUT_MS,
        );
        waiters.push({
          prefix,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
        exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(new Error(`first start exited (code ${code}, signal ${signal}) before "${prefix}"\n${output()}`));
        });
      }),
  };
}

/** Kills the child; says so if it had already finished (the check that follows still holds, but proves less). */
async function kill(run: Run, context: TestContext): Promise<void> {
  run.child.kill('SIGKILL');
  const { signal, code } = await run.exited;
  if (signal !== 'SIGKILL') context.diagnostic(`the first start ended by itself (code ${code}) before the kill`);
}

/** Runs the first start to its end; it must succeed. */
async function completeRun(dir: string): Promise<void> {
  const run = start(dir);
  await run.waitFor('done');
  const { code } = await run.exited;
  assert.equal(code, 0, run.output());
}

/** Row counts of every table: the demo is deterministic, so a complete first start always gives the same ones. */
async function tableCounts(database: Database): Promise<Record<string, number>> {
  return database.withSession(async (session) => {
    const tables = await session.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const rows = await session.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name}"`);
      counts[name] = rows[0]?.n ?? -1;
    }
    return counts;
  });
}

interface State {
  migrations: string[];
  counts: Record<string, number>;
}

async function inspect(dir: string): Promise<State> {
  const database = await openPglite(dir, { command: 'first-start test inspection' });
  try {
    const migrations = await appliedMigrations(database);
    const counts = migrations.length > 0 ? await tableCounts(database) : {};
    return { migrations, counts };
  } finally {
    await database.close();
  }
}

let template = '';
let complete: Record<string, number> = {};

/**
 * What a killed first start may leave: migrations applied in order with none half-done, and either no demo at all
 * or all of it. Then a second start must finish the job and give exactly what an uninterrupted first start gives.
 */
async function assertRecovers(dir: string, context: TestContext): Promise<void> {
  // The killed process's lock must not stop the next start (its pid is dead).
  const killedState = await inspect(dir);
  context.diagnostic(
    `left by the kill: ${killedState.migrations.length} migrations, ${killedState.counts.facility ?? 0} facilities`,
  );
  assert.deepEqual(killedState.migrations, migrationNames().slice(0, killedState.migrations.length));
  if (killedState.migrations.length === migrationNames().length) {
    const facilities = killedState.counts.facility ?? 0;
    if (facilities > 0) assert.deepEqual(killedState.counts, complete, 'the demo is either absent or complete');
    else assert.equal(killedState.counts.user_account ?? 0, 0, 'no demo facility, so no demo users either');
  }
  await completeRun(dir);
  const recovered = await inspect(dir);
  assert.deepEqual(recovered.migrations, migrationNames());
  assert.deepEqual(recovered.counts, complete);
  assert.deepEqual(
    readdirSync(dir).filter((entry) => entry.startsWith('pgdata.')),
    [],
    'no staging or incomplete directory is left',
  );
}

describe('SIGKILL during the first start', { skip }, () => {
  before(async () => {
    // A directory right after initdb (the slow step), copied for each scenario that kills later on.
    template = freshDir();
    const database = await openPglite(template, { command: 'first-start test template' });
    await database.close();
    const reference = freshDir();
    cpSync(template, reference, { recursive: true });
    await completeRun(reference);
    complete = (await inspect(reference)).counts;
    assert.ok((complete.facility ?? 0) > 0 && (complete.mother ?? 0) > 0, 'the reference run loaded the demo');
  });

  for (const [label, delayMs] of [
    ['as soon as initdb starts', 0],
    ['in the middle of initdb', 1500],
  ] as const) {
    it(`recovers when killed ${label}`, async (t) => {
      const dir = freshDir();
      const run = start(dir);
      await run.waitFor('phase open');
      const deadline = Date.now() + STEP_TIMEOUT_MS;
      const staging = () => existsSync(dir) && readdirSync(dir).some((entry) => entry.startsWith('pgdata.init-'));
      while (!staging() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.ok(staging(), `initdb never started its staging directory\n${run.output()}`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await kill(run, t);
      assert.ok(existsSync(join(dir, LOCK_FILE)), 'the killed process left its lock behind');
      assert.equal(existsSync(join(dir, 'pgdata', 'PG_VERSION')), false, 'killed before initdb finished');
      await assertRecovers(dir, t);
    });
  }

  for (const applied of [1, 5]) {
    it(`recovers when killed after migration ${applied} of ${migrationNames().length}`, async (t) => {
      const dir = freshDir();
      cpSync(template, dir, { recursive: true });
      const run = start(dir);
      await run.waitFor(`applied ${migrationNames()[applied - 1]}`);
      await kill(run, t);
      await assertRecovers(dir, t);
    });
  }

  for (const delayMs of [0, 150, 400]) {
    it(`recovers when killed ${delayMs} ms into the demo load`, async (t) => {
      const dir = freshDir();
      cpSync(template, dir, { recursive: true });
      const run = start(dir);
      await run.waitFor('phase demo');
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await kill(run, t);
      await assertRecovers(dir, t);
    });
  }
});
