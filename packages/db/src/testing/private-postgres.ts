import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL server of a test's own, in a temporary directory on a free port, for tests that stop or crash the
 * server (issue 7): the machine's shared server, which other tests use at the same time, is never touched. The
 * binaries are found in /usr/lib/postgresql/<version>/bin (the newest version there), else LANCAR_PG_BIN, else on
 * the PATH. initdb refuses to run as root, so a root process runs the server as the `postgres` user.
 *
 * Under CI=true a server that cannot be started is a failure (the error says why); elsewhere the test is skipped
 * with the reason printed.
 */
export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres (trust authentication, loopback only). */
  url: string;
  port: number;
  start(): Promise<void>;
  /** `fast`: a clean shutdown that ends the sessions; `immediate`: a crash, followed by recovery at the next start. */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  restart(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops the server if it runs and removes its directory. Always call it (in `after` or `finally`). */
  cleanup(): Promise<void>;
}

function binDir(): string | undefined {
  if (process.env.LANCAR_PG_BIN) return process.env.LANCAR_PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${[command, ...args].join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

function idOf(user: string, flag: '-u' | '-g'): Promise<number> {
  return run('id', [flag, user]).then((out) => Number(out.trim()));
}

async function create(): Promise<PrivatePostgres> {
  const bin = binDir();
  const tool = (name: string) => (bin ? join(bin, name) : name);
  const asRoot = userInfo().uid === 0;
  // As root, every PostgreSQL program runs as the postgres user, who must own the directory.
  const exec = (name: string, args: string[], timeoutMs?: number) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', tool(name), ...args], timeoutMs)
      : run(tool(name), args, timeoutMs);

  const dir = mkdtempSync(join(tmpdir(), 'lancar-private-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'postgres.log');
  let running = false;
  const cleanup = async () => {
    if (running) await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    running = false;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (asRoot) chownSync(dir, await idOf('postgres', '-u'), await idOf('postgres', '-g'));
    await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
    const port = await freePort();
    // fsync off: a crash of the server (not of the machine) loses nothing the OS was given, and tests run faster.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    const start = async () => {
      try {
        await exec('pg_ctl', ['-D', data, '-l', log, '-o', options, '-w', '-t', '60', 'start'], 90_000);
      } catch (error) {
        const tail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
        throw new Error(`${(error as Error).message}\n${tail}`);
      }
      running = true;
    };
    const stop = async (mode: 'fast' | 'immediate') => {
      await exec('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
      running = false;
    };
    await start();
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      port,
      start,
      stop,
      restart: async (mode = 'fast') => {
        await stop(mode);
        await start();
      },
      cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** A started private server, or why there is none (outside CI only: under CI=true it throws). */
export async function startPrivatePostgres(): Promise<PrivatePostgres | { skip: string }> {
  try {
    return await create();
  } catch (error) {
    const reason = `cannot start a private PostgreSQL server: ${(error as Error).message}`;
    if (process.env.CI === 'true') throw new Error(`CI needs a private PostgreSQL server for this test: ${reason}`);
    return { skip: reason };
  }
}
