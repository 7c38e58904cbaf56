import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openPglite } from '@lancar/db';
import { mountSmallDisk, type SmallDisk, within } from '@lancar/db/testing';
import { newId } from '@lancar/domain';
import { environment, exited, type Started, start } from './testing/server-process.ts';
import { type LooseJson, TestClient, type TestResponse } from './testing/test-server.ts';

/**
 * The real server on an embedded database whose disk fills up (issue 7): writes get a clear 507 problem, every
 * acknowledged enrolment survives, the server stops without hanging, and once space is freed it starts again.
 */
const skip = process.env.DATABASE_URL ? 'PGlite only: runs in the PGlite run' : false;
const DISK_MB = 96;
const MAX_WRITES = 5_000;
const WRITE_BUDGET_MS = 90_000;

let disk: SmallDisk | undefined;
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  disk?.unmount();
});

/** `lancar serve` on this PGlite directory, quiet: a full disk makes every refused write a log line. */
async function startOn(dataDir: string): Promise<Started> {
  const server = await start({ ...environment(dataDir, undefined), LANCAR_LOG_LEVEL: 'fatal' });
  children.push(server.child);
  return server;
}

function stopWithin(server: Started, ms: number): Promise<number | null> {
  server.child.kill('SIGTERM');
  return within(exited(server.child), ms, "the server's exit").catch((error: Error) => {
    throw new Error(`${error.message}:\n${server.output()}`);
  });
}

function enrolment(id: string, n: number) {
  return {
    id,
    fullName: `Ibu Disk Penuh ${n}`,
    deliveredAt: new Date().toISOString(),
    consentCare: true,
    consentResearch: false,
    babies: [{ id: newId(), sex: 'female', birthWeightG: 3000 }],
  };
}

describe('the server on a full disk (embedded PGlite)', { skip }, () => {
  it('answers 507 "disk full", keeps every acknowledged write, and starts again once space is freed', async (t) => {
    const mounted = mountSmallDisk(DISK_MB);
    if ('skip' in mounted) {
      t.skip(mounted.skip);
      return;
    }
    disk = mounted;
    const dataDir = join(disk.path, 'data');
    const first = await startOn(dataDir);
    const midwife = new TestClient(first.url);
    assert.equal((await midwife.post('/api/auth/login', { login: 'bidan.sari', password: 'demo-lancar' })).status, 200);
    disk.fill('filler', 512 * 1024);

    const acknowledged: string[] = [];
    let refused: TestResponse<LooseJson> | undefined;
    const deadline = Date.now() + WRITE_BUDGET_MS;
    while (acknowledged.length < MAX_WRITES && Date.now() < deadline) {
      const id = newId();
      const response = await midwife.post('/api/mothers', enrolment(id, acknowledged.length));
      if (response.status !== 201) {
        refused = response;
        break;
      }
      acknowledged.push(id);
    }
    assert.ok(refused, `${acknowledged.length} enrolments and the disk never filled`);
    t.diagnostic(`${acknowledged.length} enrolments acknowledged before the disk was full`);
    assert.equal(refused.status, 507, JSON.stringify(refused.body));
    assert.match(refused.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(refused.body.title, 'Penyimpanan penuh');
    assert.match(refused.body.detail, /mengosongkan ruang disk/);
    const english = await midwife.post('/api/mothers', enrolment(newId(), -1), { 'accept-language': 'en' });
    assert.equal(english.status, 507);
    assert.equal(english.body.title, 'The disk is full');
    assert.match(english.body.detail, /free space on the server's disk/);

    // Stopping on a disk without one free byte: the closing CHECKPOINT fails (a PANIC in PGlite). The server must
    // still exit, say why, and give the lock back.
    disk.fillCompletely('filler-2');
    const code = await stopWithin(first, 60_000);
    const said = first
      .output()
      .split('\n')
      .find((line) => /Lancar must stop/.test(line));
    t.diagnostic(`stopping on a full disk: exit code ${code}${said ? `, "${said.slice(0, 300)}"` : ''}`);
    if (code !== 0) assert.match(first.output(), /disk is full/, first.output());
    assert.equal(existsSync(join(dataDir, 'lancar.lock')), false, 'the lock is given back');

    // The operator frees space and starts Lancar again: it recovers, and writes work.
    rmSync(join(disk.path, 'filler'));
    rmSync(join(disk.path, 'filler-2'));
    const second = await startOn(dataDir);
    const again = new TestClient(second.url);
    assert.equal((await again.post('/api/auth/login', { login: 'bidan.sari', password: 'demo-lancar' })).status, 200);
    const afterwards = newId();
    assert.equal((await again.post('/api/mothers', enrolment(afterwards, 0))).status, 201);
    assert.equal(await stopWithin(second, 60_000), 0, second.output());

    const database = await openPglite(dataDir, { command: 'full-disk process test' });
    try {
      const rows = await database.db
        .selectFrom('mother')
        .select('id')
        .where('id', 'in', [...acknowledged, afterwards])
        .execute();
      const stored = new Set(rows.map((row) => row.id));
      const lost = acknowledged.filter((id) => !stored.has(id));
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged enrolments were lost`);
      assert.ok(stored.has(afterwards));
    } finally {
      await database.close();
    }
  });
});
