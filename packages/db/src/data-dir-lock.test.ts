import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './data-dir-lock.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lancar-lock-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('lockDataDir', () => {
  it('refuses a second holder and names the first', () => {
    const dir = tempDir();
    const release = lockDataDir(dir, 'lancar serve');
    assert.throws(
      () => lockDataDir(dir, 'lancar backup'),
      (error: unknown) =>
        error instanceof DataDirLockedError &&
        error.holder.pid === process.pid &&
        /in use by another Lancar process \(pid \d+ .*"lancar serve"/.test(error.message),
    );
    release();
    assert.equal(existsSync(join(dir, LOCK_FILE)), false);
    lockDataDir(dir, 'lancar backup')();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    // A pid that has certainly exited: a child we ran to completion.
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: dead, host: hostname(), command: 'lancar serve', startedAt: '2026-01-01T00:00:00Z' }),
    );
    const release = lockDataDir(dir, 'lancar serve');
    assert.equal(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid, process.pid);
    release();
  });

  it('does not take a lock held on another host', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 1, host: 'another-host', command: 'lancar serve', startedAt: '2026-01-01T00:00:00Z' }),
    );
    assert.throws(() => lockDataDir(dir, 'lancar serve'), DataDirLockedError);
  });
});

describe('lockDataDir under a race', () => {
  it('lets exactly one of many processes take over the same stale lock', async () => {
    const { spawn } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid;
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: dead, host: hostname(), command: 'lancar serve', startedAt: '2026-01-01T00:00:00Z' }),
    );
    const racer = fileURLToPath(new URL('./testing/lock-racer.ts', import.meta.url));
    const racers = Array.from({ length: 6 }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', racer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      const lines: string[] = [];
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      child.stdout.on('data', (chunk: Buffer) => lines.push(...chunk.toString().trim().split('\n')));
      return { lines, exited };
    });
    const until = async (check: () => boolean) => {
      while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await until(() => racers.every((r) => r.lines.includes('ready')));
    writeFileSync(join(dir, 'go'), '');
    await until(() => racers.every((r) => r.lines.length >= 2));
    const results = racers.map((r) => r.lines[1]);
    writeFileSync(join(dir, 'release'), '');
    await Promise.all(racers.map((r) => r.exited));
    assert.equal(results.filter((r) => r === 'locked').length, 1, results.join(','));
    assert.equal(results.filter((r) => r === 'refused').length, 5, results.join(','));
  });
});
