import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { BackupError, restoreBackup } from './restore-backup.ts';
import { writeBackup } from './write-backup.ts';

const dir = mkdtempSync(join(tmpdir(), 'lancar-backup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function rowsOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .slice(1) // the header carries the time and source
    .sort();
}

describe('backup and restore', () => {
  let source: Database;
  let backupFile: string;
  before(async () => {
    source = await openTestDatabase();
    backupFile = join(dir, 'source.ndjson');
  });
  after(() => source.close());

  it('writes every table with a trailer of row counts', async () => {
    const counts = await writeBackup(source, backupFile);
    assert.equal(counts.facility, 2);
    assert.equal(counts.mother, 5);
    assert.equal(counts.baby, 6);
    const lines = readFileSync(backupFile, 'utf8').trim().split('\n');
    assert.equal(JSON.parse(lines[0] ?? '').format, 'lancar-backup');
    assert.deepEqual(JSON.parse(lines.at(-1) ?? '').rows, counts);
  });

  it('refuses to overwrite an existing file', async () => {
    await assert.rejects(writeBackup(source, backupFile), /EEXIST/);
  });

  it('restores into an empty database and gives back the same records', async () => {
    const target = await openTestDatabase({ demo: false });
    try {
      await restoreBackup(target, backupFile);
      const again = join(dir, 'again.ndjson');
      await writeBackup(target, again);
      assert.deepEqual(rowsOf(again), rowsOf(backupFile));
      await assert.rejects(restoreBackup(target, backupFile), /already holds data/);
    } finally {
      await target.close();
    }
  });

  it('refuses a truncated or foreign file and leaves the target untouched', async () => {
    const lines = readFileSync(backupFile, 'utf8').trim().split('\n');
    const truncated = join(dir, 'truncated.ndjson');
    writeFileSync(truncated, `${lines.slice(0, -3).join('\n')}\n`);
    const foreign = join(dir, 'foreign.ndjson');
    writeFileSync(foreign, '{"hello":"world"}\n');
    const injected = join(dir, 'injected.ndjson');
    writeFileSync(injected, [lines[0], '{"table":"facility; DROP TABLE mother","row":{}}'].join('\n'));

    const target = await openTestDatabase({ demo: false });
    try {
      await assert.rejects(
        restoreBackup(target, truncated),
        (e: unknown) => e instanceof BackupError && /truncated/.test(e.message),
      );
      await assert.rejects(restoreBackup(target, foreign), /not a Lancar backup/);
      await assert.rejects(restoreBackup(target, injected), /not a row of a known table/);
      const count = await target.db
        .selectFrom('facility')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      assert.equal(Number(count?.n), 0);
      const mothers = await target.db.selectFrom('mother').select('id').execute();
      assert.deepEqual(mothers, []);
    } finally {
      await target.close();
    }
  });
});
