import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openDatabase } from '@lancar/db';
import { adminQuery, startPrivatePostgres, withDatabase } from '@lancar/db/testing';
import { assertExactlyOnce } from '../testing/exactly-once.ts';
import { householdPhones } from '../testing/households.ts';
import { mutation } from '../testing/mutations.ts';
import {
  ackedBatches,
  answersSeen,
  assertOutboxesDrain,
  lastFailures,
  type Phone,
  phoneDefects,
  phoneRecord,
  phonesMade,
  replaysAcknowledged,
  waitFor,
} from '../testing/phone.ts';
import { environment, exited, start } from '../testing/server-process.ts';
import { TestClient } from '../testing/test-server.ts';

/**
 * Issue 7: restart PostgreSQL under load. While it is down every request is answered 503 with a problem document
 * and Retry-After, the server process stays up, the phones keep what they have and retry; once PostgreSQL is back
 * the same server process serves again and every outbox drains, each mutation stored exactly once.
 *
 * The test stops and crashes a private PostgreSQL server of its own, never the shared one in DATABASE_URL. It runs
 * once, in the PostgreSQL run (DATABASE_URL set).
 */
const HOUSEHOLDS = 3; // two phones each
const DOWN_FOR_MS = 3000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a client is told while the database is away: 503, a problem document, when to retry, words to read. */
function assertDatabaseUnavailable(
  response: { status: number; headers: Headers; body: unknown; text: string },
  what: string,
) {
  assert.equal(response.status, 503, `${what} while PostgreSQL is down: ${response.status} ${response.text}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
  assert.ok(Number(response.headers.get('retry-after')) > 0, `${what} says when to retry`);
  const body = response.body as { title?: string; detail?: string; status?: number; type?: string };
  assert.equal(body.status, 503);
  assert.match(body.type ?? '', /database-unavailable$/);
  assert.ok((body.title ?? '').length > 5 && (body.detail ?? '').length > 5, `${what}: a readable title and detail`);
}

describe('PostgreSQL restarted under load', () => {
  it('answers 503 while it is down, loses nothing, and serves again without a restart', {
    skip: process.env.DATABASE_URL ? false : 'runs in the PostgreSQL run',
    timeout: 180_000,
  }, async (t) => {
    const postgres = await startPrivatePostgres();
    if ('skip' in postgres) {
      t.skip(postgres.skip);
      return;
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'lancar-pg-restart-'));
    let server: Awaited<ReturnType<typeof start>> | undefined;
    let stopped = false; // set when the test ends, so no phone outlives it
    try {
      await adminQuery(postgres.url, 'CREATE DATABASE lancar_restart');
      const databaseUrl = withDatabase(postgres.url, 'lancar_restart');
      server = await start(environment(dataDir, databaseUrl));
      const alive = () => server?.child.exitCode === null && server.child.signalCode === null;
      const phones = await householdPhones(server.url, HOUSEHOLDS);
      const anonymous = new TestClient(server.url);
      let recording = true;
      const deadline = Date.now() + 150_000;
      const running = Promise.all(
        phones.map((phone) => phone.run({ recording: () => recording, stop: () => stopped, deadline })),
      );

      assert.ok(await waitFor(() => ackedBatches(phones) >= 15, 30_000), `pushes go through: ${phoneDefects(phones)}`);
      for (const mode of ['fast', 'immediate'] as const) {
        await postgres.stop(mode);
        const ackedWhenStopped = ackedBatches(phones);
        for (let probe = 0; probe < 2; probe++) {
          await sleep(DOWN_FOR_MS / 3);
          assertDatabaseUnavailable(await anonymous.get('/api/health'), `health (${mode} stop)`);
          // A phone's push while the database is away: refused, so it stays in the phone's outbox.
          const phone = phones[probe] as Phone;
          const made = mutation(
            'feed',
            { side: 'both', durationMinutes: 12 },
            { motherId: phone.household.motherId, babyId: phone.household.babyId },
          );
          const refused = await phone.client.post('/api/sync/push', { deviceId: phone.name, mutations: [made] });
          assertDatabaseUnavailable(refused, `push (${mode} stop)`);
          phone.outbox.push(made);
          phone.generated.set(made.mutationId, made.entry.id);
          assert.ok(alive(), `the server process stays up while PostgreSQL is down (${mode} stop)`);
        }
        await sleep(DOWN_FOR_MS / 3);
        assert.ok(alive(), `the server process stays up while PostgreSQL is down (${mode} stop)`);
        await postgres.start();

        const recovered = await waitFor(() => ackedBatches(phones) >= ackedWhenStopped + 10, 30_000);
        assert.deepEqual(phoneDefects(phones), []);
        assert.ok(recovered, `pushes go through again after the ${mode} stop; last failures: ${lastFailures(phones)}`);
        assert.equal((await anonymous.get('/api/health')).status, 200, `healthy again after the ${mode} stop`);
      }
      recording = false;
      await assertOutboxesDrain(phones, running, deadline);
      const answers = answersSeen(phones);
      const unexpected = Object.keys(answers).filter((status) => !['200', '503'].includes(status));
      assert.deepEqual(unexpected, [], `phones were answered only 200 or 503: ${JSON.stringify(answers)}`);
      assert.ok(alive(), 'the same server process served throughout');
      t.diagnostic(`${phonesMade(phones)}; push answers ${JSON.stringify(answers)}; ${replaysAcknowledged(phones)}`);

      server.child.kill('SIGTERM');
      assert.equal(await exited(server.child), 0, 'SIGTERM closes cleanly');
      const database = await openDatabase({ databaseUrl, dataDir, command: 'postgres-restart test' });
      try {
        await assertExactlyOnce(database, phoneRecord(phones));
      } finally {
        await database.close();
      }
    } catch (error) {
      throw new Error(`${(error as Error).message}\nserver output:\n${server?.output().slice(-4000)}`, {
        cause: error,
      });
    } finally {
      stopped = true;
      if (server && server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await exited(server.child);
      }
      await postgres.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
