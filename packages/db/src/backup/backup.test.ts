import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Database } from '../database.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { BackupError, restoreBackup } from './restore-backup.ts';
import { BACKUP_TABLES, NOT_BACKED_UP } from './tables.ts';
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
    await addMidwifeRecords(source);
  });
  after(() => source.close());

  it('covers every table of the schema, or leaves it out on purpose', async () => {
    const rows = await source.withSession((session) =>
      session.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
      ),
    );
    const covered = new Set<string>([...BACKUP_TABLES.map((table) => table.name), ...NOT_BACKED_UP]);
    assert.deepEqual(
      rows.map((row) => row.name).filter((name) => !covered.has(name)),
      [],
      'a table neither backed up nor listed in NOT_BACKED_UP',
    );
  });

  it('writes every table with a trailer of row counts', async () => {
    const counts = await writeBackup(source, backupFile);
    assert.equal(counts.facility, 2);
    assert.equal(counts.mother, 5);
    assert.equal(counts.baby, 6);
    // The midwife's own records: a visit and its correction, a message to the household, an alert's action.
    assert.equal(counts.visit, 2);
    assert.equal(counts.household_message, 1);
    assert.equal(counts.alert_action, 1);
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

/** A visit corrected once, a message and an action on the first alert: records the demo does not hold. */
async function addMidwifeRecords(database: Database): Promise<void> {
  const db = database.db;
  const alert = await db
    .selectFrom('alert')
    .select(['facility_id', 'id', 'mother_id'])
    .limit(1)
    .executeTakeFirstOrThrow();
  const midwife = await db
    .selectFrom('user_account')
    .select('id')
    .where('facility_id', '=', alert.facility_id)
    .where('role', '=', 'midwife')
    .limit(1)
    .executeTakeFirstOrThrow();
  const base = {
    facility_id: alert.facility_id,
    mother_id: alert.mother_id,
    visit_code: 'KF2' as const,
    visited_at: new Date('2026-01-05T03:00:00Z'),
    place: 'home' as const,
    observations: JSON.stringify({ temperatureC: 36.8 }),
    recorded_by: midwife.id,
  };
  await db
    .insertInto('visit')
    .values({
      ...base,
      id: randomUUID(),
      notes: 'first',
      recorded_at: new Date('2026-01-05T04:00:00Z'),
      supersedes: null,
    })
    .execute();
  const first = await db.selectFrom('visit').select('id').where('notes', '=', 'first').executeTakeFirstOrThrow();
  await db
    .insertInto('visit')
    .values({
      ...base,
      id: randomUUID(),
      notes: 'corrected',
      recorded_at: new Date('2026-01-05T05:00:00Z'),
      supersedes: first.id,
    })
    .execute();
  await db
    .insertInto('household_message')
    .values({
      facility_id: alert.facility_id,
      id: randomUUID(),
      mother_id: alert.mother_id,
      body: 'Besok saya berkunjung.',
      sent_by: midwife.id,
      sent_at: new Date('2026-01-05T06:00:00Z'),
      seq: 1_000_000,
    })
    .execute();
  await db
    .insertInto('alert_action')
    .values({
      facility_id: alert.facility_id,
      id: randomUUID(),
      alert_id: alert.id,
      mother_id: alert.mother_id,
      kind: 'acknowledged',
      action_taken: null,
      outcome: null,
      note: null,
      acted_by: midwife.id,
      acted_at: new Date('2026-01-05T07:00:00Z'),
    })
    .execute();
}
