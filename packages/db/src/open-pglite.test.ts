import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { DataDirLockedError } from './data-dir-lock.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './open-pglite.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lancar-pglite-'));
  dirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const FACILITY = '01900000-0000-7000-8000-0000000000f1';

describe('openPglite', () => {
  it('initialises, keeps data across a close and reopen, and refuses a second opener meanwhile', async () => {
    const dir = tempDir();
    // A killed first start leaves a staging directory behind; opening cleans it up.
    mkdirSync(join(dir, 'pgdata.init-424242'));
    writeFileSync(join(dir, 'pgdata.init-424242', 'half-written'), 'x');

    const first = await openPglite(dir, { command: 'test one' });
    assert.ok(existsSync(join(dir, 'pgdata', 'PG_VERSION')));
    assert.deepEqual(
      readdirSync(dir).filter((entry) => entry.startsWith('pgdata.init-')),
      [],
    );
    await assert.rejects(openPglite(dir, { command: 'test two' }), DataDirLockedError);

    await migrate(first);
    await first.db
      .insertInto('facility')
      .values({ id: FACILITY, name: 'Puskesmas Uji', kind: 'puskesmas', district: 'D', province: 'P' })
      .execute();
    await first.close();
    assert.equal(existsSync(join(dir, 'lancar.lock')), false, 'close gives the lock back');

    const second = await openPglite(dir, { command: 'test three' });
    const row = await second.db.selectFrom('facility').select('name').where('id', '=', FACILITY).executeTakeFirst();
    assert.equal(row?.name, 'Puskesmas Uji');
    const wal = await second.withSession((s) => s.query<{ max_wal_size: string }>('SHOW max_wal_size'));
    assert.equal(wal[0]?.max_wal_size, '64MB');
    await second.close();
  });

  it('keeps every acknowledged write when the process is killed with SIGKILL', async () => {
    const dir = tempDir();
    const writer = fileURLToPath(new URL('./testing/write-until-killed.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: string[] = [];
    const lines = createInterface({ input: child.stdout });
    await new Promise<void>((resolve, reject) => {
      child.on('exit', (code, signal) => {
        if (signal !== 'SIGKILL') reject(new Error(`writer exited early: code ${code}, signal ${signal}`));
      });
      lines.on('line', (line) => {
        if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
        if (acknowledged.length === 300) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((resolve) => child.once('exit', resolve));

    // The killed process left its lock and possibly postmaster.pid: both must be recovered from.
    const reopened = await openPglite(dir, { command: 'after kill' });
    const rows = await reopened.db.selectFrom('audit_event').select('id').execute();
    const stored = new Set(rows.map((row) => row.id));
    const lost = acknowledged.filter((id) => !stored.has(id));
    assert.deepEqual(lost, [], `${lost.length} acknowledged rows were lost`);
    await reopened.close();
  });
});
