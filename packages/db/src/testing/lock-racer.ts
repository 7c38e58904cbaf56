// Helper process for the lock race test. It says "ready", waits for the "go" file so that all racers try at the
// same moment, says whether it got the lock, and holds a lock it got until the "release" file appears.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataDirLockedError, lockDataDir } from '../data-dir-lock.ts';

const dir = process.argv[2];
if (!dir) throw new Error('usage: lock-racer.ts DATA_DIR');

async function waitFor(file: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!existsSync(join(dir as string, file))) {
    if (Date.now() > deadline) throw new Error(`no ${file} file within a minute`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

process.stdout.write('ready\n');
await waitFor('go');
try {
  const release = lockDataDir(dir, 'racer');
  process.stdout.write('locked\n');
  await waitFor('release');
  release();
} catch (error) {
  process.stdout.write(error instanceof DataDirLockedError ? 'refused\n' : `error ${String(error)}\n`);
}
