import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { newId } from '@lancar/domain';
import { environment, exited, MAIN, start, storeFactory } from './testing/server-process.ts';
import { TestClient } from './testing/test-server.ts';

/** The real `lancar serve` program in its own process: refusing a second start, and losing nothing to kill -9. */
const stores = storeFactory('lancar_proc');
const { freshStore } = stores;
after(() => stores.remove());

describe('the server process', () => {
  it('refuses a second server on the same embedded data directory, naming the first', {
    skip: !!process.env.DATABASE_URL,
  }, async () => {
    const { dataDir } = await freshStore();
    const first = await start(environment(dataDir, undefined));
    try {
      const second = spawn(process.execPath, ['--import', 'tsx', MAIN], {
        env: environment(dataDir, undefined),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      second.stdout.on('data', (c: Buffer) => (text += c.toString()));
      second.stderr.on('data', (c: Buffer) => (text += c.toString()));
      assert.equal(await exited(second), 1);
      assert.match(text, new RegExp(`in use by another Lancar process \\(pid ${first.child.pid} `));
      // The first server is unharmed.
      assert.equal((await new TestClient(first.url).get('/api/health')).status, 200);
    } finally {
      first.child.kill('SIGTERM');
      assert.equal(await exited(first.child), 0, 'SIGTERM closes cleanly');
    }
    assert.equal(existsSync(join(dataDir, 'lancar.lock')), false, 'a clean stop releases the lock');
  });

  it('keeps every acknowledged record when killed with SIGKILL in the middle of writes', async () => {
    const { dataDir, databaseUrl } = await freshStore();
    const env = environment(dataDir, databaseUrl);
    const first = await start(env);
    const midwife = new TestClient(first.url);
    assert.equal((await midwife.post('/api/auth/login', { login: 'bidan.sari', password: 'demo-lancar' })).status, 200);

    const acknowledged: string[] = [];
    let killed = false;
    const writer = async () => {
      while (!killed) {
        const id = newId();
        try {
          const response = await midwife.post('/api/mothers', {
            id,
            fullName: `Ibu Uji ${acknowledged.length}`,
            deliveredAt: new Date().toISOString(),
            consentCare: true,
            consentResearch: false,
            babies: [{ id: newId(), sex: 'female', birthWeightG: 3000 }],
          });
          if (response.status === 201) acknowledged.push(id);
        } catch {
          // The connection died with the server: this write was never acknowledged.
        }
        if (acknowledged.length >= 40 && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([writer(), writer(), writer()]);
    await exited(first.child);

    const second = await start(env);
    try {
      const client = new TestClient(second.url);
      assert.equal(
        (await client.post('/api/auth/login', { login: 'bidan.sari', password: 'demo-lancar' })).status,
        200,
      );
      const listed = await client.get('/api/mothers');
      const present = new Set(listed.body.mothers.map((m: { id: string }) => m.id));
      const lost = acknowledged.filter((id) => !present.has(id));
      assert.ok(acknowledged.length >= 40);
      assert.deepEqual(lost, [], `${lost.length} of ${acknowledged.length} acknowledged enrolments were lost`);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
  });
});
