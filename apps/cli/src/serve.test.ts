import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

/** `lancar serve` and the server process it runs: stopping either way leaves the database closed and unlocked. */
const BIN = fileURLToPath(new URL('../bin/lancar.js', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'lancar-serve-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

function serve(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANCAR_DATA_DIR: dataDir, PORT: '0', LANCAR_LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Lancar is running at (\S+)/.exec(output);
      if (match?.[1]) resolve({ child, url: match[1], output: () => output });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => reject(new Error(`lancar serve exited with ${code}:\n${output}`)));
  });
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('lancar serve', {
  skip: process.env.DATABASE_URL ? 'the lock is a property of the embedded database' : false,
}, () => {
  it('stops the server cleanly when it is asked to stop (SIGINT to lancar serve alone)', async () => {
    const running = await serve();
    assert.equal((await fetch(`${running.url}/api/health`)).status, 200);
    running.child.kill('SIGINT');
    assert.equal(await exitOf(running.child), 0, running.output());
    assert.match(running.output(), /closing the database cleanly/);
    assert.equal(existsSync(join(dataDir, 'lancar.lock')), false, 'the lock is released');
  });

  it('takes the server down with it when lancar serve itself is killed', async () => {
    const running = await serve();
    running.child.kill('SIGKILL');
    await exitOf(running.child);
    await until(() => !existsSync(join(dataDir, 'lancar.lock')), 'the orphaned server to close and unlock');
    // And the directory opens again straight away.
    const again = await serve();
    again.child.kill('SIGTERM');
    assert.equal(await exitOf(again.child), 0);
  });
});
