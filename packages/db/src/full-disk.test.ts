import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { newId } from '@lancar/domain';
import { LOCK_FILE } from './data-dir-lock.ts';
import type { Database } from './database.ts';
import { DISK_FULL } from './disk-full.ts';
import { migrate } from './migrate.ts';
import { openPglite, PgliteStoppedError } from './open-pglite.ts';
import { mountSmallDisk, type SmallDisk } from './testing/small-disk.ts';
import { insertTestFacility, testAuditRow } from './testing/test-rows.ts';
import { within } from './testing/within.ts';

/**
 * A full disk under PGlite (issue 7). What PGlite 0.5 does, found here: a write that cannot extend a file fails
 * with an ordinary ERROR, SQLSTATE 53100 "could not extend file ...: No space left on device", and the instance
 * stays usable, writing again once space is freed; but a CHECKPOINT on a full disk is a PANIC, after which PGlite answers reads with no rows and
 * hangs on writes. openPglite turns that PANIC into PgliteStoppedError for every later query.
 */
const skip = process.env.DATABASE_URL ? 'PGlite only: runs in the PGlite run' : false;

const DISK_MB = 96;
const MAX_ROWS = 20_000;
const WRITE_BUDGET_MS = 90_000;
const CHECK_ROWS = fileURLToPath(new URL('./testing/check-rows.ts', import.meta.url));

const work = mkdtempSync(join(tmpdir(), 'lancar-full-disk-'));
let disk: SmallDisk | undefined;
after(() => {
  disk?.unmount();
  rmSync(work, { recursive: true, force: true });
});

function auditRow(facilityId: string, id: string) {
  // Incompressible padding, so each row really takes space.
  return testAuditRow(facilityId, id, JSON.stringify({ pad: randomBytes(3000).toString('base64') }));
}

describe('a full disk under PGlite', { skip }, () => {
  it('fails writes with SQLSTATE 53100, stops cleanly on a PANIC, and loses no acknowledged row', async (t) => {
    const mounted = mountSmallDisk(DISK_MB);
    if ('skip' in mounted) {
      t.skip(mounted.skip);
      return;
    }
    disk = mounted;
    const dataDir = join(disk.path, 'data');
    let database: Database | undefined = await openPglite(dataDir, { command: 'full-disk test' });
    await migrate(database);
    const facilityId = await insertTestFacility(database.db, 'Full disk');
    t.diagnostic(`migrated data directory on a ${DISK_MB} MB tmpfs; ${disk.freeBytes() >> 20} MB left before filling`);
    disk.fill('filler', 2 * 1024 * 1024);

    const acknowledged: string[] = [];
    let failure: unknown;
    const deadline = Date.now() + WRITE_BUDGET_MS;
    while (acknowledged.length < MAX_ROWS && Date.now() < deadline) {
      const id = newId();
      try {
        await database.db.insertInto('audit_event').values(auditRow(facilityId, id)).execute();
      } catch (error) {
        failure = error;
        break;
      }
      acknowledged.push(id);
    }
    assert.ok(failure, `${acknowledged.length} writes and the disk never filled`);
    t.diagnostic(`${acknowledged.length} rows written before: ${(failure as Error).message}`);
    assert.equal((failure as { code?: string }).code, DISK_FULL);
    assert.match((failure as Error).message, /No space left on device/);

    // The instance is still sound: another write fails the same way (no hang) and reads still answer.
    await assert.rejects(
      within(database.db.insertInto('audit_event').values(auditRow(facilityId, newId())).execute(), 30_000, 'write'),
      { code: DISK_FULL },
    );
    const counted = await database.db
      .selectFrom('audit_event')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(counted.n), acknowledged.length);

    // Space freed while it runs: the same instance writes again.
    rmSync(join(disk.path, 'filler'));
    const afterFreeing = newId();
    await database.db.insertInto('audit_event').values(auditRow(facilityId, afterFreeing)).execute();
    acknowledged.push(afterFreeing);

    // Not one byte left: a CHECKPOINT now is a PANIC. Afterwards every query fails plainly, none answers wrongly.
    disk.fillCompletely('filler');
    const fatal: Error[] = [];
    database.onFatal?.((error) => fatal.push(error));
    await assert.rejects(within(database.checkpoint(), 30_000, 'checkpoint'), { code: DISK_FULL });
    assert.equal(fatal.length, 1, 'the PANIC is reported once');
    assert.ok(fatal[0] instanceof PgliteStoppedError);
    assert.match(fatal[0].message, /disk is full: free space on it, then restart Lancar/);
    await assert.rejects(
      within(database.db.selectFrom('audit_event').select('id').execute(), 30_000, 'read after the PANIC'),
      PgliteStoppedError,
    );
    await within(database.close(), 30_000, 'close after the PANIC');
    database = undefined;
    assert.equal(existsSync(join(dataDir, LOCK_FILE)), false, 'close gives the lock back');

    // The operator frees space; a fresh process opens the same directory with every acknowledged row and writes.
    rmSync(join(disk.path, 'filler'));
    const idsFile = join(work, 'acknowledged.txt');
    writeFileSync(idsFile, acknowledged.join('\n'));
    const check = spawnSync(process.execPath, ['--import', 'tsx', CHECK_ROWS, dataDir, idsFile, facilityId], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(check.status, 0, check.stderr);
    const outcome = JSON.parse(check.stdout.trim().split('\n').at(-1) ?? '{}') as {
      stored: number;
      missing: number;
      wroteAfter: boolean;
    };
    assert.deepEqual(outcome, { stored: acknowledged.length, missing: 0, wroteAfter: true });
  });
});
