import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { adminQuery, postgresServerForTests, withDatabase } from '@lancar/db/testing';

/** The `lancar` command run as a person would run it, in its own process. */
const BIN = fileURLToPath(new URL('../bin/lancar.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'lancar-cli-'));
const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups) await cleanup();
  rmSync(work, { recursive: true, force: true });
});

function lancar(args: string[], env: NodeJS.ProcessEnv = {}, input?: string) {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...base, ...env },
    input,
    encoding: 'utf8',
    timeout: 300_000, // a guard against a hang, not a timing check: a loaded CI machine can take minutes
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Backup lines without the header (which carries the time and the source kind), sorted. */
function records(file: string): string[] {
  return readFileSync(file, 'utf8').trim().split('\n').slice(1).sort();
}

describe('lancar CLI', () => {
  it('explains itself', () => {
    const help = lancar(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /Commands:/);
    for (const command of ['serve', 'migrate', 'demo', 'backup', 'restore']) {
      const own = lancar([command, '--help']);
      assert.equal(own.code, 0, command);
      assert.match(own.out, new RegExp(`Usage: lancar ${command}`));
    }
    assert.match(lancar(['user', '--help']).out, /Usage: lancar user create/);
    const unknown = lancar(['frobnicate']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /Unknown command "frobnicate"/);
    const badOption = lancar(['backup', '--colour']);
    assert.equal(badOption.code, 2);
    assert.match(badOption.err, /--help/);
  });

  it('sets up a real facility and its first admin without the demo', () => {
    const dataDir = join(work, 'real');
    assert.equal(lancar(['migrate', '--data-dir', dataDir]).code, 0);
    const created = lancar([
      'facility',
      'create',
      '--data-dir',
      dataDir,
      '--name',
      'Puskesmas Mawar',
      '--kind',
      'puskesmas',
      '--district',
      'Kab. Klaten',
      '--province',
      'Jawa Tengah',
      '--phone',
      '0272 555 010',
    ]);
    assert.equal(created.code, 0, created.err);
    const id = /id ([0-9a-f-]{36})/.exec(created.out)?.[1];
    assert.ok(id, created.out);
    const listed = lancar(['facility', 'list', '--data-dir', dataDir]);
    assert.match(listed.out, /Puskesmas Mawar \(puskesmas, Kab\. Klaten, Jawa Tengah\)\s+\+62 272-5550-10/);
    const admin = lancar([
      'user',
      'create',
      '--data-dir',
      dataDir,
      '--facility',
      id,
      '--role',
      'facility_admin',
      '--name',
      'Ibu Kepala',
      '--username',
      'kepala.mawar',
    ]);
    assert.equal(admin.code, 0, admin.err);
    assert.match(admin.out, /Activation code: [34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}/);
    const withPassword = lancar(
      [
        'user',
        'create',
        '--data-dir',
        dataDir,
        '--facility',
        id,
        '--role',
        'system_admin',
        '--name',
        'Sys',
        '--username',
        'sys.admin',
        '--password-stdin',
      ],
      {},
      'a-long-password\n',
    );
    assert.equal(withPassword.code, 0, withPassword.err);
    const duplicate = lancar([
      'user',
      'create',
      '--data-dir',
      dataDir,
      '--facility',
      id,
      '--role',
      'midwife',
      '--name',
      'X',
      '--username',
      'kepala.mawar',
    ]);
    assert.equal(duplicate.code, 1);
    assert.match(duplicate.err, /already used/);
    const mother = lancar([
      'user',
      'create',
      '--data-dir',
      dataDir,
      '--facility',
      id,
      '--role',
      'mother',
      '--name',
      'X',
      '--phone',
      '0812 1',
    ]);
    assert.equal(mother.code, 2);
    assert.match(mother.err, /enrolled by a midwife/);
    const demoRefused = lancar(['demo', '--reset', '--data-dir', dataDir]);
    assert.equal(demoRefused.code, 1);
    assert.match(demoRefused.err, /not part of the demo/);
  });

  it('loads and resets the demo, the same every time', () => {
    const dataDir = join(work, 'demo');
    assert.equal(lancar(['demo', '--data-dir', dataDir]).code, 0);
    const again = lancar(['demo', '--data-dir', dataDir]);
    assert.equal(again.code, 1);
    assert.match(again.err, /already holds data/);
    const first = join(work, 'demo-1.ndjson');
    const second = join(work, 'demo-2.ndjson');
    assert.equal(lancar(['backup', first, '--data-dir', dataDir]).code, 0);
    assert.equal(lancar(['demo', '--reset', '--data-dir', dataDir]).code, 0);
    assert.equal(lancar(['backup', second, '--data-dir', dataDir]).code, 0);
    // Same ids, names and codes; only the times of loading differ.
    const withoutTimes = (file: string) => records(file).map((line) => line.replace(/"\d{4}-\d\d-\d\dT[^"]+"/g, '"T"'));
    assert.deepEqual(withoutTimes(second), withoutTimes(first));
  });

  it('moves an embedded database to PostgreSQL and back with backup and restore, record for record', async (t) => {
    const server = await postgresServerForTests();
    if ('skip' in server) {
      t.skip(server.skip);
      return;
    }
    const name = `lancar_cli_${process.pid}`;
    await adminQuery(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await adminQuery(server.url, `CREATE DATABASE ${name}`);
    cleanups.push(() => adminQuery(server.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const postgres = withDatabase(server.url, name);

    const embedded = join(work, 'embedded');
    assert.equal(lancar(['demo', '--data-dir', embedded]).code, 0);
    const fromPglite = join(work, 'from-pglite.ndjson');
    const backedUp = lancar(['backup', fromPglite, '--data-dir', embedded]);
    assert.equal(backedUp.code, 0, backedUp.err);
    assert.match(backedUp.out, /mother 5/);

    const restored = lancar(['restore', fromPglite], { DATABASE_URL: postgres });
    assert.equal(restored.code, 0, restored.err);
    const fromPostgres = join(work, 'from-postgres.ndjson');
    assert.equal(lancar(['backup', fromPostgres], { DATABASE_URL: postgres }).code, 0);
    assert.deepEqual(records(fromPostgres), records(fromPglite));

    // And back again into a new embedded database.
    const back = join(work, 'back');
    assert.equal(lancar(['restore', fromPostgres, '--data-dir', back]).code, 0);
    const roundTrip = join(work, 'round-trip.ndjson');
    assert.equal(lancar(['backup', roundTrip, '--data-dir', back]).code, 0);
    assert.deepEqual(records(roundTrip), records(fromPglite));

    const twice = lancar(['restore', fromPglite], { DATABASE_URL: postgres });
    assert.equal(twice.code, 1);
    assert.match(twice.err, /Nothing was restored: The target database already holds data/);
  });

  it('says clearly when the embedded database is in use by another process', async () => {
    const { lockDataDir } = await import('@lancar/db');
    const dataDir = join(work, 'locked');
    assert.equal(lancar(['migrate', '--data-dir', dataDir]).code, 0);
    const release = lockDataDir(dataDir, 'lancar serve');
    try {
      const refused = lancar(['backup', join(work, 'never.ndjson'), '--data-dir', dataDir]);
      assert.equal(refused.code, 1);
      assert.match(refused.err, new RegExp(`in use by another Lancar process \\(pid ${process.pid} .*"lancar serve"`));
    } finally {
      release();
    }
  });
});
